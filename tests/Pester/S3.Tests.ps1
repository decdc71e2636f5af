# Export-ChinookToS3 against a local S3 (s3rver, started here and stopped by process id), and what DynamoDB's
# ImportTable would make of its objects: ImportTable has no local server, so a test-only loader writes the lines
# into the local DynamoDB as an import would, and Test-ChinookMigration judges the result.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/LocalS3/LocalS3.psm1') -Force
    Import-Module (Get-ChinookTestModulePath) -Force
    $script:Endpoint = Get-TestEndpoint
    $script:Shipped = Get-ShippedDatabasePath
    $script:Bucket = 'chinook-tests'
    $script:S3 = Start-LocalS3 -Bucket $Bucket 6>$null
    $script:S3Arguments = @{ EndpointUrl = $S3.EndpointUrl; AccessKey = $S3.AccessKey; SecretKey = $S3.SecretKey; BucketName = $Bucket }

    function script:Get-S3Bytes([string] $Key) {
        # s3rver answers unsigned reads; the module's own reads go through the SDK.
        (Invoke-WebRequest "$($S3.EndpointUrl)/$Bucket/$Key").RawContentStream.ToArray()
    }
    function script:Get-S3Keys([string] $Prefix) {
        [xml] $list = (Invoke-WebRequest "$($S3.EndpointUrl)/$Bucket`?prefix=$([uri]::EscapeDataString($Prefix))").Content
        @($list.ListBucketResult.Contents | Where-Object { $_ } | ForEach-Object Key)
    }
    function script:Get-S3Lines([string] $Key) {
        $gzip = [IO.Compression.GZipStream]::new([IO.MemoryStream]::new([byte[]](Get-S3Bytes $Key)), [IO.Compression.CompressionMode]::Decompress)
        $reader = [IO.StreamReader]::new($gzip, [Text.Encoding]::UTF8)
        try { while ($null -ne ($line = $reader.ReadLine())) { $line } } finally { $reader.Dispose() }
    }
    function script:Get-Manifest([string] $KeyPrefix) {
        [Text.Encoding]::UTF8.GetString((Get-S3Bytes "${KeyPrefix}manifest.json")) | ConvertFrom-Json -DateKind String
    }
    function script:Import-TestS3Lines([string] $KeyPrefix, [string] $TablePrefix) {
        <# The test-only stand-in for ImportTable: the tables from the module's definitions, then every line as a PutRequest. #>
        New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $TablePrefix | Out-Null
        foreach ($table in (Get-Manifest $KeyPrefix).Tables) {
            $lines = foreach ($object in $table.Objects) { Get-S3Lines $object.Key }
            for ($i = 0; $i -lt $lines.Count; $i += 25) {
                $requests = @{ $table.TableName = @($lines[$i..([Math]::Min($i + 24, $lines.Count - 1))] | ForEach-Object { '{"PutRequest":' + $_ + '}' }) }
                $body = '{"RequestItems":{"' + $table.TableName + '":[' + ($requests[$table.TableName] -join ',') + ']}}'
                $answer = Send-DynamoJson -EndpointUrl $Endpoint -Operation BatchWriteItem -Json $body
                if ($answer.UnprocessedItems.PSObject.Properties.Name) { throw 'The local DynamoDB left items unprocessed.' }
            }
        }
    }
}

AfterAll {
    $script:S3 | Stop-LocalS3
    Remove-Item $script:S3.DataPath -Recurse -Force -ErrorAction Ignore
}

