# Every cmdlet's parameters as scripts bind to them: names, sets, types, Mandatory, Position, pipeline binding and
# aliases, pinned in Parameters.Expected.psd1 beside this file, so that a renamed, added or removed parameter, or a
# changed set or binding, fails here, naming the cmdlet and the parameter, instead of in someone's runbook.
BeforeDiscovery {
    $expected = Import-PowerShellDataFile (Join-Path $PSScriptRoot 'Parameters.Expected.psd1')
    $pinned = @($expected.Keys | Sort-Object | ForEach-Object { @{ Name = $_; Pinned = $expected[$_] } })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Module = Import-Module (Get-ChinookTestModulePath) -Force -PassThru
    $script:Expected = Import-PowerShellDataFile (Join-Path $PSScriptRoot 'Parameters.Expected.psd1')
    $script:Common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters

    function script:Get-ParameterBinding([System.Management.Automation.CommandInfo] $Command) {
        <# One entry per parameter and set, keyed 'Name [Set]', in the line format of Parameters.Expected.psd1. #>
        $binding = [ordered]@{}
        foreach ($parameter in $Command.Parameters.Values | Where-Object Name -NotIn $Common) {
            foreach ($set in $parameter.ParameterSets.GetEnumerator()) {
                $attribute = $set.Value
                $setName = if ($set.Key -eq [System.Management.Automation.ParameterAttribute]::AllParameterSets) { '*' } else { $set.Key }
                $terms = @($parameter.ParameterType.FullName)
                if ($attribute.IsMandatory) { $terms += 'Mandatory' }
                if ($attribute.Position -ge 0) { $terms += "Position=$($attribute.Position)" }
                if ($attribute.ValueFromPipeline) { $terms += 'Pipeline' }
                if ($attribute.ValueFromPipelineByPropertyName) { $terms += 'ByPropertyName' }
                if ($parameter.Aliases.Count) { $terms += "Aliases=$($parameter.Aliases -join ',')" }
                $binding["$($parameter.Name) [$setName]"] = $terms -join ' '
            }
        }
        $binding
    }

    function script:ConvertFrom-PinnedLine([string[]] $Lines) {
        $binding = [ordered]@{}
        foreach ($line in $Lines) {
            $name, $setName, $terms = $line.Trim() -split '\s+'
            $binding["$name [$setName]"] = @($terms) -join ' '
        }
        $binding
    }
}

Describe 'The pinned parameter table' {
    It 'pins exactly the cmdlets the module exports' {
        $exported = @($Module.ExportedCmdlets.Keys | Sort-Object)
        $exported.Count | Should -Be 17
        @($Expected.Keys | Sort-Object) | Should -Be $exported
    }
}

Describe '<Name> keeps its parameters' -ForEach $pinned {
    BeforeAll {
        $command = Get-Command $Name -Module ChinookMigration -CommandType Cmdlet -ErrorAction Stop
        $actual = Get-ParameterBinding $command
        $wanted = ConvertFrom-PinnedLine $Pinned.Parameters
    }

    It 'has every pinned parameter in every pinned set, bound as pinned' {
        $differences = foreach ($key in $wanted.Keys) {
            if (-not $actual.Contains($key)) { "$Name -$key is missing (pinned: $($wanted[$key]))" }
            elseif ($actual[$key] -cne $wanted[$key]) { "$Name -${key}: pinned '$($wanted[$key])', is '$($actual[$key])'" }
        }
        $differences | Should -BeNullOrEmpty
    }

    It 'has no parameter or set that is not pinned' {
        $extra = foreach ($key in $actual.Keys) {
            if (-not $wanted.Contains($key)) { "$Name -$key is not pinned (is: $($actual[$key]))" }
        }
        $extra | Should -BeNullOrEmpty
    }

    It 'keeps its default parameter set' {
        "$($command.DefaultParameterSet)" | Should -BeExactly $Pinned.DefaultParameterSet -Because "$Name binds positional and pipeline input by it"
    }
}
