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

function Get-SqliteScriptPreamble {
    <# The lines a child pwsh needs to open a database with the module's own SQLite: $c is the open connection. #>
    param([Parameter(Mandatory)] [string] $Path, [switch] $ReadOnly)
    $deps = Join-Path (Split-Path (Get-ChinookTestModulePath)) 'bin'
    $arch = if ([System.Runtime.InteropServices.RuntimeInformation]::ProcessArchitecture -eq 'Arm64') { 'arm64' } else { 'x64' }
    $native = if ($IsWindows) { "win-$arch/native/e_sqlite3.dll" } elseif ($IsMacOS) { "osx-$arch/native/libe_sqlite3.dylib" } else { "linux-$arch/native/libe_sqlite3.so" }
    $mode = if ($ReadOnly) { ';Mode=ReadOnly' } else { '' }
    return @"
`$ErrorActionPreference = 'Stop'
Add-Type -Path '$deps/SQLitePCLRaw.core.dll','$deps/SQLitePCLRaw.provider.e_sqlite3.dll','$deps/SQLitePCLRaw.batteries_v2.dll','$deps/Microsoft.Data.Sqlite.dll'
[System.Runtime.InteropServices.NativeLibrary]::SetDllImportResolver([SQLitePCL.SQLite3Provider_e_sqlite3].Assembly, { param(`$n) [System.Runtime.InteropServices.NativeLibrary]::Load('$deps/runtimes/$native') })
`$c = [Microsoft.Data.Sqlite.SqliteConnection]::new('Data Source=$Path;Pooling=False;Foreign Keys=False$mode')
`$c.Open()
"@
}

