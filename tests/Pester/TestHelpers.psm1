# Shared set-up for the Pester tests: the built module, scratch databases, the local DynamoDB endpoint.

function Get-ChinookTestModulePath {
    if ($env:CHINOOK_MODULE_PATH) { return $env:CHINOOK_MODULE_PATH }
    return Join-Path $PSScriptRoot '../../out/ChinookMigration/ChinookMigration.psd1'
}

function Get-ShippedDatabasePath {
    return Join-Path (Split-Path (Get-ChinookTestModulePath)) 'data/Chinook_Sqlite.sqlite'
}

function Get-TestEndpoint {
    if (-not $env:CHINOOK_TEST_ENDPOINT) { throw 'CHINOOK_TEST_ENDPOINT is not set: run the tests through ./build.ps1 Test, which starts the local DynamoDB.' }
    return $env:CHINOOK_TEST_ENDPOINT
}

function Get-NuGetPackagePath {
    <# A package folder in the NuGet cache, found as build.ps1 finds it (restored by the test project's PackageDownload). #>
    param([Parameter(Mandatory)] [string] $Id, [Parameter(Mandatory)] [string] $Version)
    $root = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { (& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '' }
    $path = Join-Path $root.Trim() "$($Id.ToLowerInvariant())/$Version"
    if (-not (Test-Path $path)) { throw "$Id $Version is not in the NuGet cache ($path): run 'dotnet restore tests/Chinook.Migration.Tests'." }
    return $path
}

function New-ScratchFolder {
    $folder = Join-Path ([System.IO.Path]::GetTempPath()) ("chinook-pester-" + [guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory -Path $folder | Out-Null
    return $folder
}

function Invoke-FreshPwsh {
    <# Runs a script in a new pwsh process and returns its output lines. #>
    param([Parameter(Mandatory)] [string] $Script)
    $pwsh = Join-Path $PSHOME 'pwsh.dll'
    $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($Script))
    & dotnet $pwsh -NoProfile -NonInteractive -EncodedCommand $encoded 2>&1
}

function Invoke-Sqlite {
    <# Changes a scratch database (never the shipped one) through the module's own SQLite, loaded in a child pwsh. #>
    param([Parameter(Mandatory)] [string] $Path, [Parameter(Mandatory)] [string] $Sql)
    $deps = Join-Path (Split-Path (Get-ChinookTestModulePath)) 'deps'
    $arch = if ([System.Runtime.InteropServices.RuntimeInformation]::ProcessArchitecture -eq 'Arm64') { 'arm64' } else { 'x64' }
    $native = if ($IsWindows) { "win-$arch/native/e_sqlite3.dll" } elseif ($IsMacOS) { "osx-$arch/native/libe_sqlite3.dylib" } else { "linux-$arch/native/libe_sqlite3.so" }
    $script = @"
`$ErrorActionPreference = 'Stop'
Add-Type -Path '$deps/SQLitePCLRaw.core.dll','$deps/SQLitePCLRaw.provider.e_sqlite3.dll','$deps/SQLitePCLRaw.batteries_v2.dll','$deps/Microsoft.Data.Sqlite.dll'
[System.Runtime.InteropServices.NativeLibrary]::SetDllImportResolver([SQLitePCL.SQLite3Provider_e_sqlite3].Assembly, { param(`$n) [System.Runtime.InteropServices.NativeLibrary]::Load('$deps/runtimes/$native') })
`$c = [Microsoft.Data.Sqlite.SqliteConnection]::new('Data Source=$Path;Pooling=False;Foreign Keys=False')
`$c.Open(); `$cmd = `$c.CreateCommand(); `$cmd.CommandText = @'
$Sql
'@
[void]`$cmd.ExecuteNonQuery(); `$c.Close()
"@
    $output = Invoke-FreshPwsh $script
    if ($LASTEXITCODE -ne 0) { throw "SQL against $Path failed: $output" }
}

function New-TestTablePrefix {
    <# A table prefix of its own for each test, so tests sharing one local DynamoDB never see each other's tables. #>
    return 't' + [guid]::NewGuid().ToString('N').Substring(0, 10) + '-'
}

function New-ForeignDynamoTable {
    <#
    Creates a table as another tool would: without the ChinookMigration tag, with the given key attributes (string
    HASH, then RANGE), on demand; waits until it is ACTIVE. Runs the module's own AWS SDK in a child pwsh.
    #>
    param(
        [Parameter(Mandatory)] [string] $EndpointUrl,
        [Parameter(Mandatory)] [string] $TableName,
        [string[]] $Key = @('PK', 'SK')
    )
    $deps = Join-Path (Split-Path (Get-ChinookTestModulePath)) 'deps'
    $keys = ($Key | ForEach-Object { "'$_'" }) -join ','
    $script = @"
`$ErrorActionPreference = 'Stop'
Add-Type -Path '$deps/AWSSDK.Core.dll', '$deps/AWSSDK.DynamoDBv2.dll'
`$config = [Amazon.DynamoDBv2.AmazonDynamoDBConfig]::new()
`$config.ServiceURL = '$EndpointUrl'
`$config.AuthenticationRegion = 'us-east-1'
`$client = [Amazon.DynamoDBv2.AmazonDynamoDBClient]::new([Amazon.Runtime.BasicAWSCredentials]::new('test', 'test'), `$config)
`$request = [Amazon.DynamoDBv2.Model.CreateTableRequest]::new()
`$request.TableName = '$TableName'
`$request.BillingMode = [Amazon.DynamoDBv2.BillingMode]::PAY_PER_REQUEST
`$request.AttributeDefinitions = [System.Collections.Generic.List[Amazon.DynamoDBv2.Model.AttributeDefinition]]::new()
`$request.KeySchema = [System.Collections.Generic.List[Amazon.DynamoDBv2.Model.KeySchemaElement]]::new()
`$types = 'HASH', 'RANGE'
`$i = 0
foreach (`$name in @($keys)) {
    `$request.AttributeDefinitions.Add([Amazon.DynamoDBv2.Model.AttributeDefinition]::new(`$name, 'S'))
    `$request.KeySchema.Add([Amazon.DynamoDBv2.Model.KeySchemaElement]::new(`$name, `$types[`$i++]))
}
[void]`$client.CreateTableAsync(`$request).GetAwaiter().GetResult()
while (`$client.DescribeTableAsync('$TableName').GetAwaiter().GetResult().Table.TableStatus.Value -ne 'ACTIVE') { Start-Sleep -Milliseconds 100 }
"@
    $output = Invoke-FreshPwsh $script
    if ($LASTEXITCODE -ne 0) { throw "Creating $TableName failed: $output" }
}

function Send-DynamoJson {
    <#
    Sends a JSON body straight to the local DynamoDB's API, as the AWS CLI sends --cli-input-json. dynalite checks
    that a request is signed, not the signature, so a well-formed Authorization header is enough.
    #>
    param([Parameter(Mandatory)] [string] $EndpointUrl, [Parameter(Mandatory)] [string] $Operation, [Parameter(Mandatory)] [string] $Json)
    $headers = @{
        'X-Amz-Target'  = "DynamoDB_20120810.$Operation"
        'X-Amz-Date'    = [DateTime]::UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'")
        'Authorization' = 'AWS4-HMAC-SHA256 Credential=test/20240101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0'
    }
    Invoke-RestMethod -Method Post -Uri $EndpointUrl -Headers $headers -SkipHeaderValidation -ContentType 'application/x-amz-json-1.0' -Body $Json
}

function ConvertTo-DynamoJsonValue {
    <# A plain item value (as ChinookItem.Attributes holds it) in DynamoDB's JSON form: {"S": ..}, {"N": ..}, {"L": ..}, {"M": ..}. #>
    param($Value)
    # Not a switch: switch would walk a list's elements instead of taking the list.
    if ($Value -is [string]) { return @{ S = $Value } }
    if ($Value -is [bool]) { return @{ BOOL = $Value } }
    if ($Value -is [long] -or $Value -is [int] -or $Value -is [decimal]) { return @{ N = ([IFormattable]$Value).ToString($null, [cultureinfo]::InvariantCulture) } }
    if ($Value -is [System.Collections.IDictionary]) { $m = @{}; foreach ($k in $Value.Keys) { $m[$k] = ConvertTo-DynamoJsonValue $Value[$k] }; return @{ M = $m } }
    return @{ L = @(foreach ($e in $Value) { ConvertTo-DynamoJsonValue $e }) }
}

function ConvertTo-DynamoJsonItem {
    <# A ChinookItem (from ConvertTo-ChinookItem) as the Item of a PutItem or PutRequest. #>
    param([Parameter(Mandatory)] $Item)
    $map = @{ PK = @{ S = $Item.PK }; SK = @{ S = $Item.SK } }
    foreach ($name in $Item.Attributes.Keys) { $map[$name] = ConvertTo-DynamoJsonValue $Item.Attributes[$name] }
    return $map
}

function Write-TestItem {
    <#
    Loads ChinookItems (from ConvertTo-ChinookItem) into the local DynamoDB in BatchWriteItem calls of 25, until
    nothing is left unprocessed: test set-up only, where Export-ChinookToDynamo is not what a test is about.
    #>
    param([Parameter(Mandatory)] [string] $EndpointUrl, [Parameter(Mandatory, ValueFromPipeline)] $Item)
    begin { $batch = [System.Collections.Generic.List[object]]::new() }
    process {
        $batch.Add($Item)
        if ($batch.Count -eq 25) { Send-TestBatch $EndpointUrl $batch; $batch.Clear() }
    }
    end { if ($batch.Count) { Send-TestBatch $EndpointUrl $batch } }
}

function Send-TestBatch {
    param([string] $EndpointUrl, $Items)
    $requests = @{}
    foreach ($group in $Items | Group-Object TableName) {
        $requests[$group.Name] = @($group.Group | ForEach-Object { @{ PutRequest = @{ Item = ConvertTo-DynamoJsonItem $_ } } })
    }
    while ($requests.Count) {
        $answer = Send-DynamoJson $EndpointUrl BatchWriteItem (@{ RequestItems = $requests } | ConvertTo-Json -Depth 40 -Compress)
        $requests = @{}
        if ($answer.UnprocessedItems) { foreach ($p in $answer.UnprocessedItems.PSObject.Properties) { $requests[$p.Name] = $p.Value } }
    }
}

Export-ModuleMember -Function *
