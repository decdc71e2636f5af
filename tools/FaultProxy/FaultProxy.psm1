# Starts and stops the fault-injecting proxy (tests/Chinook.FaultProxy) between the module and a local
# DynamoDB, for the reliability tests and the benchmark. Every proxy started here is tied to this session
# (it stops when the session's end closes its standard input) and is stopped by its process id.

$script:Project = Join-Path $PSScriptRoot '../../tests/Chinook.FaultProxy'
$script:Assembly = Join-Path $script:Project 'bin/Release/net10.0/Chinook.FaultProxy.dll'
# Process id -> the Process started here, whose standard input and output this session holds.
$script:Started = @{}

function Install-FaultProxy {
    <#
    .SYNOPSIS
    Builds the proxy when it has not been built, or its sources changed since; returns the assembly's path.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()
    $built = Get-Item $script:Assembly -ErrorAction Ignore
    $newer = Get-ChildItem $script:Project -File -Recurse -Include *.cs, *.csproj |
        Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' -and (-not $built -or $_.LastWriteTimeUtc -gt $built.LastWriteTimeUtc) }
    if ($newer) {
        Write-Verbose "Building the fault proxy in $script:Project."
        $output = & dotnet build $script:Project -c Release --nologo -v q 2>&1
        if ($LASTEXITCODE -ne 0) { throw "Building the fault proxy failed with exit code ${LASTEXITCODE}: $($output -join [Environment]::NewLine)" }
    }
    return (Resolve-Path $script:Assembly).Path
}

function Start-FaultProxy {
    <#
    .SYNOPSIS
    Starts the fault proxy in front of a DynamoDB endpoint, waits until it answers, and returns its process
    id, port and endpoint URL.

    .EXAMPLE
    $proxy = Start-FaultProxy -UpstreamUrl $dynalite.EndpointUrl -FaultRate 0.1 -Fault throttle, unprocessed -FaultOnlyTarget BatchWriteItem
    #>
    [CmdletBinding()]
    param(
        # The DynamoDB endpoint to forward to, such as http://127.0.0.1:8000.
        [Parameter(Mandatory)] [string] $UpstreamUrl,
        [ValidateRange(0, 65535)] [int] $Port = 0,
        [ValidateRange(0, 600000)] [int] $DelayMilliseconds = 0,
        [ValidateRange(0.0, 1.0)] [double] $FaultRate = 0,
        [ValidateSet('throttle', 'throttling', '500', '503', 'unprocessed', 'timeout', 'drop')] [string[]] $Fault,
        # X-Amz-Target actions that may be faulted (BatchWriteItem, Query, ...); default all.
        [string[]] $FaultOnlyTarget,
        [ValidateRange(0, [int]::MaxValue)] [int] $MaxFaults,
        # Fault every request that can be faulted, with no end.
        [switch] $Forever,
        [ValidateRange(0, 600000)] [int] $TimeoutHoldMilliseconds = 10000,
        [int] $Seed = 1,
        # Answer every BatchWriteItem in the proxy (after the delay): all processed, nothing stored.
        [switch] $AnswerWrites,
        # Write units per second per table, '1500' or '0:1500,15:750,30:1500' (seconds from the first write):
        # calls beyond it get ThrottlingException, and DescribeTable reports the first rate as provisioned.
        [string] $WriteBudget,
        [int] $TimeoutSeconds = 60
    )
    $arguments = @((Install-FaultProxy), '--upstream', $UpstreamUrl, '--port', $Port,
        '--delay-ms', $DelayMilliseconds, '--fault-rate', $FaultRate.ToString([cultureinfo]::InvariantCulture),
        '--timeout-hold-ms', $TimeoutHoldMilliseconds, '--seed', $Seed, '--exit-on-stdin-close')
    if ($Fault) { $arguments += '--faults', ($Fault -join ',') }
    if ($FaultOnlyTarget) { $arguments += '--fault-only-targets', ($FaultOnlyTarget -join ',') }
    if ($PSBoundParameters.ContainsKey('MaxFaults')) { $arguments += '--max-faults', $MaxFaults }
    if ($Forever) { $arguments += '--forever' }
    if ($AnswerWrites) { $arguments += '--answer-writes' }
    if ($WriteBudget) { $arguments += '--write-budget', $WriteBudget }

    $start = [System.Diagnostics.ProcessStartInfo]::new((Get-Command dotnet -CommandType Application | Select-Object -First 1).Source)
    foreach ($argument in $arguments) { $start.ArgumentList.Add([string]$argument) }
    $start.UseShellExecute = $false
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    Write-Verbose "Starting the fault proxy: dotnet $($arguments -join ' ')"
    $process = [System.Diagnostics.Process]::Start($start)

    # Its first line says where it listens.
    $firstLine = $process.StandardOutput.ReadLineAsync()
    if (-not $firstLine.Wait([TimeSpan]::FromSeconds($TimeoutSeconds)) -or $firstLine.Result -notmatch 'listening on (http://\S+)') {
        $process.Kill()
        $process.WaitForExit(5000) | Out-Null
        throw "The fault proxy did not start: $($firstLine.Result) $($process.StandardError.ReadToEnd())".Trim()
    }
    $script:Started[$process.Id] = $process
    $proxy = [pscustomobject]@{
        ProcessId   = $process.Id
        Port        = ([uri]$Matches[1]).Port
        EndpointUrl = $Matches[1]
        UpstreamUrl = $UpstreamUrl
    }
    try { $proxy | Get-FaultProxyStats | Out-Null }
    catch { $proxy | Stop-FaultProxy; throw }
    return $proxy
}

function Get-FaultProxyStats {
    <#
    .SYNOPSIS
    The proxy's counts so far: requests, forwarded, faults (per kind), totalFaults, withheldItems, upstreamFailures.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory, ValueFromPipelineByPropertyName)] [string] $EndpointUrl)
    process { Invoke-RestMethod -Uri "$EndpointUrl/__stats" -NoProxy -TimeoutSec 30 }
}

function Stop-FaultProxy {
    <#
    .SYNOPSIS
    Stops a fault proxy by process id: cleanly (closing its standard input) when this session started it.
    With -PassThru, returns its final counts.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, ValueFromPipelineByPropertyName)] [int] $ProcessId,
        [switch] $PassThru
    )
    process {
        $process = $script:Started[$ProcessId]
        if (-not $process) {
            Stop-Process -Id $ProcessId -Force -ErrorAction Ignore
            return
        }
        $script:Started.Remove($ProcessId)
        $process.StandardInput.Close()
        if (-not $process.WaitForExit(10000)) {
            $process.Kill()
            $process.WaitForExit(5000) | Out-Null
        }
        $last = $process.StandardOutput.ReadToEnd() -split '\r?\n' | Where-Object { $_ -like '{*' } | Select-Object -Last 1
        $process.Dispose()
        if ($PassThru -and $last) { $last | ConvertFrom-Json }
    }
}

Export-ModuleMember -Function Install-FaultProxy, Start-FaultProxy, Get-FaultProxyStats, Stop-FaultProxy
