BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ChinookTestModulePath) -Force
    $script:Endpoint = Get-TestEndpoint
    $script:AllTables = 'MusicCatalog', 'CustomerOrders', 'Playlists', 'EmployeeManagement'

    function script:Get-Tables([string] $Prefix) {
        @(Get-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $Prefix)
    }

    # A child pwsh, non-interactive as a runbook is, with the module imported and the endpoint and prefix set.
    function script:Invoke-Runbook([string] $Prefix, [string] $Script) {
        Invoke-FreshPwsh @"
Import-Module '$(Get-ChinookTestModulePath)'
`$Endpoint = '$Endpoint'; `$Prefix = '$Prefix'
$Script
"@
    }
}

Describe 'New-ChinookDynamoTable' {
    It 'creates the four tables with the decided keys and indexes, on demand, and waits until they are ACTIVE' {
        $prefix = New-TestTablePrefix
        $created = New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $prefix

        $created.TableName | Should -Be ($AllTables | ForEach-Object { "$prefix$_" })
        $created.Status | Should -Be 'Created', 'Created', 'Created', 'Created'
        $created | ForEach-Object { $_.TableArn | Should -BeLike "arn:aws:dynamodb:*:table/$($_.TableName)" }

        $tables = Get-Tables $prefix
        $tables.Status | Should -Be 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE'
        $tables | ForEach-Object {
            $_.KeySchema -join ', ' | Should -Be 'PK HASH, SK RANGE'
            $_.BillingMode | Should -Be 'PAY_PER_REQUEST'
            $_.Managed | Should -BeTrue
            $_.Differences | Should -BeNullOrEmpty
        }
        $indexes = @{}
        $tables | ForEach-Object { $indexes[$_.TableName] = $_.Indexes -join '; ' }
        $indexes["${prefix}MusicCatalog"] | Should -Be 'GSI1-NameSearch (GSI1PK HASH, GSI1SK RANGE); GSI2-GenreSearch (GSI2PK HASH); GSI3-LowerName (GSI3PK HASH, GSI3SK RANGE)'
        $indexes["${prefix}CustomerOrders"] | Should -Be 'GSI1-EmailSearch (GSI1PK HASH, GSI1SK RANGE)'
        $indexes["${prefix}Playlists"] | Should -Be ''
        $indexes["${prefix}EmployeeManagement"] | Should -Be ''
        ($tables | Where-Object TableName -eq "${prefix}MusicCatalog").Indexes | ForEach-Object {
            $_.ProjectionType | Should -Be 'ALL'
            $_.IndexStatus | Should -Be 'ACTIVE'
        }
    }

    It 'reports Existing on a second run and plans no write' {
        $prefix = New-TestTablePrefix
        $first = New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $prefix -TableName Playlists, CustomerOrders

        $whatIf = Invoke-Runbook $prefix 'New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $Prefix -TableName Playlists, CustomerOrders -WhatIf | ForEach-Object Status'
        $whatIf | Should -Be 'Existing', 'Existing'
        $second = New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $prefix -TableName Playlists, CustomerOrders

        $second.Status | Should -Be 'Existing', 'Existing'
        $second.TableArn | Should -Be $first.TableArn
        (Get-Tables $prefix).Count | Should -Be 2
    }

    It 'warns that a table of the same shape without the managed tag is not managed, and that Sync and Remove leave it alone' {
        $prefix = New-TestTablePrefix
        $definition = Get-ChinookTableDefinition -TablePrefix $prefix -TableName MusicCatalog | ConvertTo-Json -Depth 10 | ConvertFrom-Json
        $definition.PSObject.Properties.Remove('Tags')
        Send-DynamoJson -EndpointUrl $Endpoint -Operation CreateTable -Json ($definition | ConvertTo-Json -Depth 10) | Out-Null

        $table = New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $prefix -TableName MusicCatalog -WarningVariable warnings 3>$null

        $table.Status | Should -Be 'Existing'
        $table.Managed | Should -BeFalse
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -Match "Table '${prefix}MusicCatalog' .* not managed by ChinookMigration"
        "$($warnings[0])" | Should -Match 'Sync-ChinookToDynamo and Remove-ChinookDynamoTable will leave it alone'
        New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $prefix -TableName Playlists -WarningVariable managedWarnings 3>$null | Out-Null
        $managedWarnings | Should -BeNullOrEmpty
    }

    It 'takes a subset of tables by name, from the pipeline too' {
        $prefix = New-TestTablePrefix
        'Playlists', 'employeemanagement' | New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $prefix | Out-Null
        (Get-Tables $prefix).TableName | Should -Be "${prefix}Playlists", "${prefix}EmployeeManagement"
    }

    It 'creates provisioned tables with capacity on the table and each index' {
        $prefix = New-TestTablePrefix
        $table = New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $prefix -TableName MusicCatalog -BillingMode Provisioned -ReadCapacityUnits 3 -WriteCapacityUnits 2
        $table.BillingMode | Should -Be 'PROVISIONED'
        $table.Status | Should -Be 'Created'
    }

    It 'refuses capacity units with on-demand billing' {
        { New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix (New-TestTablePrefix) -BillingMode PayPerRequest -ReadCapacityUnits 5 } |
            Should -Throw -ErrorId 'CapacityWithoutProvisioned,*'
    }

    It 'writes one error per unknown table name and still creates the others' {
        $prefix = New-TestTablePrefix
        $tables = New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $prefix -TableName Invoices, Playlists -ErrorVariable errors -ErrorAction SilentlyContinue
        $tables.TableName | Should -Be "${prefix}Playlists"
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidTableName,*'
        $errors[0].TargetObject | Should -Be 'Invoices'
    }

    It 'shows a default table view' {
        $text = New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix (New-TestTablePrefix) -TableName CustomerOrders | Out-String -Width 250
        $text | Should -Match 'TableName\s+Status\s+BillingMode\s+KeySchema\s+Indexes'
        $text | Should -Match 'CustomerOrders\s+Created\s+PAY_PER_REQUEST\s+PK HASH, SK RANGE\s+GSI1-EmailSearch \(GSI1PK HASH, GSI1SK RANGE\)'
    }

    Context 'a table that exists with another definition' {
        It 'is an error naming the difference, and the table is left as it was' {
            $prefix = New-TestTablePrefix
            New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $prefix -TableName Playlists -BillingMode Provisioned | Out-Null

            $result = New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $prefix -TableName Playlists -ErrorVariable errors -ErrorAction SilentlyContinue

            $result | Should -BeNullOrEmpty
            $errors.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'TableDefinitionMismatch,*'
            $errors[0].CategoryInfo.Category | Should -Be 'ResourceExists'
            $errors[0].TargetObject | Should -Be "${prefix}Playlists"
            $errors[0].Exception.Message | Should -Match 'billing mode is PROVISIONED, expected PAY_PER_REQUEST'
            (Get-Tables $prefix).BillingMode | Should -Be 'PROVISIONED'
        }

        It 'names a key schema that differs, and -Force recreates the table with the definition' {
            $prefix = New-TestTablePrefix
            New-ForeignDynamoTable -EndpointUrl $Endpoint -TableName "${prefix}Playlists" -Key PK

            New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $prefix -TableName Playlists -ErrorVariable errors -ErrorAction SilentlyContinue | Out-Null
            $errors[0].Exception.Message | Should -Match 'key schema is \(PK HASH\), expected \(PK HASH, SK RANGE\)'
            (Get-Tables $prefix).Differences | Should -Be 'key schema is (PK HASH), expected (PK HASH, SK RANGE)'

            $recreated = New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $prefix -TableName Playlists -Force -Confirm:$false
            $recreated.Status | Should -Be 'Recreated'
            $table = Get-Tables $prefix
            $table.KeySchema -join ', ' | Should -Be 'PK HASH, SK RANGE'
            $table.Managed | Should -BeTrue
            $table.Differences | Should -BeNullOrEmpty
        }

        It 'is not recreated by <Case>' -ForEach @(
            @{ Case = '-Force in a non-interactive session without -Confirm:$false, as a High-impact action asks first'; Switches = '-Force'; Says = 'NonInteractive' }
            @{ Case = '-Force -WhatIf'; Switches = '-Force -WhatIf'; Says = 'What if: .*Delete and recreate table.*billing mode is PROVISIONED' }
        ) {
            $prefix = New-TestTablePrefix
            New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $prefix -TableName Playlists -BillingMode Provisioned | Out-Null

            $output = Invoke-Runbook $prefix "New-ChinookDynamoTable -EndpointUrl `$Endpoint -TablePrefix `$Prefix -TableName Playlists $Switches"

            ($output | Out-String) | Should -Match $Says
            (Get-Tables $prefix).BillingMode | Should -Be 'PROVISIONED'
        }
    }

    It '-WhatIf creates nothing and says what it would create' {
        $prefix = New-TestTablePrefix
        $output = Invoke-Runbook $prefix 'New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $Prefix -WhatIf'

        $text = $output | Out-String
        $text | Should -Match "What if: Performing the operation `"Create table \(PK HASH, SK RANGE; GSI1-NameSearch \(GSI1PK HASH, GSI1SK RANGE\); GSI2-GenreSearch \(GSI2PK HASH\); GSI3-LowerName \(GSI3PK HASH, GSI3SK RANGE\); PAY_PER_REQUEST\)`" on target `"${prefix}MusicCatalog`""
        $text | Should -Match "on target `"${prefix}EmployeeManagement`""
        Get-Tables $prefix | Should -BeNullOrEmpty
    }

    It 'keeps two prefixes side by side' {
        $dev = New-TestTablePrefix
        $qa = New-TestTablePrefix
        New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $dev | Out-Null
        New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $qa | Out-Null

        (Get-Tables $dev).Count | Should -Be 4
        (Get-Tables $qa).Count | Should -Be 4
        Remove-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $dev -Confirm:$false | Out-Null
        Get-Tables $dev | Should -BeNullOrEmpty
        (Get-Tables $qa).Status | Should -Be 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE'
    }
}

Describe 'Remove-ChinookDynamoTable' {
    It 'deletes the named tables of the prefix, waits until they are gone, and leaves the others' {
        $prefix = New-TestTablePrefix
        New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $prefix | Out-Null

        $removed = Remove-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $prefix -TableName Playlists, EmployeeManagement -Confirm:$false

        $removed.TableName | Should -Be "${prefix}Playlists", "${prefix}EmployeeManagement"
        $removed.Status | Should -Be 'Deleted', 'Deleted'
        (Get-Tables $prefix).TableName | Should -Be "${prefix}MusicCatalog", "${prefix}CustomerOrders"
    }

    It 'reports tables that are not there as NotFound, without an error' {
        $removed = Remove-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix (New-TestTablePrefix) -Confirm:$false -ErrorVariable errors
        $removed.Status | Should -Be 'NotFound', 'NotFound', 'NotFound', 'NotFound'
        $errors | Should -BeNullOrEmpty
    }

    It 'leaves a table ChinookMigration did not create, unless -Force' {
        $prefix = New-TestTablePrefix
        New-ForeignDynamoTable -EndpointUrl $Endpoint -TableName "${prefix}MusicCatalog"
        New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $prefix -TableName Playlists | Out-Null

        $removed = Remove-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $prefix -TableName MusicCatalog, Playlists -Confirm:$false -ErrorVariable errors -ErrorAction SilentlyContinue

        ($removed | Where-Object TableName -eq "${prefix}MusicCatalog").Status | Should -Be 'Skipped'
        ($removed | Where-Object TableName -eq "${prefix}Playlists").Status | Should -Be 'Deleted'
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'TableNotManaged,*'
        $errors[0].Exception.Message | Should -Match 'chinook-migration:managed=true'
        (Get-Tables $prefix).TableName | Should -Be "${prefix}MusicCatalog"

        $forced = Remove-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $prefix -TableName MusicCatalog -Force -Confirm:$false
        $forced.Status | Should -Be 'Deleted'
        Get-Tables $prefix | Should -BeNullOrEmpty
    }

    It 'takes the tables Get-ChinookDynamoTable outputs from the pipeline' {
        $prefix = New-TestTablePrefix
        New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $prefix -TableName Playlists, CustomerOrders | Out-Null

        $removed = Get-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $prefix | Remove-ChinookDynamoTable -EndpointUrl $Endpoint -Confirm:$false

        $removed.TableName | Should -Be "${prefix}CustomerOrders", "${prefix}Playlists"
        Get-Tables $prefix | Should -BeNullOrEmpty
    }

    It 'runs unattended with -Confirm:$false, and asks (so fails in a non-interactive session) without it' {
        $prefix = New-TestTablePrefix
        New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $prefix -TableName Playlists | Out-Null

        $refused = Invoke-Runbook $prefix 'Remove-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $Prefix'
        ($refused | Out-String) | Should -Match 'NonInteractive'
        (Get-Tables $prefix).Count | Should -Be 1

        $output = Invoke-Runbook $prefix '$ErrorActionPreference = "Stop"; Remove-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $Prefix -Confirm:$false | ForEach-Object { "$($_.TableName)=$($_.Status)" }'
        $LASTEXITCODE | Should -Be 0
        $output | Should -Contain "${prefix}Playlists=Deleted"
        Get-Tables $prefix | Should -BeNullOrEmpty
    }

    It '-WhatIf deletes nothing' {
        $prefix = New-TestTablePrefix
        New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $prefix -TableName Playlists | Out-Null
        $reports = Remove-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $prefix -WhatIf
        $reports.Status | Should -Not -Contain 'Deleted'
        (Get-Tables $prefix).Count | Should -Be 1
    }
}

Describe 'Get-ChinookDynamoTable' {
    It 'writes an error for a named table that does not exist, and nothing for unnamed ones' {
        $prefix = New-TestTablePrefix
        Get-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $prefix -ErrorVariable quiet | Should -BeNullOrEmpty
        $quiet | Should -BeNullOrEmpty
        Get-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $prefix -TableName Playlists -ErrorVariable errors -ErrorAction SilentlyContinue | Out-Null
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'TableNotFound,*'
        $errors[0].TargetObject | Should -Be "${prefix}Playlists"
    }
}

Describe 'Get-ChinookTableDefinition' {
    It 'gives the four definitions without contacting AWS' {
        $definitions = Get-ChinookTableDefinition -TablePrefix dev-
        $definitions.TableName | Should -Be 'dev-MusicCatalog', 'dev-CustomerOrders', 'dev-Playlists', 'dev-EmployeeManagement'
        $definitions[0].GlobalSecondaryIndexes.IndexName | Should -Be 'GSI1-NameSearch', 'GSI2-GenreSearch', 'GSI3-LowerName'
    }

    It 'turns into JSON with the CLI''s member names that round-trips through ConvertFrom-Json' {
        $json = Get-ChinookTableDefinition -TableName MusicCatalog -TablePrefix dev- | ConvertTo-Json -Depth 10
        $parsed = $json | ConvertFrom-Json

        $parsed.PSObject.Properties.Name | Should -Be 'TableName', 'AttributeDefinitions', 'KeySchema', 'GlobalSecondaryIndexes', 'BillingMode', 'Tags'
        $parsed.TableName | Should -Be 'dev-MusicCatalog'
        $parsed.BillingMode | Should -Be 'PAY_PER_REQUEST'
        ($parsed.AttributeDefinitions | ForEach-Object { "$($_.AttributeName):$($_.AttributeType)" }) | Should -Be 'PK:S', 'SK:S', 'GSI1PK:S', 'GSI1SK:S', 'GSI2PK:S', 'GSI3PK:S', 'GSI3SK:S'
        ($parsed.KeySchema | ForEach-Object { "$($_.AttributeName) $($_.KeyType)" }) | Should -Be 'PK HASH', 'SK RANGE'
        $parsed.GlobalSecondaryIndexes[0].PSObject.Properties.Name | Should -Be 'IndexName', 'KeySchema', 'Projection'
        $parsed.GlobalSecondaryIndexes[1].KeySchema.AttributeName | Should -Be 'GSI2PK'
        $parsed.GlobalSecondaryIndexes.Projection.ProjectionType | Should -Be 'ALL', 'ALL', 'ALL'
        $parsed.Tags[0].Key | Should -Be 'chinook-migration:managed'
        ($parsed | ConvertTo-Json -Depth 10) | Should -Be $json
        $json | Should -Not -Match 'null'
    }

    It 'leaves out what a table does not have, and adds capacity when provisioned' {
        $playlists = Get-ChinookTableDefinition -TableName Playlists | ConvertTo-Json -Depth 10 | ConvertFrom-Json
        $playlists.PSObject.Properties.Name | Should -Not -Contain 'GlobalSecondaryIndexes'
        $playlists.PSObject.Properties.Name | Should -Not -Contain 'ProvisionedThroughput'

        $orders = Get-ChinookTableDefinition -TableName CustomerOrders -BillingMode Provisioned -ReadCapacityUnits 4 -WriteCapacityUnits 2 | ConvertTo-Json -Depth 10 | ConvertFrom-Json
        $orders.BillingMode | Should -Be 'PROVISIONED'
        $orders.ProvisionedThroughput.ReadCapacityUnits | Should -Be 4
        $orders.GlobalSecondaryIndexes[0].ProvisionedThroughput.WriteCapacityUnits | Should -Be 2
    }

    It 'is CreateTable input DynamoDB accepts, and the table it makes matches the definition' {
        $prefix = New-TestTablePrefix
        foreach ($definition in Get-ChinookTableDefinition -TablePrefix $prefix) {
            Send-DynamoJson -EndpointUrl $Endpoint -Operation CreateTable -Json ($definition | ConvertTo-Json -Depth 10) | Out-Null
        }
        $tables = New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $prefix
        $tables.Status | Should -Be 'Existing', 'Existing', 'Existing', 'Existing'
    }
}

Describe 'Connection parameters' {
    It 'says in -Debug where credentials and region came from' {
        # -Debug alone makes PowerShell ask before every verbose message of a compiled cmdlet; -Verbose says go on.
        $debug = Get-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix (New-TestTablePrefix) -Debug -Verbose 5>&1 4>$null | ForEach-Object { "$_" }
        $debug | Should -Contain ('credentials: none found; placeholder credentials, as ' + ([uri]$Endpoint) + ' is a local endpoint that accepts any signed request')
        $debug | Should -Contain ('region: endpoint ' + ([uri]$Endpoint) + ', signing region us-east-1 (the default for a custom endpoint)')
    }

    It 'never shows a secret key given with -SecretKey, in any stream, output or error' {
        $secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCY' + [guid]::NewGuid().ToString('N')
        $prefix = New-TestTablePrefix
        $keys = @{ AccessKey = 'AKIAIOSFODNN7EXAMPLE'; SecretKey = $secret; EndpointUrl = $Endpoint; TablePrefix = $prefix }
        $everything = & {
            New-ChinookDynamoTable @keys -TableName Playlists -Verbose -Debug
            New-ChinookDynamoTable @keys -TableName Playlists -BillingMode Provisioned -Verbose -Debug
            New-ChinookDynamoTable @keys -TableName Invoices -Verbose -Debug
            Get-ChinookDynamoTable @keys -Verbose -Debug
            Remove-ChinookDynamoTable @keys -Confirm:$false -Verbose -Debug
        } *>&1 2>&1
        $text = ($everything | Format-List * -Force | Out-String -Width 500) + ($everything | Out-String -Width 500)

        $text | Should -Match 'explicit access key AKIA\*\*\*\*MPLE'
        $text | Should -Match 'TableDefinitionMismatch|another definition'
        $text | Should -Not -Match ([regex]::Escape($secret))
        $text | Should -Not -Match 'AKIAIOSFODNN7EXAMPLE'
    }

    It 'refuses <Case> before sending any request' -ForEach @(
        @{ Case = 'an endpoint that is no absolute URL'; Parameters = @{ EndpointUrl = 'localhost:8000' }; Id = 'InvalidEndpointUrl' }
        @{ Case = 'an unknown region'; Parameters = @{ Region = 'moon-base-1' }; Id = 'InvalidRegion' }
        @{ Case = 'a prefix DynamoDB would refuse'; Parameters = @{ TablePrefix = 'dev/' }; Id = 'InvalidTablePrefix' }
        @{ Case = 'a secret key without an access key'; Parameters = @{ SecretKey = 'x' }; Id = 'InvalidAccessKey' }
    ) {
        # A listener that counts as a request any connection made to it.
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        try {
            $arguments = @{ EndpointUrl = "http://127.0.0.1:$($listener.LocalEndpoint.Port)" }
            $Parameters.GetEnumerator() | ForEach-Object { $arguments[$_.Key] = $_.Value }
            { New-ChinookDynamoTable @arguments -ErrorAction Stop } | Should -Throw -ErrorId "$Id,*"
            { Get-ChinookDynamoTable @arguments -ErrorAction Stop } | Should -Throw -ErrorId "$Id,*"
            { Remove-ChinookDynamoTable @arguments -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId "$Id,*"
            $listener.Pending() | Should -BeFalse
        }
        finally { $listener.Stop() }
    }
}
