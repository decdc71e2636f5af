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
    Starts dynalite on a free loopback port, in a session of its own, and waits until it answers.
    .DESCRIPTION
    Returns the server: ProcessId, StartTime, Port, EndpointUrl and LogPath, and says where it listens. The server
    runs in its own session (its own process group on Windows), so Ctrl+C at the prompt that started it does not
    stop it; Stop-LocalDynamo does.
    .EXAMPLE
    $s = Start-LocalDynamo; New-ChinookDynamoTable -EndpointUrl $s.EndpointUrl; $s | Stop-LocalDynamo
    #>
    [CmdletBinding()]
    param(
        [int] $Port = 0,
        [string] $DataPath,
        [int] $TimeoutSeconds = 30
    )
    $cli = Install-LocalDynamo
    if ($Port -eq 0) { $Port = Get-FreeTcpPort }
    $arguments = @('--host', '127.0.0.1', '--port', $Port)
    if ($DataPath) { $arguments += @('--path', $DataPath) }
    $log = Join-Path ([System.IO.Path]::GetTempPath()) "dynalite-$Port.log"
    Remove-Item $log, "$log.err" -ErrorAction Ignore
    $launcher = Join-Path $script:Root 'start-detached.js'
    $processId = & (Get-Command node).Source $launcher $log "$log.err" @arguments
    if ($LASTEXITCODE -ne 0 -or "$processId" -notmatch '^\d+$') { throw "dynalite could not be started: $processId" }
    $process = Get-Process -Id ([int]$processId)
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while ([DateTime]::UtcNow -lt $deadline) {
        if ($process.HasExited) {
            throw "dynalite exited before answering on port ${Port}: $(Get-Content -Raw "$log.err" -ErrorAction Ignore)"
        }
        $client = [System.Net.Sockets.TcpClient]::new()
        try {
            $client.Connect([System.Net.IPAddress]::Loopback, $Port)
            Write-Host "dynalite is listening at http://127.0.0.1:$Port (process $($process.Id)); stop it with Stop-LocalDynamo."
            return [pscustomobject]@{
                PSTypeName  = 'ChinookMigration.LocalDynamo'
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
    throw "dynalite did not answer on port $Port within $TimeoutSeconds seconds."
}

function Stop-LocalDynamo {
    <#
    .SYNOPSIS
    Stops a server that Start-LocalDynamo started, by process id. With StartTime (as Start-LocalDynamo's output
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

Export-ModuleMember -Function Install-LocalDynamo, Start-LocalDynamo, Stop-LocalDynamo, Get-FreeTcpPort
