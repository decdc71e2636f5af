# The access-pattern cmdlets against the local DynamoDB, loaded with the shipped database, every answer held
# against the source database itself.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ChinookTestModulePath) -Force
    $script:Endpoint = Get-TestEndpoint
    $script:Prefix = New-TestTablePrefix
    $script:At = @{ EndpointUrl = $Endpoint; TablePrefix = $Prefix }

    New-ChinookDynamoTable @At | Out-Null
    ConvertTo-ChinookItem -TablePrefix $Prefix | Export-ChinookToDynamo -EndpointUrl $Endpoint | Out-Null

    # Every answer the tests expect, read from the source in one child process: Q names the question, N orders the ids.
    $rows = Invoke-SqliteQuery -Sql @'
WITH RECURSIVE chain(Id, Level) AS (
    SELECT ReportsTo, 1 FROM Employee WHERE EmployeeId = 5
    UNION ALL SELECT e.ReportsTo, c.Level + 1 FROM chain AS c JOIN Employee AS e ON e.EmployeeId = c.Id WHERE e.ReportsTo IS NOT NULL)
SELECT 'RockTracks' AS Q, t.TrackId AS Id, ROW_NUMBER() OVER (ORDER BY t.TrackId) AS N FROM Track AS t JOIN Genre AS g ON g.GenreId = t.GenreId WHERE g.Name = 'Rock'
UNION ALL SELECT 'AcdcAlbums', AlbumId, ROW_NUMBER() OVER (ORDER BY AlbumId) FROM Album WHERE ArtistId = 1
UNION ALL SELECT 'AcdcTracks', t.TrackId, ROW_NUMBER() OVER (ORDER BY t.AlbumId, t.TrackId) FROM Track AS t JOIN Album AS a ON a.AlbumId = t.AlbumId WHERE a.ArtistId = 1
UNION ALL SELECT 'NamedTracks', TrackId, ROW_NUMBER() OVER (ORDER BY TrackId) FROM Track WHERE Name = 'Hallowed Be Thy Name'
UNION ALL SELECT 'Customer1Orders', InvoiceId, ROW_NUMBER() OVER (ORDER BY InvoiceDate DESC, InvoiceId DESC) FROM Invoice WHERE CustomerId = 1
UNION ALL SELECT 'Customer1Lines', il.InvoiceLineId, ROW_NUMBER() OVER (ORDER BY i.InvoiceDate DESC, i.InvoiceId DESC, il.InvoiceLineId)
    FROM InvoiceLine AS il JOIN Invoice AS i ON i.InvoiceId = il.InvoiceId WHERE i.CustomerId = 1
UNION ALL SELECT 'Customer1Cents', CAST(ROUND(SUM(Total) * 100) AS INTEGER), 1 FROM Invoice WHERE CustomerId = 1
UNION ALL SELECT 'EmailCustomers', CustomerId, ROW_NUMBER() OVER (ORDER BY CustomerId) FROM Customer WHERE lower(Email) = 'luisg@embraer.com.br'
UNION ALL SELECT 'PlaylistsBySize', PlaylistId, ROW_NUMBER() OVER (ORDER BY COUNT(*) DESC, PlaylistId) FROM PlaylistTrack GROUP BY PlaylistId
UNION ALL SELECT 'LargestPlaylistSize', MAX(Tracks), 1 FROM (SELECT COUNT(*) AS Tracks FROM PlaylistTrack GROUP BY PlaylistId)
'@
    $more = Invoke-SqliteQuery -Sql @'
WITH RECURSIVE chain(Id, Level) AS (
    SELECT ReportsTo, 1 FROM Employee WHERE EmployeeId = 5
    UNION ALL SELECT e.ReportsTo, c.Level + 1 FROM chain AS c JOIN Employee AS e ON e.EmployeeId = c.Id WHERE e.ReportsTo IS NOT NULL)
