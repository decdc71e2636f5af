BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ChinookTestModulePath) -Force
    $script:Shipped = Get-ShippedDatabasePath
    $script:Scratch = New-ScratchFolder
    $script:Items = ConvertTo-ChinookItem -Path $Shipped

    function New-ChangedCopy([string] $Name, [string] $Sql) {
        $db = Join-Path $Scratch $Name
        Copy-Item $Shipped $db
        Invoke-Sqlite -Path $db -Sql $Sql
        return $db
    }
}

AfterAll {
    Remove-Item $script:Scratch -Recurse -Force -ErrorAction Ignore
}

Describe 'ConvertTo-ChinookItem' {
    It 'emits one ChinookItem per DynamoDB item, grouped into the four tables' {
        $Items.Count | Should -Be 4732
        $Items[0].GetType().FullName | Should -Be 'Chinook.Migration.Items.ChinookItem'
        $counts = @{}
        $Items | Group-Object TableName | ForEach-Object { $counts[$_.Name] = $_.Count }
        $counts.MusicCatalog | Should -Be 4155
        $counts.CustomerOrders | Should -Be 471
        $counts.Playlists | Should -Be 32
        $counts.EmployeeManagement | Should -Be 74
    }

    It 'lets Where-Object filter by entity type and read plain attribute values' {
        $tracks = $Items | Where-Object EntityType -eq Track
        $tracks.Count | Should -Be 3503
        $first = $tracks | Where-Object SK -eq 'TRACK#1'
        $first.PK | Should -Be 'ALBUM#1'
        $first.Attributes.ArtistName | Should -Be 'AC/DC'
        $first.Attributes.GenreName | Should -Be 'Rock'
        $first.Attributes.UnitPrice | Should -BeOfType [decimal]
        ($Items | Where-Object { $_.EntityType -eq 'Artist' -and $_.Attributes.Name -like 'Iron*' }).Attributes.Name | Should -Be 'Iron Maiden'
    }

    It 'keeps money exact: the customers spent 2328.60 in all' {
        $spent = [decimal]0
        $Items | Where-Object EntityType -eq Customer | ForEach-Object { $spent += $_.Attributes.TotalSpent }
        $spent | Should -BeOfType [decimal]
        $spent | Should -Be 2328.60
        ($Items | Where-Object PK -eq 'CUSTOMER#1' | Where-Object EntityType -eq Order).Attributes.LineItems.TrackName | Should -Contain 'Experiment In Terra'
    }

    It 'uses the user''s attribute names: LineItems in orders, TotalDuration on playlists, Duration and UnitPrice in playlist tracks' {
        $order = $Items | Where-Object { $_.EntityType -eq 'Order' -and $_.Attributes.InvoiceId -eq 98 }
        $order.Attributes.Keys | Should -Not -Contain 'Lines'
        $order.Attributes.LineItems[0].Keys | Sort-Object | Should -Be AlbumTitle, ArtistName, InvoiceLineId, Quantity, TrackId, TrackName, UnitPrice

        $page = $Items | Where-Object { $_.PK -eq 'PLAYLIST#1' -and $_.SK -eq 'PAGE#00001' }
        $page.Attributes.Tracks[0].Keys | Sort-Object | Should -Be AlbumTitle, ArtistName, Duration, Name, TrackId, UnitPrice
        $page.Attributes.Tracks[0].Duration | Should -Be 343719
        $page.Attributes.Tracks[0].UnitPrice | Should -Be 0.99

        $source = Invoke-SqliteQuery -Sql ('SELECT p.PlaylistId, COALESCE(SUM(t.Milliseconds), 0) AS Total FROM Playlist AS p LEFT JOIN PlaylistTrack AS pt ON pt.PlaylistId = p.PlaylistId ' +
            'LEFT JOIN Track AS t ON t.TrackId = pt.TrackId GROUP BY p.PlaylistId ORDER BY p.PlaylistId')
        $playlists = $Items | Where-Object EntityType -eq Playlist | Sort-Object { $_.Attributes.PlaylistId }
        $playlists.Attributes.TotalDuration | Should -Be ($source | ForEach-Object { [long]$_.Total })
        $playlists[0].Attributes.Keys | Should -Contain 'TrackCount'
    }

    It 'measures sizes and write units by DynamoDB''s rules, every item within 400 KB' {
        $size = $Items | Measure-Object SizeBytes -Maximum -Sum
        $size.Maximum | Should -BeLessOrEqual 409600
        $size.Maximum | Should -Be 378935
        ($Items | Measure-Object WriteUnits -Sum).Sum | Should -BeGreaterOrEqual ([math]::Ceiling($size.Sum / 1024))
    }

    It 'shows a default table view of the key columns' {
        $text = $Items | Select-Object -First 2 | Out-String -Width 200
        $text | Should -Match 'TableName\s+EntityType\s+PK\s+SK\s+SizeBytes\s+WriteUnits'
        $text | Should -Match 'MusicCatalog\s+Genre\s+GENRE#1\s+METADATA\s+78\s+1'
    }

    It 'applies -TablePrefix to every table name' {
        $prefixed = ConvertTo-ChinookItem -Path $Shipped -TablePrefix 'dev-' -Entity Genre, Employee
        $prefixed.TableName | Sort-Object -Unique | Should -Be @('dev-EmployeeManagement', 'dev-MusicCatalog')
    }

    It 'refuses an invalid -TablePrefix before reading anything' {
        { ConvertTo-ChinookItem -Path $Shipped -TablePrefix 'bad prefix!' } | Should -Throw -ErrorId 'InvalidConversionOptions,*'
    }

    It 'selects entities with -Entity and tables with -TableName' {
        $selected = ConvertTo-ChinookItem -Path $Shipped -Entity Artist, Genre
        $selected.EntityType | Sort-Object -Unique | Should -Be @('Artist', 'Genre')
        $selected.Count | Should -Be 300
        $playlists = ConvertTo-ChinookItem -Path $Shipped -TableName Playlists
        $playlists.TableName | Sort-Object -Unique | Should -Be 'Playlists'
        $playlists.Count | Should -Be 32
        { ConvertTo-ChinookItem -TableName Nowhere } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }

    It 'says with -Verbose what it reads' {
        $verbose = ConvertTo-ChinookItem -Path $Shipped -Entity Album -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $verbose.Message | Should -Contain "Opening '$Shipped' read-only."
        ($verbose.Message -match 'reading Album rows joined with their Artist, in ArtistId, AlbumId order \(347 rows\)').Count | Should -Be 1
    }

    It 'emits the first item before the reading ends' {
        $stream = @(ConvertTo-ChinookItem -Path $Shipped -Entity Track -Verbose 4>&1)
        $firstItem = [array]::FindIndex($stream, [Predicate[object]] { param($o) $o.PSObject.TypeNames[0] -eq 'Chinook.Migration.Items.ChinookItem' })
        $readingDone = [array]::FindIndex($stream, [Predicate[object]] { param($o) "$o" -match 'read 3,503 Track rows' })
        $firstItem | Should -BeGreaterThan 0
        $readingDone | Should -BeGreaterThan $firstItem
        $readingDone | Should -Be ($stream.Count - 1)
    }

    It 'stops early when the pipeline wants no more' {
        $one = ConvertTo-ChinookItem -Path $Shipped | Select-Object -First 1
        @($one).Count | Should -Be 1
    }

    It 'takes the database from the pipeline' {
        (Get-Item $Shipped | ConvertTo-ChinookItem -Entity MediaType).Count | Should -Be 5
    }

    Context 'bad data' {
        It 'writes a non-terminating error naming the row and column of a bad value, and converts the rest' {
            $db = New-ChangedCopy 'bad-value.sqlite' "UPDATE Track SET Milliseconds = 'long' WHERE TrackId = 5;"
            $tracks = ConvertTo-ChinookItem -Path $db -Entity Track -ErrorVariable errors -ErrorAction SilentlyContinue
            $tracks.Count | Should -Be 3502
            $errors.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidSourceValue,*'
            $errors[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $errors[0].TargetObject.SourceTable | Should -Be 'Track'
            $errors[0].TargetObject.RowKey | Should -Be 'TrackId=5'
            $errors[0].TargetObject.Column | Should -Be 'Milliseconds'
            $errors[0].Exception.Message | Should -Match "Track row TrackId=5: Milliseconds holds 'long'"
            $errors[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
            { ConvertTo-ChinookItem -Path $db -Entity Track -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidSourceValue,*'
        }

        It 'warns about an index key it has to leave out' {
            $db = New-ChangedCopy 'empty-email.sqlite' "UPDATE Customer SET Email = '' WHERE CustomerId = 1;"
            $customers = ConvertTo-ChinookItem -Path $db -Entity Customer -WarningVariable warnings -WarningAction SilentlyContinue
            $customers.Count | Should -Be 59
            $warnings.Count | Should -Be 1
            "$($warnings[0])" | Should -Match 'Customer row CustomerId=1 is left out of GSI1-EmailSearch'
            ($customers | Where-Object PK -eq 'CUSTOMER#1').Attributes.Keys | Should -Not -Contain 'GSI1PK'
        }

        It 'reports a file that is not a database and goes on with the next path' {
            $text = Join-Path $Scratch 'text.sqlite'
            Set-Content $text 'not a database at all, only text'
            $items = ConvertTo-ChinookItem -Path $text, $Shipped -Entity Genre -ErrorVariable errors -ErrorAction SilentlyContinue
            $items.Count | Should -Be 25
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'SourceNotSqlite,*'
        }
    }

    It 'never changes the source file' {
        $before = (Get-FileHash $Shipped -Algorithm SHA256).Hash
        ConvertTo-ChinookItem -Path $Shipped | Out-Null
        (Get-FileHash $Shipped -Algorithm SHA256).Hash | Should -Be $before
        $before | Should -Be '7651BA378AC2FCD0DFC3C66FB101F7A7EED3BA39A612EC642B96E20702061F15'
    }
}
