# Export-ChinookToSqlite against the local DynamoDB: the shipped database goes to DynamoDB and comes back into a new
# SQLite file equal to the source in SQL; later writes come back, bad items are errors naming their key, and nothing
# is ever half-written or overwritten without -Force.

Describe 'Export-ChinookToSqlite' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        Import-Module (Get-ChinookTestModulePath) -Force
        $script:Endpoint = Get-TestEndpoint
        $script:Prefix = New-TestTablePrefix
        $script:Scratch = New-ScratchFolder
        $script:Shipped = Get-ShippedDatabasePath
        New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $Prefix | Out-Null
        Export-ChinookToDynamo -EndpointUrl $Endpoint -TablePrefix $Prefix -CheckpointPath (Join-Path $Scratch 'checkpoint.json') | Out-Null

        # Rows of one file that the other lacks, both ways, every column with its typeof(), over the 11 tables.
        function script:Get-SqlDifference([string] $Rebuilt) {
            $tables = Invoke-SqliteQuery -Path $Shipped -Sql "SELECT m.name AS t, group_concat('[' || p.name || '], typeof([' || p.name || '])', ', ') AS c FROM sqlite_master AS m JOIN pragma_table_info(m.name) AS p WHERE m.type = 'table' GROUP BY m.name"
            $parts = foreach ($table in $tables) {
                "SELECT '$($table.t) only in the source' AS d, count(*) AS n FROM (SELECT $($table.c) FROM main.[$($table.t)] EXCEPT SELECT $($table.c) FROM rebuilt.[$($table.t)])"
                "SELECT '$($table.t) only in the rebuilt file', count(*) FROM (SELECT $($table.c) FROM rebuilt.[$($table.t)] EXCEPT SELECT $($table.c) FROM main.[$($table.t)])"
            }
            $sql = "ATTACH DATABASE '$Rebuilt' AS rebuilt;`n" + ($parts -join "`nUNION ALL ")
            @(Invoke-SqliteQuery -Path $Shipped -Sql $sql | Where-Object n -ne 0 | ForEach-Object { "$($_.d): $($_.n)" })
        }
    }

    AfterAll {
        Remove-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $Prefix -Confirm:$false | Out-Null
        Remove-Item -LiteralPath $Scratch -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'gives back the shipped database exactly: the same schema, and every row of the 11 tables with its storage class' {
        $path = Join-Path $Scratch 'roundtrip.sqlite'
        $summary = Export-ChinookToSqlite -Path $path -EndpointUrl $Endpoint -TablePrefix $Prefix -ErrorVariable failed

        $failed | Should -BeNullOrEmpty
        $summary.Path | Should -Be $path
        $summary.RowCount | Should -Be 15607
        $summary.ProblemCount | Should -Be 0
        $summary.ForeignKeyFindings | Should -BeNullOrEmpty
        $summary.IntegrityCheck | Should -Be @('ok')
        Get-SqlDifference $path | Should -BeNullOrEmpty
        $schema = 'SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name'
        (Invoke-SqliteQuery -Path $path -Sql $schema | ConvertTo-Json -Compress) | Should -Be (Invoke-SqliteQuery -Path $Shipped -Sql $schema | ConvertTo-Json -Compress)
        Invoke-SqliteQuery -Path $path -Sql 'SELECT * FROM pragma_foreign_key_check' | Should -BeNullOrEmpty
        Get-ChildItem -LiteralPath $Scratch -Filter '*.partial*' -Force | Should -BeNullOrEmpty
    }

    It 'never replaces a file without -Force, writes nothing under -WhatIf, and replaces with -Force' {
        $path = Join-Path $Scratch 'existing.sqlite'
        Set-Content -LiteralPath $path -Value 'yesterday'
        { Export-ChinookToSqlite -Path $path -EndpointUrl $Endpoint -TablePrefix $Prefix -ErrorAction Stop } |
            Should -Throw -ErrorId 'SqliteDestinationExists,Chinook.PowerShell.Commands.ExportChinookToSqliteCommand'
        Get-Content -LiteralPath $path | Should -Be 'yesterday'

        $whatIf = Join-Path $Scratch 'whatif.sqlite'
        Export-ChinookToSqlite -Path $whatIf -EndpointUrl $Endpoint -TablePrefix $Prefix -WhatIf | Should -BeNullOrEmpty
        Test-Path -LiteralPath $whatIf | Should -BeFalse

        (Export-ChinookToSqlite -Path $path -EndpointUrl $Endpoint -TablePrefix $Prefix -Force).RowCount | Should -Be 15607
        (Invoke-SqliteQuery -Path $path -Sql 'SELECT count(*) AS n FROM Track').n | Should -Be 3503
    }

    It 'brings back what was written after cut-over, and reports an item that follows no layout by its key' {
        $customer = @{ PK = @{ S = 'CUSTOMER#60' }; SK = @{ S = 'PROFILE' }; EntityType = @{ S = 'Customer' }; CustomerId = @{ N = '60' }
            FirstName = @{ S = 'New' }; LastName = @{ S = 'Customer' }; Email = @{ S = 'new@example.com' }; TotalOrders = @{ N = '1' }; TotalSpent = @{ N = '0.99' } }
        $order = @{ PK = @{ S = 'CUSTOMER#60' }; SK = @{ S = 'ORDER#2026-01-02T03:04:05Z#0000000413' }; EntityType = @{ S = 'Order' }; InvoiceId = @{ N = '413' }
            CustomerId = @{ N = '60' }; InvoiceDate = @{ S = '2026-01-02T03:04:05Z' }; Total = @{ N = '0.99' }
            LineItems = @{ L = @(@{ M = @{ InvoiceLineId = @{ N = '2241' }; TrackId = @{ N = '1' }; UnitPrice = @{ N = '0.99' }; Quantity = @{ N = '1' } } }) } }
        $stray = @{ PK = @{ S = 'ARTIST#1' }; SK = @{ S = 'FAN#1' }; EntityType = @{ S = 'Fan' } }
        foreach ($put in @(@('CustomerOrders', $customer), @('CustomerOrders', $order), @('MusicCatalog', $stray))) {
            Send-DynamoJson $Endpoint PutItem (@{ TableName = "$Prefix$($put[0])"; Item = $put[1] } | ConvertTo-Json -Depth 20 -Compress) | Out-Null
        }
        try {
            $path = Join-Path $Scratch 'later.sqlite'
            $summary = Export-ChinookToSqlite -Path $path -EndpointUrl $Endpoint -TablePrefix $Prefix -ErrorVariable failed -ErrorAction SilentlyContinue

            $failed.Count | Should -Be 1
            $failed[0].FullyQualifiedErrorId | Should -Be 'ItemNotReadBackNoLayout,Chinook.PowerShell.Commands.ExportChinookToSqliteCommand'
            $failed[0].TargetObject.Key | Should -Be 'PK=ARTIST#1, SK=FAN#1'
            $failed[0].TargetObject.Table | Should -Be "$($Prefix)MusicCatalog"
            $summary.ProblemCount | Should -Be 1
            $summary.RowCounts['Customer'] | Should -Be 60
            (Invoke-SqliteQuery -Path $path -Sql "SELECT InvoiceDate || '|' || Total || '|' || typeof(Total) AS v FROM Invoice WHERE InvoiceId = 413").v |
                Should -Be '2026-01-02 03:04:05|0.99|real'
            (Invoke-SqliteQuery -Path $path -Sql 'SELECT TrackId FROM InvoiceLine WHERE InvoiceLineId = 2241').TrackId | Should -Be 1
        }
        finally {
            foreach ($key in @(@('CustomerOrders', 'CUSTOMER#60', 'PROFILE'), @('CustomerOrders', 'CUSTOMER#60', 'ORDER#2026-01-02T03:04:05Z#0000000413'), @('MusicCatalog', 'ARTIST#1', 'FAN#1'))) {
                Send-DynamoJson $Endpoint DeleteItem (@{ TableName = "$Prefix$($key[0])"; Key = @{ PK = @{ S = $key[1] }; SK = @{ S = $key[2] } } } | ConvertTo-Json -Depth 5 -Compress) | Out-Null
            }
        }
    }

    It 'stops with a table error, and leaves no file, when a table is missing' {
        $path = Join-Path $Scratch 'missing.sqlite'
        Export-ChinookToSqlite -Path $path -EndpointUrl $Endpoint -TablePrefix 'nosuch-' -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'DynamoNotFound,*'
        Test-Path -LiteralPath $path | Should -BeFalse
        Get-ChildItem -LiteralPath $Scratch -Filter '*.partial*' -Force | Should -BeNullOrEmpty
    }
}
