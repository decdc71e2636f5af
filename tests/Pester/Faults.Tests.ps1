# A full migration through the fault-injecting proxy: every fault at 10%, all of them together at 30%, and
# faults that never stop. Nothing may be lost, and nothing reported as written may be missing.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/FaultProxy/FaultProxy.psm1') -Force
    Import-Module (Get-ChinookTestModulePath) -Force
    $script:Endpoint = Get-TestEndpoint
    $script:Shipped = Get-ShippedDatabasePath
    $script:Scratch = New-ScratchFolder
    $script:Expected = @{ MusicCatalog = 4155; CustomerOrders = 471; Playlists = 32; EmployeeManagement = 74 }

    function script:Get-TableKeys([string] $Table) {
        Get-DynamoTableItem -EndpointUrl $Endpoint -TableName $Table | ForEach-Object { "$($_.PK.S)|$($_.SK.S)" }
    }
}

AfterAll {
    Remove-Item $script:Scratch -Recurse -Force -ErrorAction Ignore
}

Describe 'A migration through faults' {
    It 'completes with <Name> and loses nothing' -ForEach @(
        @{ Name = 'throttling at 10%'; Faults = @('throttle'); Rate = 0.1 }
        @{ Name = 'ThrottlingException at 10%'; Faults = @('throttling'); Rate = 0.1 }
        @{ Name = 'HTTP 500 at 10%'; Faults = @('500'); Rate = 0.1 }
        @{ Name = 'HTTP 503 at 10%'; Faults = @('503'); Rate = 0.1 }
        @{ Name = 'unprocessed items at 10%'; Faults = @('unprocessed'); Rate = 0.1 }
        @{ Name = 'responses past the client timeout at 10%'; Faults = @('timeout'); Rate = 0.1 }
        @{ Name = 'dropped connections at 10%'; Faults = @('drop'); Rate = 0.1 }
        @{ Name = 'all faults together at 30%'; Faults = @('throttle', 'throttling', '500', '503', 'unprocessed', 'timeout', 'drop'); Rate = 0.3 }
    ) {
        $prefix = New-TestTablePrefix
        New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $prefix | Out-Null
        $proxy = Start-FaultProxy -UpstreamUrl $Endpoint -FaultRate $Rate -Fault $Faults -FaultOnlyTarget BatchWriteItem -TimeoutHoldMilliseconds 3000
        try {
            $results = Export-ChinookToDynamo -Path $Shipped -EndpointUrl $proxy.EndpointUrl -TablePrefix $prefix -RequestTimeoutSeconds 1 `
                -CheckpointPath (Join-Path $Scratch "$prefix.json") -ErrorVariable errors
            $stats = Get-FaultProxyStats -EndpointUrl $proxy.EndpointUrl
        }
        finally { $proxy | Stop-FaultProxy }

        $stats.totalFaults | Should -BeGreaterThan 0
        $errors | Should -BeNullOrEmpty
        ($results | Measure-Object Failed -Sum).Sum | Should -Be 0
        ($results | Measure-Object ItemsWritten -Sum).Sum | Should -Be 4732
        if ($Faults -ne 'drop') {
            # .NET's HTTP handler itself resends a request whose reused connection was dropped, so drops alone
            # may never reach the writer's retry count.
            ($results | Measure-Object Retries -Sum).Sum | Should -BeGreaterThan 0
        }
        foreach ($table in $Expected.Keys) {
            @(Get-TableKeys "$prefix$table").Count | Should -Be $Expected[$table] -Because $table
        }
        # Read back without the proxy: every row, item and relationship as the source has it (latency is not
        # what these runs are about).
        $checks = @(Test-ChinookMigration -Path $Shipped -EndpointUrl $Endpoint -TablePrefix $prefix -Kind RecordCount, DataIntegrity, Relationship)
        ($checks | Group-Object Kind -NoElement | ForEach-Object { "$($_.Name) $($_.Count)" }) | Should -Be 'RecordCount 11', 'DataIntegrity 15', 'Relationship 9'
        $checks | Where-Object { -not $_.Passed } | Should -BeNullOrEmpty
    }

    It 'gives up after the retry bound when faults never stop, and names exactly the items not written' {
        $prefix = New-TestTablePrefix
        New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $prefix -TableName MusicCatalog | Out-Null
        $items = @(ConvertTo-ChinookItem -Path $Shipped -Entity Track -TablePrefix $prefix | Select-Object -First 200)
        # Every call hands part of its batch back, for ever: some items land, the rest never do.
        $proxy = Start-FaultProxy -UpstreamUrl $Endpoint -Forever -Fault unprocessed -FaultOnlyTarget BatchWriteItem
        try {
            $result = $items | Export-ChinookToDynamo -EndpointUrl $proxy.EndpointUrl -MaxAttempts 3 -ErrorVariable errors -ErrorAction SilentlyContinue
        }
        finally { $proxy | Stop-FaultProxy }

        $result.Failed | Should -BeGreaterThan 0
        $result.ItemsWritten | Should -BeGreaterThan 0
        $result.ItemsWritten + $result.Failed | Should -Be 200
        $result.Status | Should -Be 'Partial'
        $errors.Count | Should -Be $result.Failed
        $errors | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'ItemWriteRetriesExhausted,*' }
        $failedKeys = $result.FailedKeys | ForEach-Object { "$($_.PartitionKey)|$($_.SortKey)" }
        ($errors.TargetObject | ForEach-Object { "$($_.PartitionKey)|$($_.SortKey)" } | Sort-Object) | Should -Be ($failedKeys | Sort-Object)

        $stored = @(Get-TableKeys "${prefix}MusicCatalog")
        $reportedWritten = $items | ForEach-Object { "$($_.PK)|$($_.SK)" } | Where-Object { $_ -notin $failedKeys }
        $reportedWritten | Where-Object { $_ -notin $stored } | Should -BeNullOrEmpty
        $stored.Count | Should -Be $result.ItemsWritten
    }
}