function Invoke-Sqlite {
    <# Changes a scratch database (never the shipped one) through the module's own SQLite, loaded in a child pwsh. #>
    param([Parameter(Mandatory)] [string] $Path, [Parameter(Mandatory)] [string] $Sql)
    $script = (Get-SqliteScriptPreamble -Path $Path) + @"

`$cmd = `$c.CreateCommand(); `$cmd.CommandText = @'
$Sql
'@
[void]`$cmd.ExecuteNonQuery(); `$c.Close()
"@
    $output = Invoke-FreshPwsh $script
    if ($LASTEXITCODE -ne 0) { throw "SQL against $Path failed: $output" }
}

function Invoke-SqliteQuery {
    <# Reads rows from a database, opened read-only by the module's own SQLite in a child pwsh, as objects with one property per column. #>
    param([Parameter(Mandatory)] [string] $Sql, [string] $Path = (Get-ShippedDatabasePath))
    $script = (Get-SqliteScriptPreamble -Path $Path -ReadOnly) + @"

`$cmd = `$c.CreateCommand(); `$cmd.CommandText = @'
$Sql
'@
`$reader = `$cmd.ExecuteReader()
`$rows = [System.Collections.Generic.List[object]]::new()
while (`$reader.Read()) {
    `$row = [ordered]@{}
    for (`$i = 0; `$i -lt `$reader.FieldCount; `$i++) { `$row[`$reader.GetName(`$i)] = if (`$reader.IsDBNull(`$i)) { `$null } else { `$reader.GetValue(`$i) } }
    `$rows.Add([pscustomobject]`$row)
}
`$c.Close()
'<<rows>>' + (ConvertTo-Json -InputObject `$rows.ToArray() -Depth 3 -Compress)
"@
    $output = Invoke-FreshPwsh $script
    if ($LASTEXITCODE -ne 0) { throw "SQL against $Path failed: $output" }
    $json = ($output | Where-Object { "$_".StartsWith('<<rows>>') } | Select-Object -Last 1).Substring(8)
    ConvertFrom-Json -InputObject $json | ForEach-Object { $_ }
}

function Start-SqliteWriteLock {
    <#
    Holds an exclusive write lock on a scratch database from another process, as a writer in the middle of a
    transaction does, until the returned process is stopped or the seconds run out; returns once the lock is held.
    #>
    param([Parameter(Mandatory)] [string] $Path, [int] $Seconds = 30)
    $marker = "$Path.locked"
    $script = (Get-SqliteScriptPreamble -Path $Path) + @"

`$cmd = `$c.CreateCommand(); `$cmd.CommandText = 'BEGIN EXCLUSIVE; UPDATE Genre SET Name = Name;'
[void]`$cmd.ExecuteNonQuery()
Set-Content '$marker' 'locked'
Start-Sleep -Seconds $Seconds
"@
    $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($script))
    $process = Start-Process -FilePath dotnet -ArgumentList (Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive', '-EncodedCommand', $encoded -PassThru
    $deadline = [DateTime]::UtcNow.AddSeconds(30)
    while (-not (Test-Path $marker)) {
        if ($process.HasExited -or [DateTime]::UtcNow -gt $deadline) { throw "The lock on $Path was not taken." }
        Start-Sleep -Milliseconds 100
    }
    return $process
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
    $deps = Join-Path (Split-Path (Get-ChinookTestModulePath)) 'bin'
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
    # Invoke-RestMethod would turn ISO-8601 text into DateTime values; the items' times are text and stay text.
    $response = Invoke-WebRequest -Method Post -Uri $EndpointUrl -Headers $headers -SkipHeaderValidation -ContentType 'application/x-amz-json-1.0' -Body $Json
    # The content type (application/x-amz-json-1.0) is not one PowerShell decodes itself: it comes as bytes.
    [Text.Encoding]::UTF8.GetString($response.RawContentStream.ToArray()) | ConvertFrom-Json -DateKind String
}


function Get-DynamoTableItem {
    <# Every item of a table, read with Scan page by page (never one page only), as DynamoDB JSON objects. #>
    param([Parameter(Mandatory)] [string] $EndpointUrl, [Parameter(Mandatory)] [string] $TableName)
    $request = @{ TableName = $TableName; ConsistentRead = $true }
    do {
        $page = Send-DynamoJson -EndpointUrl $EndpointUrl -Operation Scan -Json ($request | ConvertTo-Json -Depth 10 -Compress)
        $page.Items
        $request.ExclusiveStartKey = $page.LastEvaluatedKey
    } while ($page.LastEvaluatedKey)
}

function ConvertFrom-DynamoJsonValue {
    <# A DynamoDB JSON attribute value as a plain value: S as string, N as decimal, L as array, M as hashtable. #>
    param([Parameter(Mandatory)] $Value)
    $kind = @($Value.PSObject.Properties.Name)[0]
    $inner = $Value.$kind
    switch ($kind) {
        'S' { return [string]$inner }
        'N' { return [decimal]::Parse($inner, [Globalization.CultureInfo]::InvariantCulture) }
        'BOOL' { return [bool]$inner }
        'L' { return , @($inner | ForEach-Object { ConvertFrom-DynamoJsonValue $_ }) }
        'M' {
            $map = @{}
            foreach ($p in $inner.PSObject.Properties) { $map[$p.Name] = ConvertFrom-DynamoJsonValue $p.Value }
            return $map
        }
        default { throw "Unexpected attribute value kind '$kind'." }
    }
}

function Get-PlainValueDifference {
    <# Where two plain values differ ('' when equal); numbers compare by value, text exactly (case-sensitive). #>
    param($Expected, $Actual, [string] $Where = '')
    if ($Expected -is [System.Collections.IDictionary] -or $Expected -is [System.Collections.Generic.IReadOnlyDictionary[string, object]]) {
        $keys = @($Expected.Keys) + @($Actual.Keys) | Sort-Object -Unique
        foreach ($k in $keys) {
            $d = Get-PlainValueDifference $Expected[$k] $Actual[$k] "$Where.$k"
            if ($d) { return $d }
        }
        return ''
    }
    if ($Expected -is [System.Collections.IList]) {
        if ($Actual -isnot [System.Collections.IList] -or $Expected.Count -ne $Actual.Count) { return "$Where`: list of $($Expected.Count) vs $(@($Actual).Count)" }
        for ($i = 0; $i -lt $Expected.Count; $i++) {
            $d = Get-PlainValueDifference $Expected[$i] $Actual[$i] "$Where[$i]"
            if ($d) { return $d }
        }
        return ''
    }
    if ($Expected -is [string] -or $Actual -is [string]) {
        if (-not [string]::Equals($Expected, $Actual, [StringComparison]::Ordinal)) { return "$Where`: '$Expected' vs '$Actual'" }
        return ''
    }
    if ([decimal]$Expected -ne [decimal]$Actual) { return "$Where`: $Expected vs $Actual" }
    return ''
}
function Get-ItemDifference {
    <#
    Where items read back (plain maps by "TableName|PK|SK", as ConvertFrom-DynamoJsonValue gives them) differ from
    the ChinookItems ConvertTo-ChinookItem gives: one line per missing or differing item, nothing when all match.
    #>
    param([Parameter(Mandatory)] [hashtable] $Expected, [Parameter(Mandatory)] [hashtable] $Actual)
    if ($Actual.Count -ne $Expected.Count) { "$($Actual.Count) items read back for $($Expected.Count) converted" }
    foreach ($key in $Expected.Keys) {
        $item = $Expected[$key]
        if (-not $Actual.ContainsKey($key)) { "$key missing"; continue }
        $want = @{ PK = $item.PK; SK = $item.SK }
        foreach ($a in $item.Attributes.GetEnumerator()) { $want[$a.Key] = $a.Value }
        $d = Get-PlainValueDifference $want $Actual[$key] $key
        if ($d) { $d }
    }
}

function ConvertTo-DynamoAttributeValue {
    <# A ChinookItem attribute value (string, long, decimal, bool, list, map) in DynamoDB's JSON shape. #>
    param($Value)
    if ($Value -is [string]) { return @{ S = $Value } }
    if ($Value -is [bool]) { return @{ BOOL = $Value } }
    if ($Value -is [long] -or $Value -is [int] -or $Value -is [decimal]) { return @{ N = $Value.ToString([cultureinfo]::InvariantCulture) } }
    if ($Value -is [System.Collections.IDictionary]) {
        $map = @{}
        foreach ($key in $Value.Keys) { $map[$key] = ConvertTo-DynamoAttributeValue $Value[$key] }
        return @{ M = $map }
    }
    if ($Value -is [System.Collections.IList]) {
        return @{ L = @(foreach ($element in $Value) { ConvertTo-DynamoAttributeValue $element }) }
    }
    throw "Cannot write a $($Value.GetType()) as a DynamoDB value."
}

function Write-TestItem {
    <#
    Loads items shaped like ChinookItem into the local DynamoDB with BatchWriteItem (25 items a request, unprocessed
    items sent again), for hand-made items that are no ChinookItem (the module's loader takes only those).
    #>
    param([Parameter(Mandatory)] [string] $EndpointUrl, [Parameter(Mandatory, ValueFromPipeline)] $Item)
    begin { $batch = [System.Collections.Generic.List[object]]::new() }
    process {
        $batch.Add($Item)
        if ($batch.Count -eq 25) { Send-TestItemBatch $EndpointUrl $batch; $batch.Clear() }
    }
    end { if ($batch.Count -gt 0) { Send-TestItemBatch $EndpointUrl $batch } }
}

function Send-TestItemBatch {
    param([string] $EndpointUrl, $Items)
    $requests = @{}
    foreach ($item in $Items) {
        $map = @{ PK = @{ S = $item.PK }; SK = @{ S = $item.SK } }
        foreach ($attribute in $item.Attributes.GetEnumerator()) { $map[$attribute.Key] = ConvertTo-DynamoAttributeValue $attribute.Value }
        if (-not $requests.ContainsKey($item.TableName)) { $requests[$item.TableName] = [System.Collections.Generic.List[object]]::new() }
        $requests[$item.TableName].Add(@{ PutRequest = @{ Item = $map } })
    }
    for ($attempt = 1; $requests.Count -gt 0; $attempt++) {
        if ($attempt -gt 10) { throw 'BatchWriteItem left items unprocessed ten times.' }
        $body = ConvertTo-Json -InputObject @{ RequestItems = $requests } -Depth 100 -Compress
        $answer = Send-DynamoJson -EndpointUrl $EndpointUrl -Operation BatchWriteItem -Json $body
        $requests = @{}
        if ($answer.UnprocessedItems) {
            foreach ($table in $answer.UnprocessedItems.PSObject.Properties) { $requests[$table.Name] = $table.Value }
            Start-Sleep -Milliseconds (50 * $attempt)
        }
    }
}

function Wait-Until {
    <# True as soon as the condition holds, false when it has not held within the time given. #>
    param([Parameter(Mandatory)] [scriptblock] $Condition, [int] $Seconds = 60)
    $deadline = [DateTime]::UtcNow.AddSeconds($Seconds)
    while ([DateTime]::UtcNow -lt $deadline) {
        if (& $Condition) { return $true }
        Start-Sleep -Milliseconds 200
    }
    return $false
}

function Start-TerminalPwsh {
    <#
    A pwsh under a real pseudo-terminal (a detached tmux session), as an admin's shell is: it prompts, reads keys,
    and Ctrl+C signals its foreground process group. Returns the session name; -File runs a script in place of a prompt.
    #>
    param([string] $File)
    $session = 'chinook-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    $pwsh = Join-Path $PSHOME 'pwsh.dll'
    if (-not $env:TERM) { $env:TERM = 'xterm' }
    $command = if ($File) { "dotnet '$pwsh' -NoProfile -NoLogo -File '$File'" } else { "dotnet '$pwsh' -NoProfile -NoLogo" }
    # remain-on-exit keeps what a finished script printed readable.
    & tmux new-session -d -s $session -x 200 -y 50 $command
    if ($LASTEXITCODE -ne 0) { throw "tmux could not start a session for pwsh." }
    & tmux set-option -t $session remain-on-exit on | Out-Null
    return $session
}

function Get-TerminalText([Parameter(Mandatory)] [string] $Session) {
    (& tmux capture-pane -p -J -S - -t $Session) -join "`n"
}

function Send-TerminalKeys {
    <# Types text literally, then presses Enter unless -NoEnter; -Key sends a named key such as C-c. #>
    param([Parameter(Mandatory)] [string] $Session, [string] $Text, [string] $Key, [switch] $NoEnter)
    if ($Text) { & tmux send-keys -t $Session -l $Text }
    if ($Key) { & tmux send-keys -t $Session $Key }
    elseif (-not $NoEnter) { & tmux send-keys -t $Session Enter }
}

function Stop-TerminalPwsh([Parameter(Mandatory)] [string] $Session) {
    & tmux kill-session -t $Session 2>$null
}

Export-ModuleMember -Function *
