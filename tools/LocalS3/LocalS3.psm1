# Starts and stops the local S3 server (s3rver) for the tests of Export-ChinookToS3 and Import-ChinookFromS3.
# Every server started here is stopped by its process id; nothing is left running. s3rver accepts the access key
# id S3RVER (with the secret S3RVER), wants path-style addresses, and stores aws-chunked bodies as they came, so a
# client sends it unchunked payloads (the module does so for any custom endpoint).

Import-Module (Join-Path $PSScriptRoot '../LocalServer/LocalServer.psm1')
$script:Root = $PSScriptRoot

function Install-LocalS3 {
    [CmdletBinding()]
    param()
    return Install-NodeServer -PackageRoot $script:Root -ScriptPath 'node_modules/s3rver/bin/s3rver.js' -Name s3rver
}

function Start-LocalS3 {
    <#
    .SYNOPSIS
    Starts s3rver on a free loopback port, in a session of its own, with the given buckets made at start.
    .DESCRIPTION
    Returns the server: ProcessId, StartTime, Port, EndpointUrl, LogPath, DataPath, AccessKey and SecretKey (s3rver's
    fixed local pair, no secret of anyone's). Objects live in DataPath (a new temp folder unless given).
    .EXAMPLE
    $s3 = Start-LocalS3 -Bucket exports; Export-ChinookToS3 -BucketName exports -EndpointUrl $s3.EndpointUrl -AccessKey S3RVER -SecretKey S3RVER; $s3 | Stop-LocalS3
    #>
    [CmdletBinding()]
    param(
        [string[]] $Bucket = @(),
        [int] $Port = 0,
        [string] $DataPath,
        [int] $TimeoutSeconds = 30
    )
    $cli = Install-LocalS3
    if ($Port -eq 0) { $Port = Get-FreeTcpPort }
    if (-not $DataPath) { $DataPath = Join-Path ([System.IO.Path]::GetTempPath()) ("s3rver-" + [guid]::NewGuid().ToString('N')) }
    New-Item -ItemType Directory -Force $DataPath | Out-Null
    $arguments = @('--address', '127.0.0.1', '--port', $Port, '--directory', $DataPath, '--silent', '--no-vhost-buckets')
    foreach ($name in $Bucket) { $arguments += @('--configure-bucket', $name) }
    $server = Start-NodeServer -ScriptPath $cli -Name s3rver -Port $Port -Arguments $arguments -TypeName 'ChinookMigration.LocalS3' `
        -StopCommand Stop-LocalS3 -TimeoutSeconds $TimeoutSeconds
    $server | Add-Member -NotePropertyMembers ([ordered]@{ DataPath = $DataPath; AccessKey = 'S3RVER'; SecretKey = 'S3RVER' }) -PassThru
}

# Stops a server that Start-LocalS3 started, by process id (and StartTime, so a reused id is left alone).
Set-Alias -Name Stop-LocalS3 -Value Stop-LocalServer

Export-ModuleMember -Function Install-LocalS3, Start-LocalS3, Stop-LocalServer -Alias Stop-LocalS3
