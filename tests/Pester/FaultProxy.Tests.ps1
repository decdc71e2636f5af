# The fault proxy (tests/Chinook.FaultProxy) that the reliability tests and the benchmark put between the
# module and the local DynamoDB: each fault really happens, and nothing else is changed on the way.
# Requests are plain HTTP: dynalite checks that a request carries a SigV4 Authorization header and a date,
# not the signature, so a made-up one is enough to reach the table.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/FaultProxy/FaultProxy.psm1') -Force
    $script:Dynamo = Get-TestEndpoint
    $script:Table = 'FaultProxyTest-' + [guid]::NewGuid().ToString('N').Substring(0, 8)

    function Invoke-Dynamo {
        param([string] $Endpoint, [string] $Action, [hashtable] $Body = @{}, [switch] $Unsigned, [int] $TimeoutSec = 30)
        $headers = @{ 'X-Amz-Target' = "DynamoDB_20120810.$Action" }
        if (-not $Unsigned) {
            $headers.Authorization = 'AWS4-HMAC-SHA256 Credential=x/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=abc'
            $headers['X-Amz-Date'] = '20260101T000000Z'
        }
        $response = Invoke-WebRequest -Uri $Endpoint -Method Post -Headers $headers -ContentType 'application/x-amz-json-1.0' `
            -Body ($Body | ConvertTo-Json -Depth 20 -Compress) -SkipHttpErrorCheck -NoProxy -TimeoutSec $TimeoutSec
        $bytes = $response.RawContentStream.ToArray()
        [pscustomobject]@{
            Status  = [int]$response.StatusCode
            Body    = [Text.Encoding]::UTF8.GetString($bytes) | ConvertFrom-Json
            Bytes   = $bytes
            Headers = $response.Headers
        }
    }

    function New-Batch([string[]] $Keys) {
        @{ RequestItems = @{ $Table = @($Keys | ForEach-Object { @{ PutRequest = @{ Item = @{ PK = @{ S = $_ } } } } }) } }
    }

    # What the table holds, read from dynalite directly, not through a proxy.
    function Get-StoredKey([string] $Prefix) {
        @((Invoke-Dynamo $Dynamo Scan @{ TableName = $Table }).Body.Items | ForEach-Object { $_.PK.S } | Where-Object { $_ -like "$Prefix*" })
    }

    Invoke-Dynamo $Dynamo CreateTable @{
        TableName = $Table; BillingMode = 'PAY_PER_REQUEST'
        AttributeDefinitions = @(@{ AttributeName = 'PK'; AttributeType = 'S' }); KeySchema = @(@{ AttributeName = 'PK'; KeyType = 'HASH' })
    } | Select-Object -ExpandProperty Status | Should -Be 200
    $deadline = [DateTime]::UtcNow.AddSeconds(30)
    while ((Invoke-Dynamo $Dynamo DescribeTable @{ TableName = $Table }).Body.Table.TableStatus -ne 'ACTIVE' -and [DateTime]::UtcNow -lt $deadline) {
        Start-Sleep -Milliseconds 100
    }
}

AfterAll {
    Invoke-Dynamo $Dynamo DeleteTable @{ TableName = $Table } | Out-Null
}

Describe 'The fault proxy' {
    Context 'with no fault due' {
        BeforeAll { $script:Proxy = Start-FaultProxy -UpstreamUrl $Dynamo }
        AfterAll { $Proxy | Stop-FaultProxy }

        It 'forwards a signed request and the server''s answer unchanged' {
            $answer = Invoke-Dynamo $Proxy.EndpointUrl ListTables
            $answer.Status | Should -Be 200
            $answer.Body.TableNames | Should -Contain $Table
            $answer.Headers['x-amz-crc32'] | Should -Not -BeNullOrEmpty
        }

        It 'forwards an unsigned request, and dynalite''s refusal comes back' {
            $answer = Invoke-Dynamo $Proxy.EndpointUrl ListTables -Unsigned
            $answer.Status | Should -Be 400
            $answer.Body.__type | Should -BeLike '*#MissingAuthenticationTokenException'
        }

        It 'counts what it forwarded and injects nothing' {
            $stats = $Proxy | Get-FaultProxyStats
            $stats.requests | Should -Be 2
            $stats.forwarded | Should -Be 2
            $stats.totalFaults | Should -Be 0
        }
    }

    Context 'answering <Kind> to every request' -ForEach @(
        @{ Kind = 'throttle'; Status = 400; Type = 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException' }
        @{ Kind = 'throttling'; Status = 400; Type = 'com.amazon.coral.availability#ThrottlingException' }
        @{ Kind = '500'; Status = 500; Type = 'com.amazonaws.dynamodb.v20120810#InternalServerError' }
        @{ Kind = '503'; Status = 503; Type = 'com.amazonaws.dynamodb.v20120810#ServiceUnavailable' }
    ) {
        BeforeAll { $script:Proxy = Start-FaultProxy -UpstreamUrl $Dynamo -Forever -Fault $Kind }
        AfterAll { $Proxy | Stop-FaultProxy }

        It 'answers DynamoDB''s error and writes nothing' {
            $answer = Invoke-Dynamo $Proxy.EndpointUrl BatchWriteItem (New-Batch "$Kind-1", "$Kind-2")
            $answer.Status | Should -Be $Status
            $answer.Body.__type | Should -Be $Type
            $answer.Body.message | Should -Not -BeNullOrEmpty
            Get-StoredKey "$Kind-" | Should -BeNullOrEmpty
            $stats = $Proxy | Get-FaultProxyStats
            $stats.faults.$Kind | Should -Be 1
            $stats.forwarded | Should -Be 0
        }
    }

    Context 'handing back part of a batch as unprocessed' {
        BeforeAll { $script:Proxy = Start-FaultProxy -UpstreamUrl $Dynamo -Forever -Fault unprocessed }
        AfterAll { $Proxy | Stop-FaultProxy }

        It 'writes only what it does not report as unprocessed' {
            $keys = 1..10 | ForEach-Object { "split-$_" }
            $answer = Invoke-Dynamo $Proxy.EndpointUrl BatchWriteItem (New-Batch $keys)
            $answer.Status | Should -Be 200
            $unprocessed = @($answer.Body.UnprocessedItems.$Table | ForEach-Object { $_.PutRequest.Item.PK.S })
            $unprocessed.Count | Should -BeGreaterThan 0
            $unprocessed.Count | Should -BeLessThan 10
            $stored = Get-StoredKey 'split-'
            ($stored + $unprocessed | Sort-Object) | Should -Be ($keys | Sort-Object)
            ($Proxy | Get-FaultProxyStats).withheldItems | Should -Be $unprocessed.Count
        }

        It 'sends a CRC-32 that matches the rewritten body, as DynamoDB clients check' {
            $answer = Invoke-Dynamo $Proxy.EndpointUrl BatchWriteItem (New-Batch 'crc-1', 'crc-2', 'crc-3')
            Add-Type -Path (Join-Path (Split-Path (Install-FaultProxy)) 'System.IO.Hashing.dll')
            [string][System.IO.Hashing.Crc32]::HashToUInt32($answer.Bytes) | Should -Be $answer.Headers['x-amz-crc32'][0]
        }

        It 'hands back the single request of a batch of one' {
            $answer = Invoke-Dynamo $Proxy.EndpointUrl BatchWriteItem (New-Batch 'single-1')
            $answer.Status | Should -Be 200
            $answer.Body.UnprocessedItems.$Table.PutRequest.Item.PK.S | Should -Be 'single-1'
            Get-StoredKey 'single-' | Should -BeNullOrEmpty
        }

        It 'forwards a batch over DynamoDB''s 25 whole, so that the server refuses it as it should' {
            $answer = Invoke-Dynamo $Proxy.EndpointUrl BatchWriteItem (New-Batch (1..26 | ForEach-Object { "big-$_" }))
            $answer.Status | Should -Be 400
            $answer.Body.__type | Should -BeLike '*#ValidationException'
        }

        It 'leaves other requests alone' {
            (Invoke-Dynamo $Proxy.EndpointUrl PutItem @{ TableName = $Table; Item = @{ PK = @{ S = 'put-1' } } }).Status | Should -Be 200
            Get-StoredKey 'put-' | Should -Be 'put-1'
        }
    }

    Context 'holding the answer past the client''s timeout' {
        BeforeAll { $script:Proxy = Start-FaultProxy -UpstreamUrl $Dynamo -Forever -Fault timeout -TimeoutHoldMilliseconds 5000 }
        AfterAll { $Proxy | Stop-FaultProxy }

        It 'times the client out, although the write happened' {
            { Invoke-Dynamo $Proxy.EndpointUrl PutItem @{ TableName = $Table; Item = @{ PK = @{ S = 'late-1' } } } -TimeoutSec 1 } |
                Should -Throw
            $deadline = [DateTime]::UtcNow.AddSeconds(10)
            while (-not (Get-StoredKey 'late-') -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
            Get-StoredKey 'late-' | Should -Be 'late-1'
            $stats = $Proxy | Get-FaultProxyStats
            $stats.faults.timeout | Should -Be 1
            $stats.forwarded | Should -Be 1
        }
    }

    Context 'dropping the connection' {
        BeforeAll { $script:Proxy = Start-FaultProxy -UpstreamUrl $Dynamo -Forever -Fault drop }
        AfterAll { $Proxy | Stop-FaultProxy }

        It 'closes the connection without an answer and writes nothing' {
            { Invoke-Dynamo $Proxy.EndpointUrl PutItem @{ TableName = $Table; Item = @{ PK = @{ S = 'drop-1' } } } } |
                Should -Throw -ExceptionType ([System.Net.Http.HttpRequestException])
            Get-StoredKey 'drop-' | Should -BeNullOrEmpty
            ($Proxy | Get-FaultProxyStats).faults.drop | Should -BeGreaterOrEqual 1
        }
    }

    Context 'answering writes itself' {
        BeforeAll { $script:Proxy = Start-FaultProxy -UpstreamUrl $Dynamo -AnswerWrites }
        AfterAll { $Proxy | Stop-FaultProxy }

        It 'reports every request processed, with its write units, and stores nothing' {
            $batch = New-Batch 'answered-1', 'answered-2'
            $batch.ReturnConsumedCapacity = 'TOTAL'
            $answer = Invoke-Dynamo $Proxy.EndpointUrl BatchWriteItem $batch
            $answer.Status | Should -Be 200
            @($answer.Body.UnprocessedItems.PSObject.Properties).Count | Should -Be 0
            $answer.Body.ConsumedCapacity.TableName | Should -Be $Table
            $answer.Body.ConsumedCapacity.CapacityUnits | Should -Be 2
            Get-StoredKey 'answered-' | Should -BeNullOrEmpty
            ($Proxy | Get-FaultProxyStats).answeredWrites | Should -Be 1
        }

        It 'still passes every other call to the server' {
            (Invoke-Dynamo $Proxy.EndpointUrl PutItem @{ TableName = $Table; Item = @{ PK = @{ S = 'passed-1' } } }).Status | Should -Be 200
            Get-StoredKey 'passed-' | Should -Be 'passed-1'
        }
    }

    Context 'holding each table to a write budget' {
        BeforeAll { $script:Proxy = Start-FaultProxy -UpstreamUrl $Dynamo -WriteBudget 3 }
        AfterAll { $Proxy | Stop-FaultProxy }

        It 'reports the budget as the table''s provisioned write capacity' {
            $table = (Invoke-Dynamo $Proxy.EndpointUrl DescribeTable @{ TableName = $Table }).Body.Table
            $table.ProvisionedThroughput.WriteCapacityUnits | Should -Be 3
            $table.BillingModeSummary.BillingMode | Should -Be 'PROVISIONED'
        }

        It 'refuses with ThrottlingException what goes beyond it, counting write units by item size' {
            # An item of 2.5 KB is 3 write units: one takes the budget's second of burst, and ten more would need
            # ten seconds of it.
            function New-LargeBatch([string[]] $Keys) {
                @{ RequestItems = @{ $Table = @($Keys | ForEach-Object { @{ PutRequest = @{ Item = @{ PK = @{ S = $_ }; V = @{ S = 'x' * 2500 } } } } }) } }
            }
            (Invoke-Dynamo $Proxy.EndpointUrl BatchWriteItem (New-LargeBatch 'budget-1')).Status | Should -Be 200
            $refused = Invoke-Dynamo $Proxy.EndpointUrl BatchWriteItem (New-LargeBatch (1..10 | ForEach-Object { "budget-over-$_" }))
            $refused.Status | Should -Be 400
            $refused.Body.__type | Should -Be 'com.amazon.coral.availability#ThrottlingException'
            Get-StoredKey 'budget-over-' | Should -BeNullOrEmpty
            Get-StoredKey 'budget-1' | Should -Be 'budget-1'
            $stats = $Proxy | Get-FaultProxyStats
            $stats.overBudget | Should -Be 1
            ($stats.budget.perSecond | Measure-Object acceptedUnits -Sum).Sum | Should -Be 3
        }
    }

    Context 'choosing what to fault' {
        It 'faults only the listed actions' {
            $proxy = Start-FaultProxy -UpstreamUrl $Dynamo -Forever -Fault throttle -FaultOnlyTarget BatchWriteItem
            try {
                (Invoke-Dynamo $proxy.EndpointUrl ListTables).Status | Should -Be 200
                (Invoke-Dynamo $proxy.EndpointUrl BatchWriteItem (New-Batch 'only-1')).Status | Should -Be 400
                ($proxy | Get-FaultProxyStats).totalFaults | Should -Be 1
            }
            finally { $proxy | Stop-FaultProxy }
        }

        It 'stops after -MaxFaults faults' {
            $proxy = Start-FaultProxy -UpstreamUrl $Dynamo -FaultRate 1 -MaxFaults 3 -Fault 503
            try {
                $statuses = 1..6 | ForEach-Object { (Invoke-Dynamo $proxy.EndpointUrl ListTables).Status }
                $statuses | Should -Be 503, 503, 503, 200, 200, 200
            }
            finally { $proxy | Stop-FaultProxy }
        }

        It 'faults the same requests again with the same seed' {
            $runs = foreach ($run in 1, 2) {
                $proxy = Start-FaultProxy -UpstreamUrl $Dynamo -FaultRate 0.5 -Fault 500 -Seed 7
                try { (1..12 | ForEach-Object { (Invoke-Dynamo $proxy.EndpointUrl ListTables).Status }) -join ',' }
                finally { $proxy | Stop-FaultProxy }
            }
            $runs[0] | Should -Be $runs[1]
            $runs[0] | Should -Match '200'
            $runs[0] | Should -Match '500'
        }
    }

    Context 'delaying every round trip' {
        BeforeAll { $script:Proxy = Start-FaultProxy -UpstreamUrl $Dynamo -DelayMilliseconds 200 }
        AfterAll { $Proxy | Stop-FaultProxy }

        It 'adds at least the delay to the median round trip' {
            $times = 1..5 | ForEach-Object {
                $watch = [System.Diagnostics.Stopwatch]::StartNew()
                (Invoke-Dynamo $Proxy.EndpointUrl ListTables).Status | Should -Be 200
                $watch.Elapsed.TotalMilliseconds
            }
            ($times | Sort-Object)[2] | Should -BeGreaterOrEqual 200
        }
    }

    Context 'starting and stopping' {
        It 'stops cleanly and reports its final counts' {
            $proxy = Start-FaultProxy -UpstreamUrl $Dynamo -Forever -Fault 500
            Invoke-Dynamo $proxy.EndpointUrl ListTables | Out-Null
            $final = $proxy | Stop-FaultProxy -PassThru
            $final.faults.'500' | Should -Be 1
            Get-Process -Id $proxy.ProcessId -ErrorAction Ignore | Should -BeNullOrEmpty
        }

        It 'refuses a bad option with the proxy''s own message' {
            { Start-FaultProxy -UpstreamUrl "$Dynamo/some/path" } | Should -Throw '*without a path*'
        }

        It 'says so when its port is taken' {
            { Start-FaultProxy -UpstreamUrl $Dynamo -Port ([uri]$Dynamo).Port } | Should -Throw '*Cannot listen*'
        }
    }
}
