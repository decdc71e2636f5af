<#
.SYNOPSIS
The main job on the embedded default: the whole migration of the shipped Chinook database, stage by stage.
.DESCRIPTION
Run through `./build.ps1 Demo`, which builds the module first. Without -EndpointUrl or -Region it starts a local
DynamoDB (dynalite) and stops it afterwards. With them it rehearses the same migration against that endpoint or
AWS region (the tables get the prefix given by -TablePrefix, 'demo-' by default, and are left in place).
Exits non-zero when the validation finds a difference.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [string] $EndpointUrl,
    [string] $Region,
    [string] $ProfileName,
    [string] $TablePrefix = 'demo-'
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force
Import-Module (Join-Path $PSScriptRoot '../tools/LocalDynamo/LocalDynamo.psm1') -Force

function Write-Stage([string] $Title) { Write-Host "`n== $Title ==" -ForegroundColor Cyan }

$server = $null
if (-not $EndpointUrl -and -not $Region) {
    $server = Start-LocalDynamo
    $EndpointUrl = $server.EndpointUrl
    Write-Host "Local DynamoDB (dynalite) started at $EndpointUrl, process $($server.ProcessId)."
}
$connection = @{ TablePrefix = $TablePrefix }
if ($EndpointUrl) { $connection.EndpointUrl = $EndpointUrl }
if ($Region) { $connection.Region = $Region }
if ($ProfileName) { $connection.ProfileName = $ProfileName }

try {
    Write-Stage '1. Source analysis: the shipped Chinook database (Get-ChinookSourceStats)'
    Get-ChinookSourceStats | Format-Table | Out-Host
    Get-ChinookSourceStats -DataQuality | Where-Object { $_.Check -eq 'NullValues' -and $_.Count -gt 0 } | Format-Table | Out-Host

    Write-Stage '2. Target tables (New-ChinookDynamoTable)'
    New-ChinookDynamoTable @connection -Confirm:$false | Format-Table | Out-Host

    Write-Stage '3. Rows to items (ConvertTo-ChinookItem), counted by table and entity'
    ConvertTo-ChinookItem -TablePrefix $TablePrefix | Group-Object TableName, EntityType -NoElement |
        Sort-Object Name | Format-Table Count, Name | Out-Host

    Write-Stage '4. Loading (ConvertTo-ChinookItem | Export-ChinookToDynamo)'
    ConvertTo-ChinookItem -TablePrefix $TablePrefix | Export-ChinookToDynamo @connection | Format-Table | Out-Host

    Write-Stage '5. Validation (Test-ChinookMigration)'
    $checks = Test-ChinookMigration @connection
    $checks | Format-Table | Out-Host
    $failed = @($checks | Where-Object { -not $_.Passed })

    Write-Stage '6. Access patterns, answered from DynamoDB alone'
    foreach ($pattern in @(
            @{ Command = 'Get-ChinookArtistCatalog'; Arguments = @{ ArtistId = 1 } }
            @{ Command = 'Get-ChinookCustomerOrder'; Arguments = @{ CustomerId = 1; First = 3 } }
            @{ Command = 'Get-ChinookEmployee'; Arguments = @{ EmployeeId = 2 } })) {
        Write-Host "$($pattern.Command) $(($pattern.Arguments.GetEnumerator() | ForEach-Object { "-$($_.Key) $($_.Value)" }) -join ' ')" -ForegroundColor DarkCyan
        $arguments = $pattern.Arguments
        & $pattern.Command @arguments @connection | Out-Host
    }

    if ($failed.Count -gt 0) {
        Write-Host "Validation failed: $($failed.Count) check(s) did not pass." -ForegroundColor Red
        exit 1
    }
    Write-Host "`nMigration proven: every check passed." -ForegroundColor Green
}
finally {
    if ($server) {
        $server | Stop-LocalDynamo
        Write-Host "Local DynamoDB stopped."
    }
}