Describe 'Export-ChinookToS3' {
    Context 'the shipped database' {
        BeforeAll {
            $script:Prefix = New-TestTablePrefix
            $script:KeyPrefix = "runs/$Prefix/"
            $script:Results = Export-ChinookToS3 -Path $Shipped -KeyPrefix $KeyPrefix -TablePrefix $Prefix @S3Arguments
            $script:Manifest = Get-Manifest $KeyPrefix
        }

        It 'emits one result per table, every item in an object under the table''s own prefix' {
            $Results.TableName | Should -Be "${Prefix}MusicCatalog", "${Prefix}CustomerOrders", "${Prefix}Playlists", "${Prefix}EmployeeManagement"
            ($Results | Measure-Object Items -Sum).Sum | Should -Be 4732
            ($Results | Where-Object TableName -eq "${Prefix}MusicCatalog").Items | Should -Be 4155
            $Results | ForEach-Object {
                $_.KeyPrefix | Should -Be "$KeyPrefix$($_.TableName)/"
                $_.Address | Should -Be "s3://$Bucket/$KeyPrefix$($_.TableName)/"
                $_.Objects | Should -BeGreaterThan 1
                $_.Bytes | Should -BeLessThan $_.LineBytes
            }
        }

        It 'writes a complete manifest beside the table prefixes that lists exactly the objects under each' {
            $Manifest.Complete | Should -BeTrue
            $Manifest.Format | Should -Be 'DYNAMODB_JSON'
            $Manifest.InputCompression | Should -Be 'GZIP'
            foreach ($table in $Manifest.Tables) {
                "${KeyPrefix}manifest.json" | Should -Not -BeLike "$($table.KeyPrefix)*"
                @($table.Objects.Key) | Should -Be @(Get-S3Keys $table.KeyPrefix)
                ($table.Objects | Measure-Object Items -Sum).Sum | Should -Be $table.Items
            }
        }

        It 'stores gzip objects whose item counts and SHA-256 are the manifest''s' {
            foreach ($object in $Manifest.Tables.Objects) {
                $bytes = Get-S3Bytes $object.Key
                $bytes.Length | Should -Be $object.Bytes
                $lines = @(Get-S3Lines $object.Key)
                $lines.Count | Should -Be $object.Items
                $text = [Text.Encoding]::UTF8.GetBytes(($lines | ForEach-Object { "$_`n" }) -join '')
                [Convert]::ToHexString([Security.Cryptography.SHA256]::HashData($text)).ToLowerInvariant() | Should -Be $object.Sha256
            }
        }

        It 'writes every item ConvertTo-ChinookItem gives as one line, attribute for attribute' {
            $expected = @{}
            ConvertTo-ChinookItem -Path $Shipped -TablePrefix $Prefix | ForEach-Object { $expected["$($_.TableName)|$($_.PK)|$($_.SK)"] = $_ }
            $actual = @{}
            foreach ($table in $Manifest.Tables) {
                foreach ($line in $table.Objects | ForEach-Object { Get-S3Lines $_.Key }) {
                    $line | Should -Match '^\{"Item":\{"PK":\{"S":'
                    $plain = ConvertFrom-DynamoJsonValue ([pscustomobject]@{ M = ($line | ConvertFrom-Json -DateKind String).Item })
                    $actual["$($table.TableName)|$($plain.PK)|$($plain.SK)"] = $plain
                }
            }
            Get-ItemDifference -Expected $expected -Actual $actual | Should -BeNullOrEmpty
        }

        It 'gives tables that pass Test-ChinookMigration once the lines are loaded as an import would' {
            Import-TestS3Lines -KeyPrefix $KeyPrefix -TablePrefix $Prefix
            $checks = @(Test-ChinookMigration -Path $Shipped -EndpointUrl $Endpoint -TablePrefix $Prefix -Kind RecordCount, DataIntegrity, Relationship)
            ($checks | Group-Object Kind -NoElement | ForEach-Object { "$($_.Name) $($_.Count)" }) | Should -Be 'RecordCount 11', 'DataIntegrity 15', 'Relationship 9'
            $checks | Where-Object { -not $_.Passed } | Should -BeNullOrEmpty
        }

        It 'refuses a key prefix that holds an export, so an import never reads two' {
            { Export-ChinookToS3 -Path $Shipped -KeyPrefix $KeyPrefix -TablePrefix $Prefix @S3Arguments } |
                Should -Throw -ErrorId 'S3PrefixNotEmpty,Chinook.PowerShell.Commands.ExportChinookToS3Command'
        }

        It 'with -Resume checks the complete objects and sends none again' {
            $before = @(Get-S3Keys $KeyPrefix | Where-Object { $_ -notlike '*manifest.json' })
            $again = Export-ChinookToS3 -Path $Shipped -KeyPrefix $KeyPrefix -TablePrefix $Prefix -Resume @S3Arguments -Verbose 4>&1
            $results = @($again | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
            $results | ForEach-Object { $_.ObjectsResumed | Should -Be $_.Objects }
            @($again | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like '*not sent again*' }).Count | Should -Be $before.Count
            (Get-Manifest $KeyPrefix).Complete | Should -BeTrue
        }
    }

    It 'stops with a clear error and writes nothing when the bucket does not exist' {
        $arguments = $S3Arguments.Clone(); $arguments.BucketName = 'no-such-bucket'
        { Export-ChinookToS3 -Path $Shipped -KeyPrefix 'x/' @arguments } |
            Should -Throw -ErrorId 'S3BucketNotFound,Chinook.PowerShell.Commands.ExportChinookToS3Command' -ExpectedMessage "*'no-such-bucket' does not exist*"
    }

    It 'writes nothing with -WhatIf' {
        $prefix = New-TestTablePrefix
        Export-ChinookToS3 -Path $Shipped -KeyPrefix "whatif/$prefix/" -TablePrefix $prefix -WhatIf @S3Arguments | Should -BeNullOrEmpty
        Get-S3Keys "whatif/$prefix/" | Should -BeNullOrEmpty
    }

    It 'stops before any request for a key prefix that is not a folder' {
        { Export-ChinookToS3 -Path $Shipped -KeyPrefix '/runs' @S3Arguments } |
            Should -Throw -ErrorId 'InvalidS3Location,Chinook.PowerShell.Commands.ExportChinookToS3Command'
    }
}