SELECT 'Playlist1Tracks' AS Q, TrackId AS Id, ROW_NUMBER() OVER (ORDER BY TrackId) AS N FROM PlaylistTrack WHERE PlaylistId = 1
UNION ALL SELECT 'MusicPlaylists', PlaylistId, ROW_NUMBER() OVER (ORDER BY PlaylistId) FROM Playlist WHERE Name = 'Music'
UNION ALL SELECT 'Reports2', EmployeeId, ROW_NUMBER() OVER (ORDER BY EmployeeId) FROM Employee WHERE ReportsTo = 2
UNION ALL SELECT 'Chain5', Id, Level FROM chain WHERE Id IS NOT NULL
UNION ALL SELECT 'Rep3Customers', CustomerId, ROW_NUMBER() OVER (ORDER BY CustomerId) FROM Customer WHERE SupportRepId = 3
'@
    $script:Source = @{}
    @($rows) + @($more) | Group-Object Q | ForEach-Object { $Source[$_.Name] = @($_.Group | Sort-Object N | ForEach-Object { [long]$_.Id }) }

    function script:Get-ErrorIds($ErrorRecords) { $ErrorRecords | ForEach-Object { $_.FullyQualifiedErrorId -replace ',.*$', '' } }
}

Describe 'Get-ChinookArtistCatalog' {
    It 'gives AC/DC with its albums and their tracks in id order, as the source has them' {
        $catalog = Get-ChinookArtistCatalog -ArtistId 1 @At

        $catalog.PSObject.TypeNames[0] | Should -Be 'Chinook.Migration.Access.ArtistCatalog'
        $catalog.Name | Should -Be 'AC/DC'
        $catalog.Albums.AlbumId | Should -Be $Source.AcdcAlbums
        $catalog.Albums[0].Title | Should -Be 'For Those About To Rock We Salute You'
        $catalog.Tracks.TrackId | Should -Be $Source.AcdcTracks
        $catalog.TrackCount | Should -Be 18
        $catalog.Tracks | ForEach-Object { $_.ArtistName | Should -Be 'AC/DC' }
    }

    It 'finds the artist by exact name, and takes ArtistId from piped objects' {
        (Get-ChinookArtistCatalog -Name 'AC/DC' @At).Tracks.TrackId | Should -Be $Source.AcdcTracks
        ([pscustomobject]@{ ArtistId = 1 }, [pscustomobject]@{ ArtistId = 2 } | Get-ChinookArtistCatalog @At).Name | Should -Be 'AC/DC', 'Accept'
        (1 | Get-ChinookArtistCatalog @At).ArtistId | Should -Be 1
    }

    It 'says in -Verbose which partitions it queries' {
        $verbose = Get-ChinookArtistCatalog -ArtistId 1 @At -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
        $verbose | Should -Contain "Query ${Prefix}MusicCatalog: PK = ARTIST#1 (consistent read)."
        $verbose | Should -Contain "Query ${Prefix}MusicCatalog: PK = ALBUM#4 (consistent read)."
        $verbose | Should -Contain "Query ${Prefix}MusicCatalog PK = ALBUM#1: 10 item(s) in 1 page(s)."
    }

    It 'writes a non-terminating ArtistNotFound error for an id or name that is not there, and answers the rest' {
        $found = Get-ChinookArtistCatalog -ArtistId 100000, 1 @At -ErrorVariable failures -ErrorAction SilentlyContinue
        $byName = Get-ChinookArtistCatalog -Name 'No Such Artist' @At -ErrorVariable nameFailures -ErrorAction SilentlyContinue

        $found.ArtistId | Should -Be 1
        $failures.Count | Should -Be 1
        Get-ErrorIds $failures | Should -Be 'ArtistNotFound'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be 100000
        $byName | Should -BeNullOrEmpty
        Get-ErrorIds $nameFailures | Should -Be 'ArtistNotFound'
    }
}

