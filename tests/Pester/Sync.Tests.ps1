# Sync-ChinookToDynamo against the local DynamoDB. A copy of the shipped database is migrated once; then, as the
# application would, the copy is changed with SQL one way at a time, Sync brings the target up to date, and each test
# ends with Test-ChinookMigration passing. The tests run in order on the same target: each starts where the last left it.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/FaultProxy/FaultProxy.psm1') -Force
    Import-Module (Get-ChinookTestModulePath) -Force
    $script:Endpoint = Get-TestEndpoint
    $script:Scratch = New-ScratchFolder
    $script:Source = Join-Path $Scratch 'source.sqlite'
    Copy-Item (Get-ShippedDatabasePath) $Source
    $script:Prefix = New-TestTablePrefix
    New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $Prefix | Out-Null
    Export-ChinookToDynamo -Path $Source -EndpointUrl $Endpoint -TablePrefix $Prefix -CheckpointPath (Join-Path $Scratch 'export.json') | Out-Null

    function script:Sync-Target {
        param([hashtable] $Arguments = @{})
        $results = Sync-ChinookToDynamo -Path $Source -EndpointUrl $Endpoint -TablePrefix $Prefix @Arguments -ErrorVariable syncErrors
        $syncErrors | Should -BeNullOrEmpty
        $byTable = @{}
        foreach ($result in $results) { $byTable[$result.TableName.Substring($Prefix.Length)] = $result }
        $byTable.Keys | Sort-Object | Should -Be @('CustomerOrders', 'EmployeeManagement', 'MusicCatalog', 'Playlists')
        $byTable
    }

    function script:Assert-Migrated {
        $failed = @(Test-ChinookMigration -Path $Source -EndpointUrl $Endpoint -TablePrefix $Prefix -Kind RecordCount, DataIntegrity, Relationship |
                Where-Object { -not $_.Passed })
        $failed | ForEach-Object { "$($_.Check): $($_.Message)" } | Should -BeNullOrEmpty
    }

    function script:Get-Keys($Keys) { @($Keys | ForEach-Object { "$($_.PartitionKey) $($_.SortKey)" }) }

    function script:Get-TargetItem([string] $Table, [string] $PK, [string] $SK) {
        $key = @{ TableName = "$Prefix$Table"; Key = @{ PK = @{ S = $PK }; SK = @{ S = $SK } }; ConsistentRead = $true }
        (Send-DynamoJson $Endpoint GetItem ($key | ConvertTo-Json -Depth 5 -Compress)).Item
    }
}

AfterAll {
    Remove-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $Prefix -Confirm:$false | Out-Null
    Remove-Item $Scratch -Recurse -Force -ErrorAction Ignore
}