Describe 'Import-ChinookFromS3' {
    # ImportTable has no local server: the requests themselves are checked by the xunit tests with a scripted client.
    It 'refuses a table that exists, since an import only creates tables, and starts no import' {
        $prefix = New-TestTablePrefix
        New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $prefix -TableName Playlists | Out-Null
        $results = Import-ChinookFromS3 -EndpointUrl $Endpoint -TablePrefix $prefix -TableName Playlists -BucketName $Bucket -KeyPrefix 'runs/' -ErrorVariable refused -ErrorAction SilentlyContinue
        $results | Should -BeNullOrEmpty
        $refused.FullyQualifiedErrorId | Should -Be 'ImportTableExists,Chinook.PowerShell.Commands.ImportChinookFromS3Command'
        $refused.TargetObject | Should -Be "${prefix}Playlists"
        $refused.ErrorDetails.RecommendedAction + $refused.CategoryInfo.Category | Should -Not -BeNullOrEmpty
    }

    It 'starts nothing with -WhatIf' {
        $prefix = New-TestTablePrefix
        Import-ChinookFromS3 -EndpointUrl $Endpoint -TablePrefix $prefix -BucketName $Bucket -KeyPrefix 'runs/' -WhatIf | Should -BeNullOrEmpty
        Get-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $prefix -ErrorAction SilentlyContinue | Where-Object Status -ne 'NotFound' | Should -BeNullOrEmpty
    }

    It 'stops before any request for a key prefix that is not a folder' {
        { Import-ChinookFromS3 -EndpointUrl $Endpoint -BucketName $Bucket -KeyPrefix 'runs' } |
            Should -Throw -ErrorId 'InvalidS3Location,Chinook.PowerShell.Commands.ImportChinookFromS3Command'
    }
}