Describe 'Find-ChinookTrack' {
    It 'gives all 1,297 Rock tracks in TrackId order from the genre index' {
        $verbose = @()
        $rock = Find-ChinookTrack -Genre Rock @At -Verbose 4>&1 | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] -or -not ($verbose += $_.Message) }

        $rock.Count | Should -Be 1297
        $rock.TrackId | Should -Be $Source.RockTracks
        $rock[0].PSObject.TypeNames[0] | Should -Be 'Chinook.Migration.Access.CatalogTrack'
        $rock | Where-Object GenreName -ne 'Rock' | Should -BeNullOrEmpty
        $verbose | Should -Contain "Query ${Prefix}MusicCatalog index GSI2-GenreSearch: GSI2PK = GENRE#Rock."
    }

    It 'finds a track by exact name, from the pipeline too, with the names copied onto it' {
        $tracks = 'Hallowed Be Thy Name' | Find-ChinookTrack @At

        $tracks.TrackId | Should -Be $Source.NamedTracks
        $tracks | ForEach-Object { $_.ArtistName | Should -Be 'Iron Maiden' }
        $tracks[0].AlbumTitle | Should -Be 'A Real Dead One'
        $tracks[0].UnitPrice | Should -Be 0.99
        $tracks[0].Duration | Should -Be ([timespan]::FromMilliseconds($tracks[0].Milliseconds))
    }

    It 'takes genres by property name and reports a name that matches no track' {
        $found = [pscustomobject]@{ GenreName = 'Blues' }, [pscustomobject]@{ GenreName = 'Polka' } |
            Find-ChinookTrack @At -ErrorVariable failures -ErrorAction SilentlyContinue

        $found.Count | Should -Be 81
        Get-ErrorIds $failures | Should -Be 'TrackNotFound'
        $failures[0].TargetObject | Should -Be 'Polka'
    }
}

Describe 'Get-ChinookCustomerOrder' {
    It 'gives customer 1''s orders newest first, and -First the newest only' {
        $all = Get-ChinookCustomerOrder -CustomerId 1 @At
        $first = Get-ChinookCustomerOrder -CustomerId 1 -First 3 @At

        $all.InvoiceId | Should -Be $Source.Customer1Orders
        $first.InvoiceId | Should -Be ($Source.Customer1Orders | Select-Object -First 3)
        $first[0].PSObject.TypeNames[0] | Should -Be 'Chinook.Migration.Access.CustomerOrder'
        $first[0].InvoiceDate | Should -BeGreaterThan $first[1].InvoiceDate
        $first[0].InvoiceDate.Kind | Should -Be 'Utc'
        $spent = [decimal]0; $all | ForEach-Object { $spent += $_.Total }
        $spent | Should -BeExactly ([decimal]$Source.Customer1Cents[0] / 100)
        $spent.ToString([cultureinfo]::InvariantCulture) | Should -Be '39.62'
    }

    It 'expands to the line items of every order, each naming its invoice' {
        $lines = Get-ChinookCustomerOrder -CustomerId 1 @At | Select-Object -ExpandProperty LineItems

        $lines.InvoiceLineId | Should -Be $Source.Customer1Lines
        $lines[0].PSObject.TypeNames[0] | Should -Be 'Chinook.Migration.Access.OrderLineItem'
        $lines | ForEach-Object { $_.CustomerId | Should -Be 1; $_.TrackName | Should -Not -BeNullOrEmpty }
        $amounts = [decimal]0; $lines | ForEach-Object { $amounts += $_.Amount }
        $amounts | Should -BeExactly ([decimal]$Source.Customer1Cents[0] / 100)
    }

    It 'finds the customer by e-mail in any letter case, and takes CustomerId or Email from piped objects' {
        (Get-ChinookCustomerOrder -Email 'LuisG@Embraer.com.br' -First 1 @At).CustomerId | Should -Be $Source.EmailCustomers
        ([pscustomobject]@{ CustomerId = 2 } | Get-ChinookCustomerOrder -First 1 @At).CustomerId | Should -Be 2
        ([pscustomobject]@{ Email = 'luisg@embraer.com.br' } | Get-ChinookCustomerOrder -First 2 @At).InvoiceId |
            Should -Be ($Source.Customer1Orders | Select-Object -First 2)
    }

    It 'writes CustomerNotFound for an id or e-mail address no customer has' {
        Get-ChinookCustomerOrder -CustomerId 100000 @At -ErrorVariable idFailures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-ChinookCustomerOrder -Email nobody@example.com @At -ErrorVariable emailFailures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        Get-ErrorIds $idFailures | Should -Be 'CustomerNotFound'
        $idFailures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        Get-ErrorIds $emailFailures | Should -Be 'CustomerNotFound'
        $emailFailures[0].TargetObject | Should -Be 'nobody@example.com'
    }
}

