# The help generator (tools/HelpGenerator) as the build uses it: it writes MAML from complete help, and stops the
# build with a message that names the file and the gap when help is missing or describes what is not there.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $repo = if ($env:CHINOOK_REPO_ROOT) { $env:CHINOOK_REPO_ROOT } else { Join-Path $PSScriptRoot '../..' }
    Import-Module (Join-Path $repo 'tools/HelpGenerator/HelpGenerator.psm1') -Force
    $script:HelpSource = Join-Path $repo 'src/Chinook.PowerShell/Help'
    $script:Scratch = New-ScratchFolder
    # A copy of the built module, so that writing its help never touches out/ChinookMigration.
    $builtModule = Split-Path (Get-ChinookTestModulePath)
    $script:Module = New-Item -ItemType Directory (Join-Path $Scratch 'ChinookMigration')
    Get-ChildItem $builtModule -Exclude 'en-US' | Copy-Item -Destination $Module -Recurse
    $script:ModulePath = Join-Path $Module 'ChinookMigration.psd1'

    function New-HelpSource {
        <# A copy of the real help sources, changed by $Edit (a script block given the folder). #>
        param([scriptblock] $Edit = {})
        $folder = Join-Path $Scratch ([guid]::NewGuid().ToString('N'))
        Copy-Item $HelpSource $folder -Recurse
        & $Edit $folder
        return $folder
    }

    function Invoke-HelpBuild([string] $Source) {
        <# Runs the generator; returns whether it threw, the problems it listed and its warnings. #>
        $threw = $false
        try { Build-ModuleHelp -ModulePath $ModulePath -SourcePath $Source -InformationVariable info -WarningVariable warnings 6>$null 3>$null }
        catch { $threw = $true }
        return [pscustomobject]@{ Threw = $threw; Problems = @($info | ForEach-Object { "$_".Trim() }); Warnings = @($warnings | ForEach-Object { "$_" }) }
    }
}

AfterAll {
    Remove-Item $Scratch -Recurse -Force -ErrorAction Ignore
}

Describe 'Build-ModuleHelp' {
    It 'writes the MAML help file and the about topic from complete help' {
        $result = Invoke-HelpBuild (New-HelpSource)
        $result.Threw | Should -BeFalse
        [xml] $maml = Get-Content -Raw (Join-Path $Module 'en-US/Chinook.PowerShell.dll-Help.xml')
        $maml.helpItems.schema | Should -Be 'maml'
        $exported = (Import-PowerShellDataFile $ModulePath).CmdletsToExport
        @($maml.helpItems.command.details.name) | Sort-Object | Should -Be ($exported | Sort-Object)
        Join-Path $Module 'en-US/about_ChinookMigration.help.txt' | Should -Exist
    }

    It 'stops the build, naming the parameter, when a parameter has no help text' {
        $source = New-HelpSource {
            param($folder)
            $file = Join-Path $folder 'Get-ChinookSourceStats.md'
            (Get-Content -Raw $file) -replace '(?ms)^### -DataQuality\r?\n.*?(?=^##)', '' | Set-Content $file
        }
        $result = Invoke-HelpBuild $source
        $result.Threw | Should -BeTrue
        $result.Problems | Should -Contain "Get-ChinookSourceStats.md: parameter -DataQuality of Get-ChinookSourceStats has no help text (add '### -DataQuality' under ## PARAMETERS)."
    }

    It 'stops the build when an exported cmdlet has no help source' {
        $source = New-HelpSource { param($folder) Remove-Item (Join-Path $folder 'Get-ChinookSourceStats.md') }
        $result = Invoke-HelpBuild $source
        $result.Threw | Should -BeTrue
        $result.Problems | Should -BeLike 'Get-ChinookSourceStats is exported but has no help source*'
    }

    It 'stops the build when help describes a parameter the cmdlet does not have, or an example lacks its explanation' {
        $source = New-HelpSource {
            param($folder)
            $file = Join-Path $folder 'Get-ChinookSourceStats.md'
            (Get-Content -Raw $file) -replace '## PARAMETERS', "## PARAMETERS`n`n### -Force`nA parameter that is gone.`n" `
                -replace '## INPUTS', "### Example 9: Code alone`n``````powershell`nGet-ChinookSourceStats`n```````n`n## INPUTS" |
                Set-Content $file
        }
        $result = Invoke-HelpBuild $source
        $result.Threw | Should -BeTrue
        $result.Problems | Should -Contain "Get-ChinookSourceStats.md: '### -Force' documents a parameter that Get-ChinookSourceStats does not have (write '### -<Name>' for each of its own parameters)."
        $result.Problems | Should -Contain "Get-ChinookSourceStats.md: example 'Example 9: Code alone' needs a sentence after its code saying what it does."
    }

    It 'only warns about help for a cmdlet this build does not export, so help can arrive before its cmdlet' {
        $source = New-HelpSource {
            param($folder)
            Set-Content (Join-Path $folder 'New-ChinookFutureThing.md') "# New-ChinookFutureThing`n`n## SYNOPSIS`nNot yet.`n"
        }
        $result = Invoke-HelpBuild $source
        $result.Threw | Should -BeFalse
        $result.Warnings | Should -Contain 'Help source New-ChinookFutureThing.md is not used: the module does not export New-ChinookFutureThing.'
    }
}

