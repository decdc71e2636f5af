<#
.SYNOPSIS
The main job on the embedded default: the migration of the shipped Chinook database, stage by stage.
.DESCRIPTION
Run through `./build.ps1 Demo`, which builds the module first. With no -EndpointUrl or -Region it starts a
local DynamoDB (dynalite) and stops it afterwards.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [string] $EndpointUrl,
    [string] $Region,
    [string] $ProfileName
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force

Write-Host "`n== Source analysis: the shipped Chinook database ==" -ForegroundColor Cyan
Get-ChinookSourceStats | Format-Table | Out-Host
Get-ChinookSourceStats -DataQuality | Where-Object { $_.Check -eq 'NullValues' -and $_.Count -gt 0 } | Format-Table | Out-Host