Describe 'Get-ChinookPlaylist' {
    It 'gives the largest playlist whole, 3,290 tracks stitched back in TrackId order' {
        $Source.LargestPlaylistSize[0] | Should -Be 3290
        $playlist = Get-ChinookPlaylist -PlaylistId $Source.PlaylistsBySize[0] @At

        $playlist.PSObject.TypeNames[0] | Should -Be 'Chinook.Migration.Access.PlaylistDetails'
        $playlist.TrackCount | Should -Be 3290
        $playlist.Tracks.TrackId | Should -Be $Source.Playlist1Tracks
        $playlist.Tracks[-1].Position | Should -Be 3290
        $playlist.Tracks[0].Milliseconds | Should -Be 343719
        $playlist.Tracks[0].UnitPrice | Should -Be 0.99
        $playlist.TotalMilliseconds | Should -Be ($playlist.Tracks | Measure-Object Milliseconds -Sum).Sum
        $playlist.Complete | Should -BeTrue
    }

    It 'stitches a playlist whose pages come in more than one Query page, in page order' {
        $tracks = { param($from) @(for ($id = $from; $id -lt $from + 1500; $id++) { @{ TrackId = $id; Name = "Track $id " + ('x' * 200) } }) }
        $items = @([pscustomobject]@{ TableName = "${Prefix}Playlists"; PK = 'PLAYLIST#900'; SK = 'METADATA'
                Attributes = @{ EntityType = 'Playlist'; PlaylistId = 900; Name = 'Huge'; TrackCount = 6000; PageCount = 4 } }) +
            @(1..4 | ForEach-Object { [pscustomobject]@{ TableName = "${Prefix}Playlists"; PK = 'PLAYLIST#900'; SK = 'PAGE#{0:D5}' -f $_
                Attributes = @{ EntityType = 'PlaylistPage'; PlaylistId = 900; PageNumber = $_; Tracks = & $tracks (($_ - 1) * 1500 + 1) } } })
        $items | Write-TestItem -EndpointUrl $Endpoint

        $verbose = @()
        $huge = Get-ChinookPlaylist 900 @At -Verbose 4>&1 | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] -or -not ($verbose += $_.Message) }

        $huge.Tracks.TrackId | Should -Be (1..6000)
        $huge.Tracks.PageNumber | Select-Object -Unique | Should -Be 1, 2, 3, 4
        $huge.Complete | Should -BeTrue
        $verbose | Where-Object { $_ -match 'PK = PLAYLIST#900: 5 item\(s\) in (\d+) page\(s\)' } | Should -Not -BeNullOrEmpty
        [int]$Matches[1] | Should -BeGreaterThan 1
    }

    It 'finds playlists by name, with wildcards, and reports a name without wildcards that is not there' {
        (Get-ChinookPlaylist -Name music @At).PlaylistId | Should -Be $Source.MusicPlaylists
        (Get-ChinookPlaylist -Name 'Music*' @At).Name | Should -Contain 'Music Videos'
        Get-ChinookPlaylist -Name 'Nothing*' @At -ErrorVariable wildcardFailures | Should -BeNullOrEmpty
        Get-ChinookPlaylist -Name 'Nothing', 'TV Shows' @At -ErrorVariable failures -ErrorAction SilentlyContinue | ForEach-Object Name | Should -Be 'TV Shows', 'TV Shows'

        $wildcardFailures | Should -BeNullOrEmpty
        Get-ErrorIds $failures | Should -Be 'PlaylistNotFound'
    }

    It 'writes PlaylistNotFound for an id that is not there, and warns about a playlist whose pages are missing' {
        Get-ChinookPlaylist 100000 @At -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-ErrorIds $failures | Should -Be 'PlaylistNotFound'

        Send-DynamoJson -EndpointUrl $Endpoint -Operation DeleteItem -Json (@{ TableName = "${Prefix}Playlists"; Key = @{ PK = @{ S = 'PLAYLIST#900' }; SK = @{ S = 'PAGE#00002' } } } | ConvertTo-Json -Depth 5) | Out-Null
        $gap = Get-ChinookPlaylist 900 @At -WarningVariable warnings -WarningAction SilentlyContinue

        $gap.Complete | Should -BeFalse
        $gap.TrackCount | Should -Be 4500
        $warnings | Should -Match 'Playlist 900 .* is incomplete'
    }
}

