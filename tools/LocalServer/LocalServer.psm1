# What the local servers of the demo, the tests and the benchmark share (tools/LocalDynamo: dynalite,
# tools/LocalS3: s3rver): installed from npm with the lock file beside them, started detached on a free loopback
# port, and stopped by process id. Nothing is left running.

$script:Root = $PSScriptRoot

function Get-FreeTcpPort {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try { return $listener.LocalEndpoint.Port } finally { $listener.Stop() }
}

function Install-NodeServer {
    <# Runs npm ci in the package folder unless the server script is there already; returns the script's path. #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $PackageRoot,
        [Parameter(Mandatory)] [string] $ScriptPath,
        [Parameter(Mandatory)] [string] $Name
    )
    $script = Join-Path $PackageRoot $ScriptPath
    if (Test-Path $script) { return $script }
    if (-not (Get-Command npm -ErrorAction Ignore)) {
        throw "Node.js and npm are needed for the local server ($Name). Install Node.js 18 or later and retry."
    }
    Write-Verbose "Installing $Name with npm ci."
    & npm ci --prefix $PackageRoot --no-audit --no-fund --loglevel=error | Write-Verbose
    if ($LASTEXITCODE -ne 0) { throw "npm ci for $Name failed with exit code $LASTEXITCODE." }
    return $script
}

function Start-NodeServer {
    <#
    Starts a server script in a session of its own (its own process group on Windows), so Ctrl+C at the prompt that
    started it does not stop it, and waits until its port answers. Returns ProcessId, StartTime, Port, EndpointUrl
    and LogPath under the given type name.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $ScriptPath,
        [Parameter(Mandatory)] [string] $Name,
        [Parameter(Mandatory)] [int] $Port,
        [string[]] $Arguments = @(),
        [Parameter(Mandatory)] [string] $TypeName,
        [Parameter(Mandatory)] [string] $StopCommand,
        [int] $TimeoutSeconds = 30
    )
    $log = Join-Path ([System.IO.Path]::GetTempPath()) "$Name-$Port.log"
    Remove-Item $log, "$log.err" -ErrorAction Ignore
    $launcher = Join-Path $script:Root 'start-detached.js'
    $processId = & (Get-Command node).Source $launcher $log "$log.err" $ScriptPath @Arguments
    if ($LASTEXITCODE -ne 0 -or "$processId" -notmatch '^\d+$') { throw "$Name could not be started: $processId" }
    $process = Get-Process -Id ([int]$processId)
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while ([DateTime]::UtcNow -lt $deadline) {
        if ($process.HasExited) {
            throw "$Name exited before answering on port ${Port}: $(Get-Content -Raw "$log.err" -ErrorAction Ignore)"
        }
        $client = [System.Net.Sockets.TcpClient]::new()
        try {
            $client.Connect([System.Net.IPAddress]::Loopback, $Port)
            Write-Host "$Name is listening at http://127.0.0.1:$Port (process $($process.Id)); stop it with $StopCommand."
            return [pscustomobject]@{
                PSTypeName  = $TypeName
                ProcessId   = $process.Id
                StartTime   = $process.StartTime
                Port        = $Port
                EndpointUrl = "http://127.0.0.1:$Port"
                LogPath     = $log
            }
        }
        catch { Start-Sleep -Milliseconds 100 }
        finally { $client.Dispose() }
    }
    Stop-Process -Id $process.Id -Force -ErrorAction Ignore
    throw "$Name did not answer on port $Port within $TimeoutSeconds seconds."
}

function Stop-LocalServer {
    <#
    .SYNOPSIS
    Stops a server that Start-LocalDynamo or Start-LocalS3 started, by process id. With StartTime (as their output
    gives it), a process that merely reuses the id is left alone.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, ValueFromPipelineByPropertyName)] [int] $ProcessId,
        [Parameter(ValueFromPipelineByPropertyName)] [Nullable[datetime]] $StartTime
    )
    process {
        $process = Get-Process -Id $ProcessId -ErrorAction Ignore
        if (-not $process) { return }
        if ($StartTime -and $process.StartTime -ne $StartTime) {
            Write-Warning "Process $ProcessId is not the server started at $StartTime; it is left running."
            return
        }
        Stop-Process -Id $ProcessId -Force
        $process.WaitForExit(10000) | Out-Null
    }
}

Export-ModuleMember -Function Get-FreeTcpPort, Install-NodeServer, Start-NodeServer, Stop-LocalServer
