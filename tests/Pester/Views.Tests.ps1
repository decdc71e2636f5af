# The default views as an admin scans them: a failed check and a failed or partial write stand out in $PSStyle's
# error and warning colours, and nothing is coloured when $PSStyle.OutputRendering is PlainText (a log file, a CI run).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ChinookTestModulePath) -Force

    # The core's types live in the module's own load context, where a type literal does not reach: take them from its assembly.
    $core = (Get-Command Test-ChinookMigration).Parameters['Kind'].ParameterType.GetElementType().Assembly
    $result = $core.GetType('Chinook.Migration.Validation.ValidationResult')
    $write = $core.GetType('Chinook.Migration.Target.Writing.TableWriteResult')
    $script:Failed = $result::new('RecordCount', 'Track rows', 'Track', $false, 3503, 3502, 'one row is missing')
    $script:Passed = $result::new('RecordCount', 'Album rows', 'Album', $true, 347, 347, 'all rows match')
    $noKeys = [Array]::CreateInstance($core.GetType('Chinook.Migration.Items.ItemKey'), 0)
    $script:Writes = 'Failed', 'Partial', 'Written' | ForEach-Object {
        $write::new("$_-Table", $_, 10, 5, 5, 0, 5, 0, [timespan]::FromSeconds(1), $noKeys)
    }

    # The default view's text under the given rendering, the caller's $PSStyle left as it was.
    function script:Show([object[]] $InputObject, [string] $Rendering, [switch] $List) {
        $saved = $PSStyle.OutputRendering
        try {
            $PSStyle.OutputRendering = $Rendering
            if ($List) { $InputObject | Format-List | Out-String } else { $InputObject | Out-String }
        }
        finally { $PSStyle.OutputRendering = $saved }
    }
}

Describe 'Colours in the default views' {
    It 'shows a failed check''s Passed in the error colour, and a passed one plain' {
        $text = Show $Passed, $Failed -Rendering Ansi
        $lines = $text -split "`n"

        ($lines | Where-Object { $_ -match 'Track rows' }) | Should -Match ([regex]::Escape($PSStyle.Formatting.Error + 'False' + $PSStyle.Reset))
        ($lines | Where-Object { $_ -match 'Album rows' }) | Should -Not -Match "`e\["
        Show $Failed -Rendering Ansi -List | Should -Match ([regex]::Escape($PSStyle.Formatting.Error + 'False'))
    }

    It 'shows a failed write''s Status in the error colour and a partial one in the warning colour' {
        $lines = (Show $Writes -Rendering Ansi) -split "`n"

        ($lines | Where-Object { $_ -match '^Failed-Table' }) | Should -Match ([regex]::Escape($PSStyle.Formatting.Error + 'Failed' + $PSStyle.Reset))
        ($lines | Where-Object { $_ -match '^Partial-Table' }) | Should -Match ([regex]::Escape($PSStyle.Formatting.Warning + 'Partial'))
        ($lines | Where-Object { $_ -match '^Written-Table' }) | Should -Not -Match "`e\["
    }

    It 'writes no colour at all when OutputRendering is PlainText' {
        $plain = (Show $Passed, $Failed -Rendering PlainText) + (Show $Failed -Rendering PlainText -List) + (Show $Writes -Rendering PlainText)

        $plain | Should -Not -Match "`e\["
        $plain | Should -Match 'Track rows\s+Track\s+False'
        $plain | Should -Match 'Failed-Table\s+Failed'
    }
}