Describe 'Get-ChinookEmployee' {
    It 'gives employee 2''s direct reports' {
        $nancy = Get-ChinookEmployee 2 @At

        $nancy.PSObject.TypeNames[0] | Should -Be 'Chinook.Migration.Access.EmployeeDetails'
        $nancy.Name | Should -Be 'Nancy Edwards'
        $nancy.DirectReports.EmployeeId | Should -Be $Source.Reports2
        $nancy.ChainOfCommand.EmployeeId | Should -Be 1
    }

    It 'gives employee 5''s chain of command up to the top' {
        $steve = Get-ChinookEmployee -EmployeeId 5 @At

        $steve.ChainOfCommand.EmployeeId | Should -Be $Source.Chain5
        $steve.ChainOfCommand.Name | Should -Be 'Nancy Edwards', 'Andrew Adams'
        $steve.ManagerName | Should -Be 'Nancy Edwards'
        (Get-ChinookEmployee $Source.Chain5[-1] @At).ChainOfCommand | Should -BeNullOrEmpty
    }

    It 'gives the customers rep 3 serves, and walks the organisation through the pipeline' {
        (Get-ChinookEmployee 3 @At).Customers.CustomerId | Should -Be $Source.Rep3Customers
        ((Get-ChinookEmployee 2 @At).DirectReports | Get-ChinookEmployee @At).EmployeeId | Should -Be $Source.Reports2
        ((Get-ChinookEmployee 3 @At).Customers | Select-Object -First 2 | Get-ChinookCustomerOrder -First 1 @At).CustomerId |
            Should -Be ($Source.Rep3Customers | Select-Object -First 2)
    }

    It 'writes EmployeeNotFound for an id that is not there, and answers the rest' {
        $found = 99, 1 | Get-ChinookEmployee @At -ErrorVariable failures -ErrorAction SilentlyContinue

        $found.EmployeeId | Should -Be 1
        Get-ErrorIds $failures | Should -Be 'EmployeeNotFound'
        $failures[0].TargetObject | Should -Be 99
    }
}

