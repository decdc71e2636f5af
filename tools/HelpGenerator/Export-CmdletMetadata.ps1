<#
.SYNOPSIS
Writes the syntax and parameter metadata of a module's exported cmdlets as JSON.
.DESCRIPTION
Run by HelpGenerator.psm1 in a pwsh of its own, so that the build session never loads (and locks) the
module's assembly. The metadata comes from the loaded module itself, so help can only describe what the
cmdlets really accept.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $OutFile
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$module = Import-Module $ModulePath -PassThru
$common = [System.Management.Automation.Cmdlet]::CommonParameters
$shouldProcess = [System.Management.Automation.Cmdlet]::OptionalCommonParameters

function Get-ShortTypeName([type] $Type) {
    $inner = [Nullable]::GetUnderlyingType($Type)
    if ($inner) { return $inner.Name }
    return $Type.Name
}

function Get-ValidValues($Parameter) {
    $set = $Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | Select-Object -First 1
    if ($set) { return @($set.ValidValues) }
    $type = $Parameter.ParameterType
    if ($type.IsArray) { $type = $type.GetElementType() }
    $type = [Nullable]::GetUnderlyingType($type) ?? $type
    if ($type.IsEnum) { return @([enum]::GetNames($type)) }
    return @()
}

function Format-DefaultValue($Value) {
    if ($null -eq $Value) { return $null }
    if ($Value -is [System.Management.Automation.SwitchParameter]) { return [string]$Value.IsPresent }
    if ($Value -is [array]) { return ($Value | ForEach-Object { [string]$_ }) -join ', ' }
    return [string]$Value
}

$commands = foreach ($command in Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name) {
    # A fresh instance holds each parameter's initial value: the default where the cmdlet sets one.
    $instance = [Activator]::CreateInstance($command.ImplementingType)
    $parameters = foreach ($parameter in $command.Parameters.Values) {
        $property = $command.ImplementingType.GetProperty($parameter.Name)
        [ordered]@{
            Name        = $parameter.Name
            Kind        = if ($parameter.Name -in $common) { 'Common' } elseif ($parameter.Name -in $shouldProcess) { 'ShouldProcess' } else { 'Own' }
            Type        = $parameter.ParameterType.FullName
            TypeName    = Get-ShortTypeName $parameter.ParameterType
            IsSwitch    = $parameter.SwitchParameter
            IsArray     = $parameter.ParameterType.IsArray
            Wildcards   = [bool]($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
            Aliases     = @($parameter.Aliases)
            ValidValues = @(Get-ValidValues $parameter)
            Default     = if ($property) { Format-DefaultValue ($property.GetValue($instance)) } elseif ($parameter.SwitchParameter) { 'False' } else { $null }
        }
    }
    $sets = foreach ($set in $command.ParameterSets) {
        [ordered]@{
            Name       = $set.Name
            IsDefault  = $set.IsDefault
            Parameters = @(foreach ($p in $set.Parameters) {
                    [ordered]@{
                        Name           = $p.Name
                        Mandatory      = $p.IsMandatory
                        Position       = if ($p.Position -ge 0) { $p.Position } else { $null }
                        ByValue        = $p.ValueFromPipeline
                        ByPropertyName = $p.ValueFromPipelineByPropertyName
                    }
                })
        }
    }
    [ordered]@{
        Name          = $command.Name
        Verb          = $command.Verb
        Noun          = $command.Noun
        # The file name Get-Help looks for: the implementing assembly's, whatever the manifest's root module is.
        HelpFile      = $command.HelpFile
        OutputTypes   = @($command.OutputType | ForEach-Object { if ($_.Type) { $_.Type.FullName } else { $_.Name } })
        Parameters    = @($parameters)
        ParameterSets = @($sets)
    }
}
ConvertTo-Json -InputObject @($commands) -Depth 8 | Set-Content -LiteralPath $OutFile -Encoding utf8