Describe 'Sync-ChinookToDynamo follows every change of the source' {
    It 'finds nothing to do right after a migration' {
        $tables = Sync-Target
        $tables.Values | ForEach-Object {
            $_.Status | Should -Be 'Synced'
            $_.Added + $_.Changed + $_.Deleted | Should -Be 0
            $_.WriteUnits | Should -Be 0
            $_.ReadUnits | Should -BeGreaterThan 0
        }
        ($tables.Values | Measure-Object Unchanged -Sum).Sum | Should -Be 4732
    }

    It 'a changed price: the track and the playlist pages that list it' {
        Invoke-Sqlite $Source 'UPDATE Track SET UnitPrice = 1.29 WHERE TrackId = 1'
        $tables = Sync-Target
        Get-Keys $tables.MusicCatalog.ChangedKeys | Should -Be @('ALBUM#1 TRACK#1')
        # Track 1 is in three playlists; an order line keeps the price the invoice was paid at.
        $tables.Playlists.Changed | Should -Be 3
        $tables.CustomerOrders.Changed | Should -Be 0
        $tables.Values | ForEach-Object { $_.Added + $_.Deleted | Should -Be 0 }
        (Get-TargetItem MusicCatalog 'ALBUM#1' 'TRACK#1').UnitPrice.N | Should -Be '1.29'
        Assert-Migrated
    }

    It 'a renamed artist: its albums, tracks, order lines and playlist pages follow' {
        Invoke-Sqlite $Source "UPDATE Artist SET Name = 'AC/DC (Remastered)' WHERE ArtistId = 1"
        $tables = Sync-Target
        # The artist, its 2 albums and 18 tracks; the 6 invoices with lines of its tracks; the pages of 3 playlists.
        $tables.MusicCatalog.Changed | Should -Be 21
        Get-Keys $tables.MusicCatalog.ChangedKeys | Should -Contain 'ARTIST#1 METADATA'
        $tables.CustomerOrders.Changed | Should -Be 6
        $tables.Playlists.Changed | Should -BeGreaterOrEqual 3
        $tables.Values | ForEach-Object { $_.Added + $_.Deleted | Should -Be 0 }
        Assert-Migrated
    }

    It 'a deleted track: it goes, and its playlist pages follow' {
        Invoke-Sqlite $Source 'DELETE FROM PlaylistTrack WHERE TrackId = 7; DELETE FROM Track WHERE TrackId = 7'
        $tables = Sync-Target
        Get-Keys $tables.MusicCatalog.DeletedKeys | Should -Be @('ALBUM#1 TRACK#7')
        $tables.MusicCatalog.WriteUnits | Should -BeGreaterThan 0
        $tables.Playlists.Changed | Should -BeGreaterThan 0
        $tables.Playlists.Deleted | Should -Be 0
        Get-TargetItem MusicCatalog 'ALBUM#1' 'TRACK#7' | Should -BeNullOrEmpty
        Assert-Migrated
    }

    It 'a new invoice with lines: the order is added, and its customer''s TotalOrders and TotalSpent follow' {
        Invoke-Sqlite $Source @"
INSERT INTO Invoice (InvoiceId, CustomerId, InvoiceDate, BillingAddress, BillingCity, BillingCountry, Total)
    VALUES (413, 1, '2025-06-01 10:00:00', 'Av. Brigadeiro Faria Lima, 2170', 'São José dos Campos', 'Brazil', 1.98);
INSERT INTO InvoiceLine (InvoiceLineId, InvoiceId, TrackId, UnitPrice, Quantity) VALUES (2241, 413, 1, 0.99, 1), (2242, 413, 2, 0.99, 1);
"@
        $before = Get-TargetItem CustomerOrders 'CUSTOMER#1' 'PROFILE'
        $tables = Sync-Target
        $tables.CustomerOrders.Added | Should -Be 1
        Get-Keys $tables.CustomerOrders.AddedKeys | Should -BeLike 'CUSTOMER#1 ORDER#2025-06-01*'
        Get-Keys $tables.CustomerOrders.ChangedKeys | Should -Contain 'CUSTOMER#1 PROFILE'
        $after = Get-TargetItem CustomerOrders 'CUSTOMER#1' 'PROFILE'
        [int]$after.TotalOrders.N | Should -Be ([int]$before.TotalOrders.N + 1)
        [decimal]$after.TotalSpent.N | Should -Be ([decimal]$before.TotalSpent.N + 1.98)
        Assert-Migrated
    }

    It 'a new customer: the profile is added' {
        Invoke-Sqlite $Source "INSERT INTO Customer (CustomerId, FirstName, LastName, Email, SupportRepId) VALUES (60, 'Ada', 'Lovelace', 'ada@example.com', 3)"
        $tables = Sync-Target
        $tables.CustomerOrders.Added | Should -Be 1
        Get-Keys $tables.CustomerOrders.AddedKeys | Should -Be @('CUSTOMER#60 PROFILE')
        $tables.CustomerOrders.Deleted | Should -Be 0
        Assert-Migrated
    }

    It 'a deleted playlist: its items are deleted' {
        Invoke-Sqlite $Source 'DELETE FROM PlaylistTrack WHERE PlaylistId = 18; DELETE FROM Playlist WHERE PlaylistId = 18'
        $tables = Sync-Target
        $tables.Playlists.Deleted | Should -BeGreaterThan 0
        $tables.Playlists.DeletesSkipped | Should -Be 0
        $tables.Playlists.DeletedKeys | ForEach-Object { $_.PartitionKey | Should -Be 'PLAYLIST#18' }
        $tables.Playlists.Added + $tables.Playlists.Changed | Should -Be 0
        Get-TargetItem Playlists 'PLAYLIST#18' 'METADATA' | Should -BeNullOrEmpty
        Assert-Migrated
    }

    It '-WhatIf writes nothing, and says per table what it would write and delete, keys in the results and -Verbose' {
        Invoke-Sqlite $Source "UPDATE Artist SET Name = 'Accept!' WHERE ArtistId = 2; DELETE FROM PlaylistTrack WHERE PlaylistId = 17; DELETE FROM Playlist WHERE PlaylistId = 17"
        $output = Sync-ChinookToDynamo -Path $Source -EndpointUrl $Endpoint -TablePrefix $Prefix -WhatIf -Verbose 4>&1
        $verbose = @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        $tables = @{}
        $output | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] } | ForEach-Object { $tables[$_.TableName.Substring($Prefix.Length)] = $_ }
        $tables.MusicCatalog.Status | Should -Be 'WhatIf'
        Get-Keys $tables.MusicCatalog.ChangedKeys | Should -Contain 'ARTIST#2 METADATA'
        $tables.MusicCatalog.WriteUnits | Should -BeGreaterThan 0
        $tables.Playlists.Status | Should -Be 'WhatIf'
        $tables.Playlists.Deleted | Should -BeGreaterThan 0
        $verbose.Message | Should -Contain "$($Prefix)MusicCatalog changed: PK=ARTIST#2, SK=METADATA"
        $verbose.Message | Should -Contain "$($Prefix)Playlists to delete: PK=PLAYLIST#17, SK=METADATA"
        (Get-TargetItem MusicCatalog 'ARTIST#2' 'METADATA').Name.S | Should -Be 'Accept'
        Get-TargetItem Playlists 'PLAYLIST#17' 'METADATA' | Should -Not -BeNullOrEmpty

        $tables = Sync-Target
        $tables.MusicCatalog.Status | Should -Be 'Synced'
        Assert-Migrated
    }

    It 'is idempotent: a second Sync writes and deletes nothing' {
        Invoke-Sqlite $Source "UPDATE Genre SET Name = 'Rock and Roll' WHERE GenreId = 1"
        $first = Sync-Target
        $first.MusicCatalog.Changed | Should -BeGreaterThan 1000
        $second = Sync-Target
        $second.Values | ForEach-Object {
            $_.Added + $_.Changed + $_.Deleted | Should -Be 0
            $_.WriteUnits | Should -Be 0
        }
        Assert-Migrated
    }

    It 'loses nothing through throttling, server errors, unprocessed items, timeouts and dropped connections' {
        Invoke-Sqlite $Source "UPDATE Track SET Composer = 'Anon.' WHERE AlbumId <= 40; DELETE FROM PlaylistTrack WHERE PlaylistId = 16; DELETE FROM Playlist WHERE PlaylistId = 16"
        $proxy = Start-FaultProxy -UpstreamUrl $Endpoint -FaultRate 0.3 -Fault throttle, throttling, 500, 503, unprocessed, timeout, drop `
            -FaultOnlyTarget BatchWriteItem -TimeoutHoldMilliseconds 3000 -Seed 17
        try {
            $results = Sync-ChinookToDynamo -Path $Source -EndpointUrl $proxy.EndpointUrl -TablePrefix $Prefix -RequestTimeoutSeconds 1 -ErrorVariable errors
            $stats = Get-FaultProxyStats -EndpointUrl $proxy.EndpointUrl
        }
        finally { $proxy | Stop-FaultProxy }
        $errors | Should -BeNullOrEmpty
        $stats.totalFaults | Should -BeGreaterThan 0
        ($results | Measure-Object Failed -Sum).Sum | Should -Be 0
        ($results | Measure-Object Changed -Sum).Sum | Should -BeGreaterThan 100
        ($results | Where-Object TableName -eq "$($Prefix)Playlists").Deleted | Should -BeGreaterThan 0
        $results.Status | Should -Not -Contain 'Partial'
        Assert-Migrated
        (Sync-Target).Values | ForEach-Object { $_.Added + $_.Changed + $_.Deleted | Should -Be 0 }
    }

    It 'stopped part-way, then run again, converges' {
        Invoke-Sqlite $Source "UPDATE Track SET Name = Name || ' (live)'"
        $ps = [powershell]::Create()
        $null = $ps.AddScript({
                param($ModulePath, $Arguments)
                Import-Module $ModulePath
                Sync-ChinookToDynamo @Arguments -ErrorAction Continue
            }).AddArgument((Get-ChinookTestModulePath)).AddArgument(@{ Path = $Source; EndpointUrl = $Endpoint; TablePrefix = $Prefix; MaxWriteUnitsPerSecond = 200 })
        $handle = $ps.BeginInvoke()
        try {
            $deadline = [DateTime]::UtcNow.AddSeconds(120)
            while ((Get-TargetItem MusicCatalog 'ALBUM#1' 'TRACK#1').Name.S -notlike '* (live)') {
                if ([DateTime]::UtcNow -gt $deadline -or $handle.IsCompleted) { throw 'The sync wrote nothing before it ended.' }
                Start-Sleep -Milliseconds 100
            }
            $ps.Stop()
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally { $ps.Dispose() }

        $tables = Sync-Target
        $changed = ($tables.Values | Measure-Object Changed -Sum).Sum
        $changed | Should -BeGreaterThan 0
        # Part was written before the stop: the track renamed first is already up to date.
        Get-Keys $tables.MusicCatalog.ChangedKeys | Should -Not -Contain 'ALBUM#1 TRACK#1'
        ($tables.Values | Measure-Object Failed -Sum).Sum | Should -Be 0
        Assert-Migrated
        (Sync-Target).Values | ForEach-Object { $_.Added + $_.Changed + $_.Deleted | Should -Be 0 }
    }
}

Describe 'Sync-ChinookToDynamo in tables the module does not manage' {
    It 'writes changes but deletes nothing, and says so' {
        $source = Join-Path $Scratch 'foreign.sqlite'
        Copy-Item (Get-ShippedDatabasePath) $source
        $prefix = New-TestTablePrefix
        foreach ($table in 'MusicCatalog', 'CustomerOrders', 'Playlists', 'EmployeeManagement') { New-ForeignDynamoTable -EndpointUrl $Endpoint -TableName "$prefix$table" }
        try {
            Export-ChinookToDynamo -Path $source -EndpointUrl $Endpoint -TablePrefix $prefix -CheckpointPath (Join-Path $Scratch 'foreign.json') | Out-Null
            Invoke-Sqlite $source "UPDATE Playlist SET Name = 'Renamed' WHERE PlaylistId = 1; DELETE FROM PlaylistTrack WHERE PlaylistId = 18; DELETE FROM Playlist WHERE PlaylistId = 18"
            $results = Sync-ChinookToDynamo -Path $source -EndpointUrl $Endpoint -TablePrefix $prefix -WarningVariable warnings -WarningAction SilentlyContinue
            $playlists = $results | Where-Object TableName -eq "$($prefix)Playlists"
            $playlists.Managed | Should -BeFalse
            $playlists.Changed | Should -BeGreaterThan 0
            $playlists.Deleted | Should -BeGreaterThan 0
            $playlists.DeletesSkipped | Should -Be $playlists.Deleted
            $warnings.Message | Should -Match "$($prefix)Playlists.*not created by ChinookMigration.*left in place"
            $kept = @(Get-DynamoTableItem -EndpointUrl $Endpoint -TableName "$($prefix)Playlists" | Where-Object { $_.PK.S -eq 'PLAYLIST#18' })
            $kept.Count | Should -Be $playlists.Deleted
        }
        finally {
            foreach ($table in 'MusicCatalog', 'CustomerOrders', 'Playlists', 'EmployeeManagement') {
                Send-DynamoJson $Endpoint DeleteTable (@{ TableName = "$prefix$table" } | ConvertTo-Json -Compress) | Out-Null
            }
        }
    }
}