Describe 'Build-ModuleHelp with shared parameter files' {
    BeforeAll {
        $script:Connection = 'EndpointUrl', 'Region', 'ProfileName', 'ProfileLocation', 'AccessKey', 'SecretKey', 'SessionToken', 'TablePrefix'
        $script:DynamoCmdlets = 'New-ChinookDynamoTable', 'Get-ChinookDynamoTable', 'Remove-ChinookDynamoTable'

        function New-SharedFile([string] $Folder, [string] $Name, [string[]] $Parameters, [string] $Extra = '') {
            <# A shared file whose text for -X is 'Shared text of -X from <Name>.' #>
            $body = foreach ($parameter in $Parameters) { "### -$parameter`nShared text of -$parameter from $Name.`n" }
            Set-Content (Join-Path $Folder "$Name.md") "# $Name`n`n## PARAMETERS`n`n$($body -join "`n")$Extra"
        }

        function Get-MamlParameter([string] $Cmdlet, [string] $Parameter) {
            [xml] $maml = Get-Content -Raw (Join-Path $Module 'en-US/Chinook.PowerShell.dll-Help.xml')
            $command = $maml.helpItems.command | Where-Object { $_.details.name -eq $Cmdlet }
            $command.parameters.parameter | Where-Object { $_.name -eq $Parameter }
        }
    }

    It 'gives each cmdlet that has all its parameters the shared text, and a page''s own text wins for that cmdlet' {
        $source = New-HelpSource {
            param($folder)
            New-SharedFile $folder '_DynamoConnection' $Connection
            $shared = Join-Path $folder '_DynamoConnection.md'
            (Get-Content -Raw $shared) -replace '(Shared text of -AccessKey.*)', "`$1`nDefault value: Shared default of -AccessKey" | Set-Content $shared
            $page = Join-Path $folder 'Get-ChinookDynamoTable.md'
            (Get-Content -Raw $page) -replace '## PARAMETERS', "## PARAMETERS`n`n### -Region`nRegion text of Get-ChinookDynamoTable alone.`n" | Set-Content $page
        }
        $result = Invoke-HelpBuild $source
        $result.Threw | Should -BeFalse -Because ($result.Problems -join '; ')

        foreach ($cmdlet in $DynamoCmdlets) {
            (Get-MamlParameter $cmdlet 'EndpointUrl').description.para | Should -Be 'Shared text of -EndpointUrl from _DynamoConnection.' -Because $cmdlet
            (Get-MamlParameter $cmdlet 'AccessKey').defaultValue | Should -Be 'Shared default of -AccessKey' -Because $cmdlet
        }
        (Get-MamlParameter 'Get-ChinookDynamoTable' 'Region').description.para | Should -Be 'Region text of Get-ChinookDynamoTable alone.'
        (Get-MamlParameter 'New-ChinookDynamoTable' 'Region').description.para | Should -Be 'Shared text of -Region from _DynamoConnection.'
        # Get-ChinookTableDefinition has -TablePrefix but not the connection: its page's own text stays.
        (Get-MamlParameter 'Get-ChinookTableDefinition' 'TablePrefix').description.para | Should -Not -BeLike 'Shared text*'
        $result.Warnings | Should -BeNullOrEmpty
    }

    It 'lists the shared parameters after the page''s own, and -WhatIf and -Confirm last' {
        $result = Invoke-HelpBuild (New-HelpSource { param($folder) New-SharedFile $folder '_DynamoConnection' $Connection })
        $result.Threw | Should -BeFalse -Because ($result.Problems -join '; ')
        [xml] $maml = Get-Content -Raw (Join-Path $Module 'en-US/Chinook.PowerShell.dll-Help.xml')
        $names = @(($maml.helpItems.command | Where-Object { $_.details.name -eq 'Remove-ChinookDynamoTable' }).parameters.parameter.name)
        $names | Should -Be (@('TableName', 'TimeoutSeconds', 'Force') + $Connection + @('WhatIf', 'Confirm'))
    }

    It 'stops the build, naming the file, when a shared parameter has no text or the file has another section' {
        $source = New-HelpSource {
            param($folder)
            New-SharedFile $folder '_DynamoConnection' ($Connection | Where-Object { $_ -ne 'Region' }) -Extra "### -Region`n`n## EXAMPLES`n"
        }
        $result = Invoke-HelpBuild $source
        $result.Threw | Should -BeTrue
        $result.Problems | Should -Contain "_DynamoConnection.md: '### -Region' has no help text."
        $result.Problems | Should -Contain '_DynamoConnection.md: a shared parameter file holds only ## PARAMETERS, not ## EXAMPLES.'
    }

    It 'stops the build when two shared files that apply to a cmdlet document the same parameter' {
        $source = New-HelpSource {
            param($folder)
            New-SharedFile $folder '_DynamoConnection' $Connection
            New-SharedFile $folder '_Regions' 'Region'
        }
        $result = Invoke-HelpBuild $source
        $result.Threw | Should -BeTrue
        $result.Problems | Should -Contain "New-ChinookDynamoTable.md: '### -Region' of New-ChinookDynamoTable is in both _DynamoConnection.md and _Regions.md; document it in one of them, or on the cmdlet's page."
    }

    It 'leaves the DynamoDB cmdlets without connection text when the shared file is gone, and warns about a shared file no cmdlet uses' {
        $source = New-HelpSource {
            param($folder)
            Remove-Item (Join-Path $folder '_DynamoConnection.md')
            New-SharedFile $folder '_Future' 'EndpointUrl', 'Parallelism'
        }
        $result = Invoke-HelpBuild $source
        $result.Threw | Should -BeTrue
        foreach ($cmdlet in $DynamoCmdlets) {
            $result.Problems | Should -Contain "${cmdlet}.md: parameter -EndpointUrl of $cmdlet has no help text (add '### -EndpointUrl' under ## PARAMETERS)."
        }
        $result.Warnings | Should -Contain 'Shared help _Future.md is not used: no exported cmdlet has all of -EndpointUrl, -Parallelism.'
    }
}
