# Starts and stops the local DynamoDB server (dynalite) for the demo, the tests and the benchmark.
# Every server started here is stopped by its process id; nothing is left running.

$script:Root = $PSScriptRoot

function Install-LocalDynamo {
    [CmdletBinding()]
    param()
    $cli = Join-Path $script:Root 'node_modules/dynalite/cli.js'
    if (Test-Path $cli) { return $cli }
    if (-not (Get-Command npm -ErrorAction Ignore)) {
        throw 'Node.js and npm are needed for the local DynamoDB server (dynalite). Install Node.js 18 or later and retry.'
    }
    Write-Verbose 'Installing dynalite with npm ci.'
    & npm ci --prefix $script:Root --no-audit --no-fund --loglevel=error | Write-Verbose
    if ($LASTEXITCODE -ne 0) { throw "npm ci failed with exit code $LASTEXITCODE." }
    return $cli
}

function Get-FreeTcpPort {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try { return $listener.LocalEndpoint.Port } finally { $listener.Stop() }
}

function Start-LocalDynamo {
    <#
    .SYNOPSIS
    Starts dynalite on a free loopback port and waits until it answers; returns its process id and endpoint.
    #>
    [CmdletBinding()]
    param(
        [int] $Port = 0,
        [string] $DataPath,
        [int] $TimeoutSeconds = 30
    )
    $cli = Install-LocalDynamo
    if ($Port -eq 0) { $Port = Get-FreeTcpPort }
    $arguments = @($cli, '--host', '127.0.0.1', '--port', $Port)
    if ($DataPath) { $arguments += @('--path', $DataPath) }
    $log = Join-Path ([System.IO.Path]::GetTempPath()) "dynalite-$Port.log"
    $process = Start-Process -FilePath (Get-Command node).Source -ArgumentList $arguments -PassThru `
        -RedirectStandardOutput $log -RedirectStandardError "$log.err"
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while ([DateTime]::UtcNow -lt $deadline) {
        if ($process.HasExited) {
            throw "dynalite exited with code $($process.ExitCode) before answering on port ${Port}: $(Get-Content -Raw "$log.err" -ErrorAction Ignore)"
        }
        $client = [System.Net.Sockets.TcpClient]::new()
        try {
            $client.Connect([System.Net.IPAddress]::Loopback, $Port)
            return [pscustomobject]@{
                ProcessId   = $process.Id
                Port        = $Port
                EndpointUrl = "http://127.0.0.1:$Port"
                LogPath     = $log
            }
        }
        catch { Start-Sleep -Milliseconds 100 }
        finally { $client.Dispose() }
    }
    Stop-Process -Id $process.Id -Force -ErrorAction Ignore
    throw "dynalite did not answer on port $Port within $TimeoutSeconds seconds."
}

function Stop-LocalDynamo {
    [CmdletBinding()]
    param([Parameter(Mandatory, ValueFromPipelineByPropertyName)] [int] $ProcessId)
    process {
        $process = Get-Process -Id $ProcessId -ErrorAction Ignore
        if ($process) {
            Stop-Process -Id $ProcessId -Force
            $process.WaitForExit(10000) | Out-Null
        }
    }
}

Export-ModuleMember -Function Install-LocalDynamo, Start-LocalDynamo, Stop-LocalDynamo, Get-FreeTcpPort
