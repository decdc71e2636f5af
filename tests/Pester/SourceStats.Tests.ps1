BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ChinookTestModulePath) -Force
    $script:Shipped = Get-ShippedDatabasePath
    $script:Scratch = New-ScratchFolder
    Copy-Item $Shipped (Join-Path $Scratch 'a.sqlite')
    Copy-Item $Shipped (Join-Path $Scratch 'b.sqlite')
}

AfterAll {
    Remove-Item $script:Scratch -Recurse -Force -ErrorAction Ignore
}

Describe 'Get-ChinookSourceStats' {
    It 'reproduces the user''s table distribution on the shipped database' {
        $stats = Get-ChinookSourceStats -Path $Shipped
        $stats.Count | Should -Be 11
        ($stats | Measure-Object Records -Sum).Sum | Should -Be 15607
        $stats[0].DatabaseSizeBytes | Should -Be 1007616
        $expected = [ordered]@{
            PlaylistTrack = 8715, 55.8; Track = 3503, 22.4; InvoiceLine = 2240, 14.4; Invoice = 412, 2.6; Album = 347, 2.2
            Artist = 275, 1.8; Customer = 59, 0.4; Genre = 25, 0.2; Playlist = 18, 0.1; Employee = 8, 0.1; MediaType = 5, 0.0
        }
        $stats.Table | Should -Be @($expected.Keys)
        foreach ($row in $stats) {
            $row.Records | Should -Be $expected[$row.Table][0]
            $row.Percentage | Should -Be $expected[$row.Table][1]
        }
        ($stats | Where-Object Table -eq Track).Priority | Should -Be 'Critical'
        ($stats | Where-Object Table -eq Employee).TargetTable | Should -Be 'EmployeeManagement'
    }

    It 'uses the shipped database when no path is given' {
        (Get-ChinookSourceStats | Measure-Object Records -Sum).Sum | Should -Be 15607
    }

    It 'shows a default table view with the analysis columns' {
        $text = Get-ChinookSourceStats -Path $Shipped | Out-String -Width 200
        $text | Should -Match 'Table\s+Records\s+Percentage\s+Priority'
        $text | Should -Match 'PlaylistTrack\s+8,715\s+55.8%\s+High'
    }

    It 'reports the user''s data-quality figures with -DataQuality' {
        $nulls = Get-ChinookSourceStats -Path $Shipped -DataQuality | Where-Object Check -eq NullValues
        ($nulls | Where-Object { $_.Table -eq 'Track' -and $_.Column -eq 'Composer' }).Percentage | Should -Be 27.9
        ($nulls | Where-Object { $_.Table -eq 'Customer' -and $_.Column -eq 'Company' }).Percentage | Should -Be 83.1
        ($nulls | Where-Object { $_.Table -eq 'Customer' -and $_.Column -eq 'Fax' }).Percentage | Should -Be 79.7
        ($nulls | Where-Object { $_.Table -eq 'Customer' -and $_.Column -eq 'State' }).Percentage | Should -Be 49.2
    }

    It 'reports orphan foreign keys, duplicate e-mails and relationships' {
        $db = Join-Path $Scratch 'dirty.sqlite'
        Copy-Item $Shipped $db
        Invoke-Sqlite -Path $db -Sql "UPDATE Album SET ArtistId = 9999 WHERE AlbumId = 1; UPDATE Customer SET Email = 'dup@example.com' WHERE CustomerId IN (1, 2);"
        $findings = Get-ChinookSourceStats -Path $db -DataQuality
        ($findings | Where-Object { $_.Check -eq 'OrphanForeignKey' -and $_.Table -eq 'Album' }).Count | Should -Be 1
        ($findings | Where-Object Check -eq DuplicateValue).Count | Should -Be 2
        $findings | Where-Object { $_.Check -eq 'Relationship' -and $_.Table -eq 'PlaylistTrack' } | Should -Not -BeNullOrEmpty
    }

    It 'takes files from Get-ChildItem through the pipeline' {
        $stats = Get-ChildItem (Join-Path $Scratch '[ab].sqlite') | Get-ChinookSourceStats
        $stats.Count | Should -Be 22
        ($stats.Database | Sort-Object -Unique).Count | Should -Be 2
    }

    It 'expands wildcards in -Path' {
        (Get-ChinookSourceStats -Path (Join-Path $Scratch '?.sqlite')).Count | Should -Be 22
    }

    It 'takes path strings from the pipeline' {
        ((Join-Path $Scratch 'a.sqlite'), (Join-Path $Scratch 'b.sqlite') | Get-ChinookSourceStats).Count | Should -Be 22
    }

    It 'resolves a relative path against the PowerShell location, not the process directory' {
        Push-Location $Scratch
        try {
            [System.IO.Directory]::GetCurrentDirectory() | Should -Not -Be $Scratch
            (Get-ChinookSourceStats -Path ./a.sqlite).Count | Should -Be 11
            (Get-ChinookSourceStats -LiteralPath a.sqlite).Count | Should -Be 11
        }
        finally { Pop-Location }
    }

    Context 'bad input' {
        BeforeAll {
            $script:Empty = Join-Path $Scratch 'empty.sqlite'
            New-Item -ItemType File $Empty | Out-Null
            $script:Text = Join-Path $Scratch 'text.sqlite'
            Set-Content $Text 'not a database at all, only text'
            $script:NotChinook = Join-Path $Scratch 'other.sqlite'
            Copy-Item $Shipped $NotChinook
            Invoke-Sqlite -Path $NotChinook -Sql 'DROP TABLE PlaylistTrack; DROP TABLE Genre;'
            $script:Missing = Join-Path $Scratch 'nothing-here.sqlite'
        }

        It 'writes <Id> for <Case> and still processes the other paths' -ForEach @(
            @{ Case = 'a path that does not exist'; File = 'Missing'; Id = 'SourceNotFound'; Category = 'ObjectNotFound' }
            @{ Case = 'an empty file'; File = 'Empty'; Id = 'SourceEmpty'; Category = 'InvalidData' }
            @{ Case = 'a file that is not SQLite'; File = 'Text'; Id = 'SourceNotSqlite'; Category = 'InvalidData' }
            @{ Case = 'a database without Chinook tables'; File = 'NotChinook'; Id = 'SourceMissingTables'; Category = 'InvalidData' }
        ) {
            $bad = Get-Variable -Scope Script -Name $File -ValueOnly
            $good = Join-Path $Scratch 'a.sqlite'
            $stats = Get-ChinookSourceStats -Path $bad, $good -ErrorVariable errors -ErrorAction SilentlyContinue
            $stats.Count | Should -Be 11
            $errors.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike "$Id,*"
            $errors[0].CategoryInfo.Category | Should -Be $Category
            $errors[0].TargetObject | Should -Be $bad
            $errors[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        }

        It 'names the missing tables' {
            Get-ChinookSourceStats -Path $NotChinook -ErrorVariable errors -ErrorAction SilentlyContinue | Out-Null
            $errors[0].Exception.Message | Should -Match 'Genre'
            $errors[0].Exception.Message | Should -Match 'PlaylistTrack'
        }

        It 'makes the error terminating with -ErrorAction Stop' {
            { Get-ChinookSourceStats -Path $Text, (Join-Path $Scratch 'a.sqlite') -ErrorAction Stop } |
                Should -Throw -ErrorId 'SourceNotSqlite,*'
        }

        It 'reports a wildcard that matches nothing' {
            Get-ChinookSourceStats -Path (Join-Path $Scratch 'zz*.sqlite') -ErrorVariable errors -ErrorAction SilentlyContinue | Out-Null
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'SourceNotFound,*'
        }
    }

    It 'never changes the source file' {
        $before = (Get-FileHash $Shipped -Algorithm SHA256).Hash
        Get-ChinookSourceStats -Path $Shipped | Out-Null
        Get-ChinookSourceStats -Path $Shipped -DataQuality | Out-Null
        (Get-FileHash $Shipped -Algorithm SHA256).Hash | Should -Be $before
        $before | Should -Be '7651BA378AC2FCD0DFC3C66FB101F7A7EED3BA39A612EC642B96E20702061F15'
    }
}
