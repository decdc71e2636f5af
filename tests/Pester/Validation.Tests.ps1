# Test-ChinookMigration against the local DynamoDB: the shipped database is migrated once, proven clean, then
# damaged one way at a time (and repaired after each test) to show that the right check fails, naming the right key.

Describe 'Test-ChinookMigration' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        Import-Module (Get-ChinookTestModulePath) -Force
        $script:Endpoint = Get-TestEndpoint
        $script:Prefix = New-TestTablePrefix
        New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $Prefix | Out-Null
        Export-ChinookToDynamo -EndpointUrl $Endpoint -TablePrefix $Prefix | Out-Null
        # Every item the shipped database becomes, by table and key, to repair from after each damage.
        $script:Originals = @{}
        ConvertTo-ChinookItem -TablePrefix $Prefix | ForEach-Object { $Originals["$($_.TableName)|$($_.PK)|$($_.SK)"] = $_ }
        $script:Touched = [System.Collections.Generic.List[string]]::new()

        function script:Test-Migration {
            param([string[]] $Kind = @('RecordCount', 'DataIntegrity', 'Relationship'), [int] $FailingKeyCount = 5)
            Test-ChinookMigration -EndpointUrl $Endpoint -TablePrefix $Prefix -Kind $Kind -FailingKeyCount $FailingKeyCount
        }

        function script:Get-Failed { param($Results) @($Results | Where-Object { -not $_.Passed }) }

        function script:Send-ItemRequest([string] $Operation, [string] $Table, [string] $PK, [string] $SK, [hashtable] $Request = @{}) {
            $script:Touched.Add("$Prefix$Table|$PK|$SK")
            $Request.TableName = "$Prefix$Table"
            if ($Operation -eq 'PutItem') { $Request.Item.PK = @{ S = $PK }; $Request.Item.SK = @{ S = $SK } }
            else { $Request.Key = @{ PK = @{ S = $PK }; SK = @{ S = $SK } } }
            Send-DynamoJson $Endpoint $Operation ($Request | ConvertTo-Json -Depth 20 -Compress) | Out-Null
        }

        function script:Set-Attribute([string] $Table, [string] $PK, [string] $SK, [string] $Name, [hashtable] $Value) {
            Send-ItemRequest UpdateItem $Table $PK $SK @{ UpdateExpression = 'SET #a = :v'; ExpressionAttributeNames = @{ '#a' = $Name }; ExpressionAttributeValues = @{ ':v' = $Value } }
        }
    }

    AfterEach {
        # Put back every item a test changed; an item the source does not have (a stray) is deleted.
        foreach ($key in $Touched) {
            $table, $pk, $sk = $key -split '\|', 3
            if ($Originals.ContainsKey($key)) { $Originals[$key] | Write-TestItem -EndpointUrl $Endpoint }
            else { Send-DynamoJson $Endpoint DeleteItem (@{ TableName = $table; Key = @{ PK = @{ S = $pk }; SK = @{ S = $sk } } } | ConvertTo-Json -Depth 5 -Compress) | Out-Null }
        }
        $Touched.Clear()
    }

    AfterAll {
        Remove-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $Prefix -Confirm:$false | Out-Null
    }

    Context 'on a clean migration' {
        It 'passes every check of the data, and reports the latencies apart, as a runbook asserts it' {
            $results = Test-ChinookMigration -EndpointUrl $Endpoint -TablePrefix $Prefix
            # Latency is a measurement of a machine other builds share, not of the data: it is reported as its own kind
            # (benchmarks judge speed), so that slow reads never pass for lost data.
            Get-Failed @($results | Where-Object Kind -ne 'Latency') | Should -BeNullOrEmpty
            $results | Where-Object Kind -eq 'Latency' | ForEach-Object { $_.Iterations | Should -Be 20; $_.P95Ms | Should -BeGreaterThan 0 }
            Test-ChinookMigration -EndpointUrl $Endpoint -TablePrefix $Prefix -Quiet | Should -BeTrue -Because 'latency counts for -Quiet only when -Kind names it'

            ($results | Group-Object Kind -NoElement | ForEach-Object { "$($_.Name) $($_.Count)" }) |
                Should -Be 'RecordCount 11', 'DataIntegrity 15', 'Relationship 9', 'AccessPattern 9', 'Latency 9'
        }

        It 'counts all 11 source tables, the embedded rows included, from every page of the target' {
            $counts = @{}
            Test-Migration -Kind RecordCount | ForEach-Object { $counts[$_.Entity] = $_.Actual }
            $counts.Count | Should -Be 11
            $counts.PlaylistTrack | Should -Be 8715
            $counts.InvoiceLine | Should -Be 2240
            $counts.Track | Should -Be 3503
            $counts.Invoice | Should -Be 412
        }

        It 'reads the user''s access patterns with the right answers and reports latency percentiles' {
            $results = Test-ChinookMigration -EndpointUrl $Endpoint -TablePrefix $Prefix -Kind AccessPattern, Latency -Iterations 5
            $answers = @($results | Where-Object Kind -eq 'AccessPattern')
            $patterns = @($results | Where-Object Kind -eq 'Latency')
            $answers | ForEach-Object { $_.Passed | Should -BeTrue -Because $_.Message; $_.Iterations | Should -BeNullOrEmpty }
            $answers.Check | Should -Be $patterns.Check
            $patterns.Check | Should -Be @(
                'An artist with albums and tracks', 'Tracks of a genre (GSI2-GenreSearch)', 'A track by name (GSI1-NameSearch)',
                'A customer by e-mail (GSI1-EmailSearch)', "A customer's profile (GetItem)", "A customer's orders, most recent first",
                'A playlist with all its tracks', "An employee's reports, chain of command and customers", 'A batch read of 25 tracks (BatchGetItem)')
            $patterns | ForEach-Object {
                $_.Expected | Should -Be 5
                $_.Iterations | Should -Be 5
                $_.P50Ms | Should -BeLessOrEqual $_.P95Ms
                $_.P95Ms | Should -BeLessOrEqual $_.P99Ms
            }
            $byCheck = @{}; $patterns | ForEach-Object { $byCheck[$_.Check] = $_ }
            ($answers | Where-Object Check -eq 'Tracks of a genre (GSI2-GenreSearch)').Expected | Should -Be 1297
            $byCheck['Tracks of a genre (GSI2-GenreSearch)'].TargetMs | Should -BeNullOrEmpty
            $byCheck['A track by name (GSI1-NameSearch)'].TargetMs | Should -Be 10
            $byCheck["A customer's orders, most recent first"].TargetMs | Should -Be 50
            $byCheck['A batch read of 25 tracks (BatchGetItem)'].TargetMs | Should -Be 100
        }

        It 'answers -Quiet with one $true' {
            $answer = Test-ChinookMigration -EndpointUrl $Endpoint -TablePrefix $Prefix -Kind RecordCount, DataIntegrity, Relationship -Quiet
            $answer | Should -BeOfType [bool]
            $answer | Should -BeTrue
        }

        It 'shows Kind, Check, Entity, Passed, Expected, Actual and Message by default' {
            $table = Test-Migration -Kind RecordCount | Select-Object -First 1 | Out-String -Width 300
            $table | Should -Match 'Kind\s+Check\s+Entity\s+Passed\s+Expected\s+Actual\s+Message'
            $table | Should -Match 'RecordCount\s+Artist row count\s+Artist\s+True\s+275\s+275'
        }

        It 'takes the source from the pipeline and tells in -Verbose how it reads the target' {
            $verbose = Get-Item (Get-ShippedDatabasePath) |
                Test-ChinookMigration -EndpointUrl $Endpoint -TablePrefix $Prefix -Kind RecordCount -Verbose 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
            $verbose | Should -Contain "Opening '$(Get-ShippedDatabasePath)' read-only."
            ($verbose -join "`n") | Should -Match 'Scanning every item of .*4 parallel segments per table, at most 4 calls at once, strongly consistent reads'
            ($verbose -join "`n") | Should -Match 'Passed: RecordCount PlaylistTrack row count'
        }
    }

    Context 'on a damaged target' {
        It 'fails the Track count and rows, the MusicCatalog items and the references to it when one track item is deleted' {
            Send-ItemRequest DeleteItem MusicCatalog 'ALBUM#1' 'TRACK#6'
            $failed = Get-Failed (Test-Migration)

            $failed.Check | Should -Be 'Track row count', 'Track rows', 'MusicCatalog items', 'InvoiceLine.TrackId -> Track', 'PlaylistTrack.TrackId -> Track'
            $failed[0].FailingKeys | Should -Be 'TrackId=6'
            $failed[0].Expected, $failed[0].Actual | Should -Be 3503, 3502
            $failed[1].FailingKeys | Should -Be 'TrackId=6'
            $failed[2].FailingKeys | Should -Be 'PK=ALBUM#1, SK=TRACK#6'
            $failed[3].Message | Should -Match 'TrackId 6 names no Track item in the target'
            $failed[4].FailingKeys | Should -Contain 'PlaylistId=1, TrackId=6'
        }

        It 'fails the Track rows naming the track and the column, and the playlist entries that copy the price, when a price changes by a cent' {
            Set-Attribute MusicCatalog 'ALBUM#1' 'TRACK#1' UnitPrice @{ N = '1.00' }
            $failed = Get-Failed (Test-Migration)

            $failed.Check | Should -Be 'Track rows', 'MusicCatalog items', 'PlaylistTrack.TrackId -> Track'
            $failed[0].FailingKeys | Should -Be 'TrackId=1'
            $failed[0].Message | Should -Match 'TrackId=1: UnitPrice: 0\.99 in the source, 1\.00 in the target'
            $failed[1].FailingKeys | Should -Be 'PK=ALBUM#1, SK=TRACK#1'
            $failed[2].FailingKeys | Should -Contain 'PlaylistId=1, TrackId=1'
            $failed[2].Message | Should -Match "UnitPrice is 0\.99, the track's UnitPrice 1\b"
        }

        It 'fails the InvoiceLine count and rows and the order item when a line item is removed from an order' {
            $order = $Originals.Values | Where-Object { $_.EntityType -eq 'Order' -and $_.Attributes.InvoiceId -eq 1 }
            $damaged = @{}
            foreach ($attribute in $order.Attributes.GetEnumerator()) { $damaged[$attribute.Key] = ConvertTo-DynamoAttributeValue $attribute.Value }
            $damaged.LineItems = @{ L = @($damaged.LineItems.L[0]) }
            Send-ItemRequest PutItem CustomerOrders $order.PK $order.SK @{ Item = $damaged }
            $failed = Get-Failed (Test-Migration)

            $failed.Check | Should -Be 'InvoiceLine row count', 'InvoiceLine rows', 'CustomerOrders items'
            $failed[0].FailingKeys | Should -Be 'InvoiceLineId=2'
            $failed[0].Expected, $failed[0].Actual | Should -Be 2240, 2239
            $failed[1].FailingKeys | Should -Be 'InvoiceLineId=2'
            $failed[2].FailingKeys | Should -Be "PK=$($order.PK), SK=$($order.SK)"
            $failed[2].Message | Should -Match 'LineItems: 2 elements in the source, 1 in the target'
        }

        It 'fails the Playlists items naming the playlist when its TotalDuration is not the sum of its tracks'' Milliseconds' {
            Set-Attribute Playlists 'PLAYLIST#1' 'METADATA' TotalDuration @{ N = '1' }
            $failed = Get-Failed (Test-Migration)

            $failed.Check | Should -Be 'Playlists items'
            $failed[0].FailingKeys | Should -Be 'PK=PLAYLIST#1, SK=METADATA'
            $failed[0].Message | Should -Match 'TotalDuration: 877683083 in the source, 1 in the target'
        }

        It 'fails the table''s items naming an item that no source row explains' {
            Send-ItemRequest PutItem CustomerOrders 'CUSTOMER#1' 'NOTE#1' @{ Item = @{ EntityType = @{ S = 'Note' }; Text = @{ S = 'left behind' } } }
            $failed = Get-Failed (Test-Migration)

            $failed.Check | Should -Be 'CustomerOrders items'
            $failed[0].FailingKeys | Should -Be 'PK=CUSTOMER#1, SK=NOTE#1'
            $failed[0].Message | Should -Match '1 not explained by any source row \(PK=CUSTOMER#1, SK=NOTE#1 \(Note\)\)'
        }

        It 'fails the album''s relationship to its artist and the MusicCatalog items when an album''s ArtistName changes' {
            Set-Attribute MusicCatalog 'ARTIST#1' 'ALBUM#1' ArtistName @{ S = 'ACDC' }
            $failed = Get-Failed (Test-Migration)

            $failed.Check | Should -Be 'MusicCatalog items', 'Album.ArtistId -> Artist'
            $failed[0].FailingKeys | Should -Be 'PK=ARTIST#1, SK=ALBUM#1'
            $failed[0].Message | Should -Match "ArtistName: 'AC/DC' in the source, 'ACDC' in the target"
            $failed[1].FailingKeys | Should -Be 'AlbumId=1'
            $failed[1].Message | Should -Match "ArtistName is 'ACDC', the artist's Name 'AC/DC'"
        }

        It 'fails the PlaylistTrack count and rows and the Playlists items when a whole playlist page is deleted' {
            Send-ItemRequest DeleteItem Playlists 'PLAYLIST#13' 'PAGE#00001'
            $failed = Get-Failed (Test-Migration -FailingKeyCount 2)

            $failed.Check | Should -Be 'PlaylistTrack row count', 'PlaylistTrack rows', 'Playlists items'
            $failed[0].Expected, $failed[0].Actual | Should -Be 8715, 8690
            $failed[0].FailingKeys.Count | Should -Be 2
            $failed[0].FailingKeys | ForEach-Object { $_ | Should -BeLike 'PlaylistId=13, TrackId=*' }
            $failed[1].Message | Should -Match '25 missing'
            $failed[2].FailingKeys | Should -Be 'PK=PLAYLIST#13, SK=PAGE#00001'
        }

        It 'tells a time moved by a second and an accent dropped from the source' {
            $order = $Originals.Values | Where-Object { $_.EntityType -eq 'Order' -and $_.Attributes.InvoiceId -eq 1 }
            Set-Attribute CustomerOrders $order.PK $order.SK InvoiceDate @{ S = '2021-01-01T00:00:01Z' }
            $artist = $Originals.Values | Where-Object { $_.EntityType -eq 'Artist' -and $_.Attributes.Name -eq 'Antônio Carlos Jobim' }
            Set-Attribute MusicCatalog $artist.PK $artist.SK Name @{ S = 'Antonio Carlos Jobim' }
            $failed = Get-Failed (Test-Migration)

            ($failed | Where-Object Check -eq 'Artist rows').FailingKeys | Should -Be "ArtistId=$($artist.Attributes.ArtistId)"
            ($failed | Where-Object Check -eq 'Invoice rows').Message | Should -Match "InvoiceId=1: InvoiceDate: '2021-01-01 00:00:00' in the source, '2021-01-01 00:00:01' in the target"
        }

        It 'answers -Quiet with $false, and the runbook idiom fails listing the check' {
            Send-ItemRequest DeleteItem Playlists 'PLAYLIST#13' 'PAGE#00001'
            Test-ChinookMigration -EndpointUrl $Endpoint -TablePrefix $Prefix -Kind RecordCount -Quiet | Should -BeFalse
            { Test-Migration -Kind RecordCount | Where-Object { -not $_.Passed } | Should -BeNullOrEmpty } | Should -Throw '*PlaylistTrack row count*'
        }
    }

    Context 'when it cannot read' {
        It 'writes a DynamoNotFound error when the tables do not exist, and -Quiet answers $false' {
            $results = Test-ChinookMigration -EndpointUrl $Endpoint -TablePrefix 'absent-' -Kind RecordCount -ErrorVariable errors -ErrorAction SilentlyContinue
            $results | Should -BeNullOrEmpty
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'DynamoNotFound,*'
            $errors[0].TargetObject | Should -BeLike 'absent-*'
            Test-ChinookMigration -EndpointUrl $Endpoint -TablePrefix 'absent-' -Kind RecordCount -Quiet -ErrorAction SilentlyContinue | Should -BeFalse
        }

        It 'writes a SourceNotFound error for a source that is not there' {
            $missing = Join-Path (New-ScratchFolder) 'missing.sqlite'
            Test-ChinookMigration $missing -EndpointUrl $Endpoint -TablePrefix $Prefix -ErrorVariable errors -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'SourceNotFound,*'
            Test-ChinookMigration $missing -EndpointUrl $Endpoint -TablePrefix $Prefix -Quiet -ErrorAction SilentlyContinue | Should -BeFalse
        }
    }
}
