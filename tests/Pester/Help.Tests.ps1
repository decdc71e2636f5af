# Every exported cmdlet has the help an admin reads at the prompt: Get-Help as users call it, on the built module.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ChinookTestModulePath) -Force
    $common = [System.Management.Automation.Cmdlet]::CommonParameters
    $cmdlets = foreach ($command in Get-Command -Module ChinookMigration -CommandType Cmdlet) {
        @{
            Name       = $command.Name
            Parameters = @($command.Parameters.Values | Where-Object Name -NotIn $common | ForEach-Object {
                    @{ Command = $command.Name; Parameter = $_.Name }
                })
        }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ChinookTestModulePath) -Force
}

Describe 'Help for <Name>' -ForEach $cmdlets {
    BeforeAll {
        $help = Get-Help $Name -Full
        $command = Get-Command $Name
    }

    It 'comes from the module''s help file, not from the syntax PowerShell makes up' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        # Without a help file, Get-Help puts the syntax where the synopsis belongs.
        $help.Synopsis | Should -Not -BeLike "$Name *"
        $help.Synopsis | Should -Not -BeLike '*<CommonParameters>*'
    }

    It 'has a description' {
        ($help.description.Text -join '').Trim() | Should -Not -BeNullOrEmpty
    }

    It 'has at least two examples, each with code and remarks' {
        $examples = @($help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($example in $examples) {
            $example.code.Trim() | Should -Not -BeNullOrEmpty -Because $example.title
            ($example.remarks.Text -join '').Trim() | Should -Not -BeNullOrEmpty -Because $example.title
        }
    }

    It 'describes its inputs and outputs' {
        @($help.inputTypes.inputType).Count | Should -BeGreaterOrEqual 1
        foreach ($input in $help.inputTypes.inputType) {
            $input.type.name | Should -Not -BeNullOrEmpty
            ($input.description.Text -join '').Trim() | Should -Not -BeNullOrEmpty -Because $input.type.name
        }
        $described = @($help.returnValues.returnValue | ForEach-Object { $_.type.name })
        $declared = @($command.OutputType | ForEach-Object { if ($_.Type) { $_.Type.FullName } else { $_.Name } })
        $described | Sort-Object | Should -Be ($declared | Sort-Object)
    }

    It 'shows the cmdlet''s real syntax, one entry per parameter set' {
        @($help.syntax.syntaxItem).Count | Should -Be @($command.ParameterSets).Count
    }

    Context 'parameter -<Parameter>' -ForEach $Parameters {
        BeforeAll {
            $parameterHelp = (Get-Help $Command -Parameter $Parameter)
            $metadata = (Get-Command $Command).Parameters[$Parameter]
        }

        It 'has a description' {
            ($parameterHelp.description.Text -join '').Trim() | Should -Not -BeNullOrEmpty
        }

        It 'matches the cmdlet: required, wildcards, aliases' {
            # Required in the help means mandatory in every parameter set the parameter belongs to.
            $mandatory = -not (@($metadata.ParameterSets.Values.IsMandatory) -contains $false)
            $parameterHelp.required | Should -Be ([string]$mandatory).ToLowerInvariant()
            $wildcards = [bool]($metadata.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
            $parameterHelp.globbing | Should -Be ([string]$wildcards).ToLowerInvariant()
            if ($metadata.Aliases.Count -gt 0) { $parameterHelp.aliases | Should -Be ($metadata.Aliases -join ', ') }
        }
    }
}

Describe 'about_ChinookMigration' {
    It 'is found by Get-Help and walks through every stage of a migration' {
        $text = Get-Help about_ChinookMigration | Out-String
        $text | Should -Match 'SHORT DESCRIPTION'
        foreach ($stage in 'Get-ChinookSourceStats', 'New-ChinookDynamoTable', 'ConvertTo-ChinookItem', 'Export-ChinookToDynamo', 'Test-ChinookMigration', '-TablePrefix', '-WhatIf') {
            $text | Should -Match ([regex]::Escape($stage))
        }
    }

    It 'is listed among the module''s help topics' {
        (Get-Help about_Chinook* | Where-Object Name -eq about_ChinookMigration) | Should -Not -BeNullOrEmpty
    }
}
