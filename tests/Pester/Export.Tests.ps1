BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ChinookTestModulePath) -Force
    $script:Endpoint = Get-TestEndpoint
    $script:Shipped = Get-ShippedDatabasePath

    function script:New-Tables([string] $Prefix) {
        New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $Prefix | Out-Null
    }
    function script:Get-ItemCount([string] $Table) {
        @(Get-DynamoTableItem -EndpointUrl $Endpoint -TableName $Table).Count
    }
}

Describe 'Export-ChinookToDynamo' {
    Context 'the shipped database with -Path' {
        BeforeAll {
            $script:Prefix = New-TestTablePrefix
            New-Tables $Prefix
            $script:Results = Export-ChinookToDynamo -Path $Shipped -EndpointUrl $Endpoint -TablePrefix $Prefix -CheckpointPath (Join-Path (New-ScratchFolder) 'cp.json')
        }

        It 'emits one result per table with every item written' {
            $Results.TableName | Sort-Object | Should -Be @("${Prefix}CustomerOrders", "${Prefix}EmployeeManagement", "${Prefix}MusicCatalog", "${Prefix}Playlists")
            ($Results | Measure-Object ItemsWritten -Sum).Sum | Should -Be 4732
            ($Results | Measure-Object Failed -Sum).Sum | Should -Be 0
            $Results.Status | Should -Not -Contain 'Partial'
            ($Results | Where-Object TableName -eq "${Prefix}MusicCatalog").ItemsWritten | Should -Be 4155
            $Results | ForEach-Object { $_.ItemsPerSecond | Should -BeGreaterThan 0 }
        }

        It 'leaves in each table exactly the items ConvertTo-ChinookItem emits, attribute for attribute' {
            $expected = @{}
            ConvertTo-ChinookItem -Path $Shipped -TablePrefix $Prefix | ForEach-Object { $expected["$($_.TableName)|$($_.PK)|$($_.SK)"] = $_ }
            $actual = @{}
            foreach ($table in 'MusicCatalog', 'CustomerOrders', 'Playlists', 'EmployeeManagement') {
                foreach ($raw in Get-DynamoTableItem -EndpointUrl $Endpoint -TableName "$Prefix$table") {
                    $plain = ConvertFrom-DynamoJsonValue ([pscustomobject]@{ M = $raw })
                    $actual["$Prefix$table|$($plain.PK)|$($plain.SK)"] = $plain
                }
            }
            Get-ItemDifference -Expected $expected -Actual $actual | Should -BeNullOrEmpty
        }

        It 'writes prices as exact decimals and text byte for byte' {
            $track = Get-DynamoTableItem -EndpointUrl $Endpoint -TableName "${Prefix}MusicCatalog" |
                Where-Object { $_.PK.S -eq 'ALBUM#1' -and $_.SK.S -eq 'TRACK#1' }
            $track.UnitPrice.N | Should -Be '0.99'
            $nonAscii = ConvertTo-ChinookItem -Path $Shipped -Entity Track | Where-Object { $_.Attributes.Name -match '[^\x00-\x7F]' } | Select-Object -First 1
            $stored = Get-DynamoTableItem -EndpointUrl $Endpoint -TableName "${Prefix}MusicCatalog" | Where-Object { $_.SK.S -eq $nonAscii.SK }
            $stored.Name.S | Should -BeExactly $nonAscii.Attributes.Name
        }

        It 'leaves the tables as they were when the same items are written again' {
            $before = Get-ItemCount "${Prefix}CustomerOrders"
            $again = Export-ChinookToDynamo -Path $Shipped -EndpointUrl $Endpoint -TablePrefix $Prefix -CheckpointPath (Join-Path (New-ScratchFolder) 'cp.json')
            ($again | Measure-Object ItemsWritten -Sum).Sum | Should -Be 4732
            Get-ItemCount "${Prefix}CustomerOrders" | Should -Be $before
            Get-ItemCount "${Prefix}MusicCatalog" | Should -Be 4155
        }

        It 'never changes the source file' {
            (Get-FileHash $Shipped -Algorithm SHA256).Hash | Should -Be '7651BA378AC2FCD0DFC3C66FB101F7A7EED3BA39A612EC642B96E20702061F15'
        }
    }

    Context 'items from the pipeline' {
        It 'writes a filtered subset alone' {
            $prefix = New-TestTablePrefix
            New-Tables $prefix
            $result = ConvertTo-ChinookItem -Path $Shipped -TablePrefix $prefix | Where-Object EntityType -eq Genre | Export-ChinookToDynamo -EndpointUrl $Endpoint
            $result.ItemsWritten | Should -Be 25
            Get-ItemCount "${prefix}MusicCatalog" | Should -Be 25
            Get-ItemCount "${prefix}CustomerOrders" | Should -Be 0
        }

        It 'puts unprefixed items under -TablePrefix' {
            $prefix = New-TestTablePrefix
            New-Tables $prefix
            $result = ConvertTo-ChinookItem -Path $Shipped -Entity MediaType | Export-ChinookToDynamo -EndpointUrl $Endpoint -TablePrefix $prefix
            $result.TableName | Should -Be "${prefix}MusicCatalog"
            Get-ItemCount "${prefix}MusicCatalog" | Should -Be 5
        }

        It 'refuses items converted for another prefix, one error per table' {
            $prefix = New-TestTablePrefix
            $result = ConvertTo-ChinookItem -Path $Shipped -Entity Genre -TablePrefix 'other-' |
                Export-ChinookToDynamo -EndpointUrl $Endpoint -TablePrefix $prefix -ErrorVariable errors -ErrorAction SilentlyContinue
            $result | Should -BeNullOrEmpty
            $errors.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'ItemTableMismatch,*'
        }

        It 'folds two items with one key into one write, the later winning' {
            $prefix = New-TestTablePrefix
            New-Tables $prefix
            $genres = @(ConvertTo-ChinookItem -Path $Shipped -Entity Genre -TablePrefix $prefix)
            # The repeat comes while the first is still gathered into the same batch.
            $result = @($genres[0..9]) + $genres[0] + @($genres[10..24]) | Export-ChinookToDynamo -EndpointUrl $Endpoint
            $result.ItemsReceived | Should -Be 26
            $result.DuplicatesFolded | Should -Be 1
            $result.ItemsWritten | Should -Be 25
        }

        It 'reports every item of a missing table with its key, and writes the rest' {
            $prefix = New-TestTablePrefix
            New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $prefix -TableName MusicCatalog | Out-Null
            $items = ConvertTo-ChinookItem -Path $Shipped -Entity Genre, Employee -TablePrefix $prefix
            $result = $items | Export-ChinookToDynamo -EndpointUrl $Endpoint -MaxAttempts 2 -ErrorVariable errors -ErrorAction SilentlyContinue
            ($result | Where-Object TableName -eq "${prefix}MusicCatalog").ItemsWritten | Should -Be 25
            $failed = $result | Where-Object TableName -eq "${prefix}EmployeeManagement"
            $failed.Failed | Should -Be 8
            $failed.Status | Should -Be 'Failed'
            $errors.Count | Should -Be 8
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'ItemWriteRejected,*'
            $errors.TargetObject.PartitionKey | Sort-Object | Should -Be (1..8 | ForEach-Object { "EMPLOYEE#$_" })
            $failed.FailedKeys.PartitionKey | Sort-Object | Should -Be (1..8 | ForEach-Object { "EMPLOYEE#$_" })
        }
    }

    Context 'progress' {
        BeforeAll {
            $script:ProgressPrefix = New-TestTablePrefix
            New-Tables $ProgressPrefix
            # Progress is not a redirectable stream: a runspace of its own collects the records. The rate limit
            # stretches the export over a few seconds so that progress is reported while items are still coming.
            $shell = [PowerShell]::Create()
            try {
                $null = $shell.AddScript({
                    param($ModulePath, $Database, $EndpointUrl, $TablePrefix, $Checkpoint)
                    Import-Module $ModulePath
                    Export-ChinookToDynamo -Path $Database -EndpointUrl $EndpointUrl -TablePrefix $TablePrefix -CheckpointPath $Checkpoint -MaxWriteUnitsPerSecond 800
                }).AddArgument((Get-ChinookTestModulePath)).AddArgument($Shipped).AddArgument($Endpoint).AddArgument($ProgressPrefix).
                    AddArgument((Join-Path (New-ScratchFolder) 'cp.json'))
                $script:ProgressResults = $shell.Invoke()
                $script:ProgressRecords = @($shell.Streams.Progress)
                $script:ProgressErrors = @($shell.Streams.Error)
            }
            finally { $shell.Dispose() }
        }

        It 'reports items written, items per second and time left overall and for each table' {
            $ProgressErrors | Should -BeNullOrEmpty
            ($ProgressResults | Measure-Object ItemsWritten -Sum).Sum | Should -Be 4732
            $running = @($ProgressRecords | Where-Object RecordType -eq 'Processing')
            $overall = @($running | Where-Object { $_.ActivityId -eq 1 })
            $overall.Count | Should -BeGreaterThan 1
            $overall | ForEach-Object { $_.StatusDescription | Should -Match '^[\d,]+ items written, [\d,]+ items/s$' }
            @($overall | Where-Object SecondsRemaining -gt 0).Count | Should -BeGreaterThan 0
            foreach ($table in 'MusicCatalog', 'CustomerOrders', 'Playlists', 'EmployeeManagement') {
                $records = @($running | Where-Object { $_.Activity -eq "$ProgressPrefix$table" })
                $records.Count | Should -BeGreaterThan 0 -Because "$table gets progress of its own"
                $records | ForEach-Object {
                    $_.ParentActivityId | Should -Be 1
                    $_.StatusDescription | Should -Match '^[\d,]+ written, [\d,]+ items/s, [\d,]+ retries, [\d,]+ failed$'
                }
                @($records | Where-Object SecondsRemaining -ge 0).Count | Should -BeGreaterThan 0 -Because "$table shows its time left"
                $records[-1].StatusDescription | Should -Match ('^' + ($ProgressResults | Where-Object TableName -eq "$ProgressPrefix$table").ItemsWritten.ToString('N0') + ' written')
            }
            $catalog = @($running | Where-Object { $_.Activity -eq "${ProgressPrefix}MusicCatalog" })
            @($catalog | Where-Object { $_.SecondsRemaining -gt 0 -and $_.PercentComplete -lt 100 }).Count |
                Should -BeGreaterThan 0 -Because 'the biggest table shows time left while its items are still coming'
            @($ProgressRecords | Where-Object RecordType -eq 'Completed').Count | Should -BeGreaterThan 0
        }
    }

    Context '-WhatIf' {
        It 'sends no write and reports items and write units per table' {
            $prefix = New-TestTablePrefix
            New-Tables $prefix
            $checkpoint = Join-Path (New-ScratchFolder) 'cp.json'
            $result = Export-ChinookToDynamo -Path $Shipped -EndpointUrl $Endpoint -TablePrefix $prefix -CheckpointPath $checkpoint -WhatIf
            $result.Status | Sort-Object -Unique | Should -Be 'WhatIf'
            ($result | Measure-Object ItemsReceived -Sum).Sum | Should -Be 4732
            ($result | Where-Object TableName -eq "${prefix}Playlists").WriteUnits | Should -BeGreaterThan 32
            ($result | Measure-Object ItemsWritten -Sum).Sum | Should -Be 0
            foreach ($table in 'MusicCatalog', 'CustomerOrders', 'Playlists', 'EmployeeManagement') {
                Get-ItemCount "$prefix$table" | Should -Be 0
            }
            Test-Path $checkpoint | Should -BeFalse
        }
    }

    Context 'bad input' {
        It 'refuses a negative concurrency before any request' {
            { Export-ChinookToDynamo -Path $Shipped -EndpointUrl $Endpoint -MaxConcurrency -1 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        }

        It 'reports a source that is not a database and writes nothing' {
            $bad = Join-Path (New-ScratchFolder) 'bad.sqlite'
            Set-Content $bad 'not a database'
            $result = Export-ChinookToDynamo -Path $bad -EndpointUrl $Endpoint -ErrorVariable errors -ErrorAction SilentlyContinue
            $result | Should -BeNullOrEmpty
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'SourceNotSqlite,*'
        }
    }
}
