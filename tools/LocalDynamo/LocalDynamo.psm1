# Starts and stops the local DynamoDB server (dynalite) for the demo, the tests and the benchmark.
# Every server started here is stopped by its process id; nothing is left running.

Import-Module (Join-Path $PSScriptRoot '../LocalServer/LocalServer.psm1')
$script:Root = $PSScriptRoot

function Install-LocalDynamo {
    [CmdletBinding()]
    param()
    return Install-NodeServer -PackageRoot $script:Root -ScriptPath 'node_modules/dynalite/cli.js' -Name dynalite
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
    Start-NodeServer -ScriptPath $cli -Name dynalite -Port $Port -Arguments $arguments -TypeName 'ChinookMigration.LocalDynamo' `
        -StopCommand Stop-LocalDynamo -TimeoutSeconds $TimeoutSeconds
}

# Stops a server that Start-LocalDynamo started, by process id (and StartTime, so a reused id is left alone).
Set-Alias -Name Stop-LocalDynamo -Value Stop-LocalServer

Export-ModuleMember -Function Install-LocalDynamo, Start-LocalDynamo, Stop-LocalServer, Get-FreeTcpPort -Alias Stop-LocalDynamo