Describe 'The access-pattern cmdlets' {
    It 'answer from DynamoDB alone: over empty tables they find nothing the source has' {
        $empty = New-TestTablePrefix
        New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $empty | Out-Null
        $at = @{ EndpointUrl = $Endpoint; TablePrefix = $empty; ErrorAction = 'SilentlyContinue' }

        Get-ChinookArtistCatalog 1 @at -ErrorVariable +failures | Should -BeNullOrEmpty
        Find-ChinookTrack -Genre Rock @at -ErrorVariable +failures | Should -BeNullOrEmpty
        Get-ChinookCustomerOrder 1 @at -ErrorVariable +failures | Should -BeNullOrEmpty
        Get-ChinookPlaylist 1 @at -ErrorVariable +failures | Should -BeNullOrEmpty
        Get-ChinookEmployee 1 @at -ErrorVariable +failures | Should -BeNullOrEmpty

        Get-ErrorIds $failures | Should -Be 'ArtistNotFound', 'TrackNotFound', 'CustomerNotFound', 'PlaylistNotFound', 'EmployeeNotFound'
        Remove-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $empty -Confirm:$false | Out-Null
    }

    It 'write a non-terminating error per input when the table does not exist' {
        $missing = @{ EndpointUrl = $Endpoint; TablePrefix = (New-TestTablePrefix) }
        Get-ChinookEmployee 1, 2 @missing -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $failures.Count | Should -Be 2
        Get-ErrorIds $failures | Should -Be 'DynamoNotFound', 'DynamoNotFound'
        $failures[0].Exception.Message | Should -Match "$($missing.TablePrefix)EmployeeManagement"
    }

    It 'show each result type in its default view' {
        (Get-ChinookArtistCatalog 1 @At | Out-String -Width 200) | Should -Match 'ArtistId\s+Name\s+Albums\s+Tracks\s+AlbumTitles'
        ((Get-ChinookArtistCatalog 1 @At).Albums | Out-String -Width 200) | Should -Match '1 For Those About To Rock We Salute You\s+AC/DC\s+10\s+40:00'
        (Find-ChinookTrack 'Balls to the Wall' @At | Out-String -Width 200) | Should -Match '2 Balls to the Wall\s+Accept\s+Balls to the Wall\s+Rock\s+5:42\s+0.99'
        (Get-ChinookCustomerOrder 1 -First 1 @At | Out-String -Width 200) | Should -Match 'InvoiceId\s+InvoiceDate\s+CustomerId\s+BillingCity\s+BillingCountry\s+Lines\s+Total'
        (Get-ChinookCustomerOrder 1 -First 1 @At | Select-Object -ExpandProperty LineItems | Out-String -Width 200) | Should -Match 'InvoiceLineId\s+TrackId\s+TrackName'
        (Get-ChinookPlaylist 1 @At | Out-String -Width 200) | Should -Match '1 Music\s+3290\s+243:48:03\s+1 True'
        ((Get-ChinookPlaylist 1 @At).Tracks | Select-Object -First 1 | Out-String -Width 200) | Should -Match 'PlaylistId\s+Position\s+TrackId\s+Name\s+Duration\s+UnitPrice\s+ArtistName\s+AlbumTitle'
        (Get-ChinookEmployee 5 @At | Out-String -Width 200) | Should -Match 'ChainOfCommand : Nancy Edwards > Andrew Adams'
        ((Get-ChinookEmployee 2 @At).DirectReports | Out-String -Width 200) | Should -Match 'EmployeeId\s+Name\s+Title\s+Email'
        ((Get-ChinookEmployee 3 @At).Customers | Out-String -Width 200) | Should -Match 'CustomerId\s+Name\s+Company\s+City'
    }

    It 'declare their output types' {
        (Get-Command Get-ChinookArtistCatalog).OutputType.Name | Should -Be 'Chinook.Migration.Access.ArtistCatalog'
        (Get-Command Find-ChinookTrack).OutputType.Name | Should -Be 'Chinook.Migration.Access.CatalogTrack'
        (Get-Command Get-ChinookCustomerOrder).OutputType.Name | Should -Be 'Chinook.Migration.Access.CustomerOrder'
        (Get-Command Get-ChinookPlaylist).OutputType.Name | Should -Be 'Chinook.Migration.Access.PlaylistDetails'
        (Get-Command Get-ChinookEmployee).OutputType.Name | Should -Be 'Chinook.Migration.Access.EmployeeDetails'
    }
}

AfterAll {
    Remove-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $Prefix -Confirm:$false -ErrorAction SilentlyContinue | Out-Null
}
