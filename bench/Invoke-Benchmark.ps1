#!/usr/bin/env pwsh
<#
.SYNOPSIS
Measures every stage of ChinookMigration at 1x, 10x and 100x the shipped data, side by side with the user's
design and the server's ceiling, and writes a report to bench/results/<yyyyMMdd-HHmmss>/.

.DESCRIPTION
Run through `dotnet pwsh ./build.ps1 Bench`, which builds the module first. The script:
- builds bench/Chinook.Bench and makes the scaled databases with it (cached by scale and seed in bench/scratch);
- starts a local DynamoDB (dynalite), unless -EndpointUrl names one;
- measures each stage as an admin runs it, each in a fresh pwsh whose peak memory is the stage's;
- runs Export-ChinookToDynamo, the bare loader (the server's ceiling, at its best concurrency from a sweep)
  and the user's design (one 25-item BatchWriteItem at a time) in alternation, -Runs times each, directly
  and through the loopback proxy that adds -DelayMs to every round trip;
- runs the write scenarios at -CompareScale through the fault proxy: a server that answers every BatchWriteItem
  itself after 10 ms and after 0 ms (nothing stored; the bare loader and the user's design beside Export at
  10 ms), a table budget of 1,500 write units per second, and the same budget halved a third of the way
  through and back two thirds of the way (the proxy's per-second counts go into the report);
- writes report.md (for people) and report.json (for tools) with every figure and the targets judged.
A stage whose cmdlet the built module does not have is reported as "not available". Every process it starts
is stopped by its id when it ends, also on failure.

.EXAMPLE
dotnet pwsh ./build.ps1 Bench

.EXAMPLE
dotnet pwsh ./bench/Invoke-Benchmark.ps1 -Runs 5 -Scales 1,10

.EXAMPLE
dotnet pwsh ./bench/Invoke-Benchmark.ps1 -Smoke -OutputRoot /tmp/bench

.EXAMPLE
dotnet pwsh -c './bench/Invoke-Benchmark.ps1 -Sections Scenarios -Runs 1'   # only the write scenarios at 10x
#>
[CmdletBinding()]
param(
    # The built module (default: out/ChinookMigration, as `build.ps1 Build` makes it).
    [string] $ModulePath,
    # Lists are also taken as one comma-separated word ("1,10"), as `pwsh -File` passes them.
    [string[]] $Scales = @(1, 10, 100),
    # The scale at which Export, the ceiling and the user's design are compared.
    [ValidateRange(1, 10000)] [int] $CompareScale = 10,
    # Runs of each design in each mode; the report takes the median.
    [ValidateRange(1, 99)] [int] $Runs = 3,
    [long] $Seed = 1,
    # Added round-trip delay for the second comparison; 0 skips it.
    [ValidateRange(0, 10000)] [int] $DelayMs = 10,
    [string[]] $SweepDirect = @(1, 2, 4, 8, 16),
    [string[]] $SweepDelayed = @(4, 8, 16, 32, 64),
    # Items the ceiling sweep sends per concurrency (spread over all tables); 0 sends all.
    [int] $SweepItems = 20000,
    # At scales of -LargeScale and above only these stages run (the memory and linearity targets need no more).
    [string[]] $LargeScaleStages = @('Get-ChinookSourceStats', 'ConvertTo-ChinookItem', 'Export-ChinookToDynamo', 'Test-ChinookMigration', 'Export-ChinookToSqlite'),
    [int] $LargeScale = 100,
    # The scale at which Sync-ChinookToDynamo is measured after bench/sync-changes.sql changed about 1% of the rows; 0 skips it.
    [ValidateRange(0, 10000)] [int] $SyncScale = 100,
    [string] $ScratchPath,
    [string] $OutputRoot,
    # A DynamoDB endpoint already running; by default a dynalite is started for the run and stopped after it.
    [string] $EndpointUrl,
    # What to measure: the stages at every scale, the comparison with the ceiling and the user's design
    # (dynalite, direct and delayed), the write scenarios through the proxy, and Sync after about 1% of the rows changed.
    [ValidateSet('Stages', 'Comparison', 'Scenarios', 'Sync')] [string[]] $Sections = @('Stages', 'Comparison', 'Scenarios', 'Sync'),
    # The write budget of the throttled scenarios, in write units per second per table.
    [ValidateRange(1, 1000000)] [int] $WriteBudget = 1500,
    # Make the scaled databases again even when bench/scratch has them.
    [switch] $Regenerate,
    # A short 1x run (one run each, small sweeps) that checks the benchmark works; it judges no speed.
    [switch] $Smoke
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$Root = Split-Path $PSScriptRoot

function ConvertTo-IntList([string[]] $Values, [string] $Name) {
    # Parsed here, not bound as [int[]]: `pwsh -File` hands "1,10" over as one string, which [int] reads as 110.
    foreach ($word in @($Values | ForEach-Object { $_ -split ',' } | Where-Object { $_.Trim() })) {
        $number = 0
        if (-not [int]::TryParse($word.Trim(), [ref]$number) -or $number -lt 1) { throw "-$Name takes positive whole numbers, not '$word'." }
        $number
    }
}
[int[]] $Scales = @(ConvertTo-IntList $Scales 'Scales')
[int[]] $SweepDirect = @(ConvertTo-IntList $SweepDirect 'SweepDirect')
[int[]] $SweepDelayed = @(ConvertTo-IntList $SweepDelayed 'SweepDelayed')
if (-not $ModulePath) { $ModulePath = Join-Path $Root 'out/ChinookMigration/ChinookMigration.psd1' }
if (-not $ScratchPath) { $ScratchPath = Join-Path $PSScriptRoot 'scratch' }
if (-not $OutputRoot) { $OutputRoot = Join-Path $PSScriptRoot 'results' }
if ($Smoke) {
    $Scales = @(1); $CompareScale = 1; $Runs = 1; $SweepDirect = @(1, 4); $SweepDelayed = @(4, 16); $SweepItems = 0; $SyncScale = [Math]::Min($SyncScale, 1)
}
if (-not (Test-Path $ModulePath)) { throw "No built module at ${ModulePath}: run 'dotnet pwsh ./build.ps1 Build' first." }

Import-Module (Join-Path $PSScriptRoot 'lib/BenchProcesses.psm1') -Force
Import-Module (Join-Path $PSScriptRoot 'lib/BenchReport.psm1') -Force
Import-Module (Join-Path $Root 'tools/LocalDynamo/LocalDynamo.psm1') -Force
$faultProxyModule = Join-Path $Root 'tools/FaultProxy/FaultProxy.psm1'

$started = [DateTime]::Now
$runClock = [System.Diagnostics.Stopwatch]::StartNew()
$resultDir = Join-Path $OutputRoot $started.ToString('yyyyMMdd-HHmmss')
$results = [ordered]@{
    Started         = $started.ToString('yyyy-MM-dd HH:mm:ss')
    Finished        = $null
    DurationSeconds = $null
    Parameters      = [ordered]@{
        Scales = $Scales; CompareScale = $CompareScale; Runs = $Runs; Seed = $Seed; DelayMs = $DelayMs; SweepDirect = $SweepDirect
        SweepDelayed = $SweepDelayed; SweepItems = $SweepItems; LargeScale = $LargeScale; LargeScaleStages = $LargeScaleStages; SyncScale = $SyncScale; Smoke = [bool]$Smoke
        Sections = $Sections; WriteBudget = $WriteBudget
    }
    Machine         = Get-BenchMachine
    Versions        = Get-BenchVersions -Root $Root -ModulePath $ModulePath
    Cmdlets         = [ordered]@{}
    Databases       = [System.Collections.Generic.List[object]]::new()
    Stages          = [System.Collections.Generic.List[object]]::new()
    Comparison      = $null
    Sync            = $null
    Scenarios       = [System.Collections.Generic.List[object]]::new()
    ScenarioConvertItemsPerSecond = $null
    Targets         = @()
    Processes       = [System.Collections.Generic.List[object]]::new()
    Notes           = [System.Collections.Generic.List[string]]::new()
}

function Write-Step([string] $Text) {
    Write-Host ("[{0:mm\:ss}] {1}" -f $runClock.Elapsed, $Text)
}

function Get-ShortError($ErrorRecord) {
    $text = "$ErrorRecord" -replace '\s+', ' '
    return $text.Substring(0, [Math]::Min(300, $text.Length))
}

function New-TablePrefix { 'bench-' + [guid]::NewGuid().ToString('N').Substring(0, 8) + '-' }

# --- The tools: Chinook.Bench, the module's cmdlets -------------------------------------------------------
Write-Step 'Building bench/Chinook.Bench'
$build = Invoke-BenchProcess -FilePath dotnet -ArgumentList @('build', (Join-Path $PSScriptRoot 'Chinook.Bench'), '-c', 'Release', '--nologo', '-v', 'q')
if ($build.ExitCode -ne 0) { throw "Building Chinook.Bench failed: $($build.StdOut) $($build.StdErr)" }
$benchDll = Join-Path $PSScriptRoot 'Chinook.Bench/bin/Release/net10.0/Chinook.Bench.dll'
function Invoke-Bench([string[]] $Arguments) { Invoke-BenchTool -BenchDll $benchDll -ArgumentList $Arguments }

Import-Module $ModulePath -Force
$cmdletNames = 'Get-ChinookSourceStats', 'New-ChinookDynamoTable', 'ConvertTo-ChinookItem', 'Export-ChinookToDynamo', 'Test-ChinookMigration', 'Export-ChinookToSqlite', 'Sync-ChinookToDynamo'
foreach ($name in $cmdletNames) { $results.Cmdlets[$name] = [bool](Get-Command $name -Module ChinookMigration -ErrorAction Ignore) }
$canExport = $results.Cmdlets['Export-ChinookToDynamo'] -and $results.Cmdlets['New-ChinookDynamoTable']

# --- The scaled databases ----------------------------------------------------------------------------------
New-Item -ItemType Directory -Force $ScratchPath | Out-Null
$databases = @{}
foreach ($scale in [int[]]@($Scales + $CompareScale + $SyncScale | Where-Object { $_ -gt 0 } | Sort-Object -Unique)) {
    $path = Join-Path $ScratchPath "chinook-x$scale-seed$Seed.sqlite"
    $summaryPath = "$path.json"
    $cached = -not $Regenerate -and (Test-Path $path) -and (Test-Path $summaryPath)
    if (-not $cached) {
        Write-Step "Generating the ${scale}x database (seed $Seed)"
        Invoke-Bench @('scale', '--factor', $scale, '--seed', $Seed, '--out', $path) | ConvertTo-Json -Depth 5 | Set-Content $summaryPath
    }
    $summary = Get-Content -Raw $summaryPath | ConvertFrom-Json
    $databases[$scale] = [ordered]@{
        Scale = $scale; Path = $path; Rows = $summary.totalRows; Bytes = $summary.bytes
        GenerationSeconds = $summary.seconds; Cached = $cached; Sha256 = $summary.sha256
    }
    $results.Databases.Add($databases[$scale])
}

# --- Measurements ------------------------------------------------------------------------------------------
$stageBodies = @{
    'Import-Module'                        = ''
    'Get-ChinookSourceStats'               = '$result.Rows = [long](Get-ChinookSourceStats -Path $db | Measure-Object Records -Sum).Sum'
    'ConvertTo-ChinookItem'                = '$result.Items = (ConvertTo-ChinookItem -Path $db | Measure-Object).Count'
    'ConvertTo-ChinookItem (first item)'   = 'ConvertTo-ChinookItem -Path $db | Select-Object -First 1 | Out-Null'
    'Export-ChinookToDynamo'               = @'
$failures = @()
$written = @(Export-ChinookToDynamo -Path $db -EndpointUrl $endpoint -TablePrefix $prefix -ErrorAction Continue -ErrorVariable +failures)
$result.Seconds = $clock.Elapsed.TotalSeconds
$result.Items = [long]($written | Measure-Object ItemsWritten -Sum).Sum
$result.WriteUnits = [long]($written | Measure-Object WriteUnits -Sum).Sum
$result.ThrottledCalls = [long]($written | Measure-Object ThrottledCalls -Sum).Sum
$result.Concurrency = @($written | ForEach-Object { $_.Concurrency } | Where-Object { $_ })[0]
$result.Errors = $failures.Count
'@
    'Sync-ChinookToDynamo'                 = @'
$failures = @()
$synced = @(Sync-ChinookToDynamo -Path $db -EndpointUrl $endpoint -TablePrefix $prefix -ErrorAction Continue -ErrorVariable +failures)
$result.Seconds = $clock.Elapsed.TotalSeconds
$result.Tables = @($synced | ForEach-Object { [ordered]@{ Table = $_.TableName.Substring($prefix.Length); Status = "$($_.Status)"; Unchanged = $_.Unchanged; Added = $_.Added; Changed = $_.Changed; Deleted = $_.Deleted; Failed = $_.Failed; WriteUnits = $_.WriteUnits; ReadUnits = $_.ReadUnits } })
$result.Errors = $failures.Count
'@
    'Test-ChinookMigration'                = @'
$failures = @()
$checks = @(Test-ChinookMigration -Path $db -EndpointUrl $endpoint -TablePrefix $prefix -ErrorAction Continue -ErrorVariable +failures)
$result.Checks = $checks.Count
$result.FailedChecks = @($checks | Where-Object { $_.PSObject.Properties['Passed'] -and -not $_.Passed }).Count
$result.Errors = $failures.Count
'@
    'Export-ChinookToSqlite'               = @'
$failures = @()
$rebuilt = Join-Path ([System.IO.Path]::GetTempPath()) ('chinook-bench-' + [guid]::NewGuid().ToString('N') + '.sqlite')
try {
    $summary = Export-ChinookToSqlite -Path $rebuilt -EndpointUrl $endpoint -TablePrefix $prefix -ErrorAction Continue -ErrorVariable +failures
    $result.Items = $summary.ItemsRead
    $result.Rows = $summary.RowCount
    $result.Errors = $failures.Count
}
finally { Remove-Item -LiteralPath $rebuilt -ErrorAction Ignore }
'@
}

function Measure-PwshStage([string] $Stage, [hashtable] $Variables) {
    $measured = Invoke-PwshStage -ModulePath $ModulePath -Body $stageBodies[$Stage] -Variables $Variables
    # Export sets its own time before summing its results; every other stage takes the clock at its end.
    if ($measured.PSObject.Properties['Seconds'] -and $Stage -eq 'Import-Module') { $measured.Seconds = $measured.ImportSeconds }
    return $measured
}

function Add-Stage([int] $Scale, [string] $Stage, [scriptblock] $Measure) {
    $record = [ordered]@{
        Scale = $Scale; Stage = $Stage; Status = 'ok'; Note = $null; Seconds = $null; Items = $null; ItemsPerSecond = $null
        WriteUnits = $null; WriteUnitsPerSecond = $null; Rows = $null; RowsPerSecond = $null; TimeToFirstItemSeconds = $null
        PeakWorkingSetBytes = $null; Errors = $null
    }
    $needed = if ($Stage -eq 'Import-Module') { $null } elseif ($Stage -eq 'Export-ChinookToDynamo') { 'Export-ChinookToDynamo', 'New-ChinookDynamoTable' } else { $Stage }
    $missing = @($needed | Where-Object { $_ -and -not $results.Cmdlets[$_] })
    if ($missing) {
        $record.Status = 'not available'
        $record.Note = "$($missing -join ' and ') not in the built module"
    }
    else {
        try { & $Measure $record }
        catch { $record.Status = 'failed'; $record.Note = Get-ShortError $_ }
    }
    $results.Stages.Add($record)
    $figure = if ($record.Status -ne 'ok') { "$($record.Status) $($record.Note)" }
              elseif ($record.ItemsPerSecond) { "$(Format-BenchNumber $record.ItemsPerSecond) items/s, $(Format-BenchMegabytes $record.PeakWorkingSetBytes) MB peak" }
              else { "$(Format-BenchNumber $record.Seconds 2) s, $(Format-BenchMegabytes $record.PeakWorkingSetBytes) MB peak" }
    Write-Step "${Scale}x ${Stage}: $figure"
    return $record
}

function Set-Rate($Record, $Measured) {
    foreach ($name in 'Seconds', 'Items', 'WriteUnits', 'Rows', 'PeakWorkingSetBytes', 'Errors') {
        if ($Measured.PSObject.Properties[$name] -and $null -ne $Measured.$name) { $Record[$name] = $Measured.$name }
    }
    if ($Record.Seconds -gt 0) {
        if ($null -ne $Record.Items) { $Record.ItemsPerSecond = [Math]::Round($Record.Items / $Record.Seconds, 1) }
        if ($null -ne $Record.WriteUnits) { $Record.WriteUnitsPerSecond = [Math]::Round($Record.WriteUnits / $Record.Seconds, 1) }
        if ($null -ne $Record.Rows) { $Record.RowsPerSecond = [Math]::Round($Record.Rows / $Record.Seconds, 1) }
    }
}

function New-BenchTables([string] $Prefix) {
    if ($results.Cmdlets['New-ChinookDynamoTable']) {
        # The module's own tables, so every design writes to exactly what Export writes to.
        $ConfirmPreference = 'None'
        New-ChinookDynamoTable -EndpointUrl $script:endpoint -TablePrefix $Prefix | Out-Null
    }
    else {
        Invoke-Bench @('tables', '--endpoint', $script:endpoint, '--table-prefix', $Prefix) | Out-Null
    }
}

function Remove-BenchTables([string] $Prefix) {
    # Deleting each run's tables keeps the in-memory server from growing through the run.
    try { Invoke-Bench @('tables', '--delete', '--endpoint', $script:endpoint, '--table-prefix', $Prefix) | Out-Null }
    catch { Write-Warning "Could not delete the tables with prefix ${Prefix}: $(Get-ShortError $_)" }
}

function Invoke-ExportRun([int] $Scale, [string] $Endpoint, [string] $Prefix) {
    Invoke-PwshStage -ModulePath $ModulePath -Body $stageBodies['Export-ChinookToDynamo'] -Variables @{
        db = $databases[$Scale].Path; endpoint = $Endpoint; prefix = $Prefix
    }
}

function Measure-Scale([int] $Scale) {
    $db = $databases[$Scale].Path
    $large = $Scale -ge $LargeScale
    $wanted = { param($stage) -not $large -or $stage -in $LargeScaleStages }
    if ($Scale -eq ($Scales | Measure-Object -Minimum).Minimum) {
        Add-Stage $Scale 'Import-Module' { param($r) Set-Rate $r (Measure-PwshStage 'Import-Module' @{}) } | Out-Null
    }
    if (& $wanted 'Get-ChinookSourceStats') {
        Add-Stage $Scale 'Get-ChinookSourceStats' { param($r) Set-Rate $r (Measure-PwshStage 'Get-ChinookSourceStats' @{ db = $db }) } | Out-Null
    }
    if (& $wanted 'ConvertTo-ChinookItem') {
        Add-Stage $Scale 'ConvertTo-ChinookItem' {
            param($r)
            Set-Rate $r (Measure-PwshStage 'ConvertTo-ChinookItem' @{ db = $db })
            $r.TimeToFirstItemSeconds = (Measure-PwshStage 'ConvertTo-ChinookItem (first item)' @{ db = $db }).Seconds
        } | Out-Null
    }
    $prefix = New-TablePrefix
    $export = $null
    try {
        if (& $wanted 'Export-ChinookToDynamo') {
            $export = Add-Stage $Scale 'Export-ChinookToDynamo' {
                param($r)
                New-BenchTables $prefix
                Set-Rate $r (Invoke-ExportRun $Scale $script:endpoint $prefix)
            }
        }
        $exported = $export -and $export.Status -eq 'ok'
        if (& $wanted 'Test-ChinookMigration') {
            Add-Stage $Scale 'Test-ChinookMigration' {
                param($r)
                if (-not $exported) { throw 'nothing was exported at this scale to validate' }
                Set-Rate $r (Measure-PwshStage 'Test-ChinookMigration' @{ db = $db; endpoint = $script:endpoint; prefix = $prefix })
                $r.Rows = $databases[$Scale].Rows
                $r.RowsPerSecond = [Math]::Round($r.Rows / $r.Seconds, 1)
            } | Out-Null
        }
        if (& $wanted 'Export-ChinookToSqlite') {
            Add-Stage $Scale 'Export-ChinookToSqlite' {
                param($r)
                if (-not $exported) { throw 'nothing was exported at this scale to read back' }
                Set-Rate $r (Measure-PwshStage 'Export-ChinookToSqlite' @{ endpoint = $script:endpoint; prefix = $prefix })
            } | Out-Null
        }
    }
    finally {
        if ($export -and $export.Status -ne 'not available') { Remove-BenchTables $prefix }
    }
}

function Get-ItemSource([int] $Scale) {
    <# The items the loaders write: the module's own (ConvertTo-ChinookItem saved as JSON lines) when it has the cmdlet. #>
    $db = $databases[$Scale].Path
    if (-not $results.Cmdlets['ConvertTo-ChinookItem']) {
        $results.Notes.Add('ConvertTo-ChinookItem is not in the built module: the ceiling and the user''s design wrote items made from the database rows, not the module''s items.')
        return $db
    }
    $moduleDir = Split-Path $ModulePath
    # Cached per build of the module's own assemblies: another build may make other items.
    $hasher = [System.Security.Cryptography.IncrementalHash]::CreateHash('SHA256')
    foreach ($file in Get-ChildItem $moduleDir -Recurse -Filter 'Chinook.*.dll' | Sort-Object FullName) { $hasher.AppendData([IO.File]::ReadAllBytes($file.FullName)) }
    $hash = $hasher.GetHashAndReset()
    $path = Join-Path $ScratchPath ("items-x$Scale-seed$Seed-" + [Convert]::ToHexString($hash).Substring(0, 12).ToLowerInvariant() + '.jsonl')
    if (-not (Test-Path $path)) {
        Write-Step "Saving ConvertTo-ChinookItem's items at ${Scale}x for the loaders"
        Save-ModuleItems $db $path
    }
    return $path
}

function Save-ModuleItems([string] $Database, [string] $Path) {
    <# ConvertTo-ChinookItem's items as JSON lines, one an item, PK and SK last: {"t": table, "s": size, "w": write units, "i": {attributes}}. #>
    $body = @'
$partial = $out + '.partial'
$writer = [System.IO.StreamWriter]::new($partial, $false, [System.Text.UTF8Encoding]::new($false))
try {
    ConvertTo-ChinookItem -Path $db | ForEach-Object {
        $attributes = [ordered]@{}
        $source = $_.Attributes
        if ($source -is [System.Collections.IDictionary]) { foreach ($key in $source.Keys) { $attributes[[string]$key] = $source[$key] } }
        elseif ($source -is [System.Collections.IEnumerable]) { foreach ($pair in $source) { $attributes[[string]$pair.Key] = $pair.Value } }
        elseif ($null -ne $source) { foreach ($property in $source.PSObject.Properties) { $attributes[$property.Name] = $property.Value } }
        $attributes['PK'] = $_.PK
        $attributes['SK'] = $_.SK
        $line = [ordered]@{ t = $_.TableName; s = $_.SizeBytes; w = $_.WriteUnits; i = $attributes }
        $writer.WriteLine((ConvertTo-Json -InputObject $line -Compress -Depth 32))
    }
}
finally { $writer.Dispose() }
Move-Item -Force $partial $out
'@
    Invoke-PwshStage -ModulePath $ModulePath -Body $body -Variables @{ db = $Database; out = $Path } | Out-Null
}

function Get-ItemChanges([string] $Before, [string] $After) {
    <#
    The items a change of the source affects, per table, found without the module's own comparison: the item lines
    of the two conversions compared by key (table, PK, SK) and text. A line's attributes come in the converter's
    fixed order, so equal items give equal lines.
    #>
    $keyPattern = [regex]'^\{"t":"((?:[^"\\]|\\.)*)".*"PK":("(?:[^"\\]|\\.)*"),"SK":("(?:[^"\\]|\\.)*")\}\}$'
    $lines = [System.Collections.Generic.Dictionary[string, string]]::new()
    $tables = [ordered]@{}
    function Count([string] $Table, [string] $Kind) {
        if (-not $tables.Contains($Table)) { $tables[$Table] = [ordered]@{ Table = $Table; Added = 0; Changed = 0; Deleted = 0 } }
        $tables[$Table][$Kind]++
    }
    foreach ($line in [IO.File]::ReadLines($Before)) {
        $match = $keyPattern.Match($line)
        $lines[$match.Groups[1].Value + '|' + $match.Groups[2].Value + '|' + $match.Groups[3].Value] = $line
    }
    foreach ($line in [IO.File]::ReadLines($After)) {
        $match = $keyPattern.Match($line)
        $key = $match.Groups[1].Value + '|' + $match.Groups[2].Value + '|' + $match.Groups[3].Value
        $old = $null
        if (-not $lines.TryGetValue($key, [ref]$old)) { Count $match.Groups[1].Value 'Added' }
        else {
            if ($old -ne $line) { Count $match.Groups[1].Value 'Changed' }
            [void]$lines.Remove($key)
        }
    }
    foreach ($key in $lines.Keys) { Count ($key -split '\|', 2)[0] 'Deleted' }
    @($tables.Values | ForEach-Object { [pscustomobject]$_ })
}

function Measure-Sync([int] $Scale) {
    <#
    A migration at cut-over: the database migrated, then about 1% of its rows changed (bench/sync-changes.sql), then
    Sync-ChinookToDynamo, timed against the full Export, its writes against the items the changes affect, and a
    second Sync that must find nothing.
    #>
    $db = Join-Path $ScratchPath "sync-x$Scale-seed$Seed.sqlite"
    Copy-Item -Force $databases[$Scale].Path $db
    $before = "$db.before.jsonl"
    $after = "$db.after.jsonl"
    $prefix = New-TablePrefix
    $sync = [ordered]@{ Scale = $Scale; Status = 'ok'; Note = $null; RowsChanged = $null; Affected = @(); Export = $null; First = $null; Second = $null }
    $results.Sync = $sync
    try {
        New-BenchTables $prefix
        Write-Step "${Scale}x: migrating for the Sync measurement"
        $sync.Export = Invoke-ExportRun $Scale $script:endpoint $prefix
        Save-ModuleItems $db $before
        $sync.RowsChanged = (Invoke-Bench @('change', '--db', $db, '--sql', (Join-Path $PSScriptRoot 'sync-changes.sql'))).rowsChanged
        Save-ModuleItems $db $after
        $sync.Affected = @(Get-ItemChanges $before $after)
        Write-Step "${Scale}x: Sync-ChinookToDynamo after $($sync.RowsChanged) rows changed"
        $sync.First = Invoke-PwshStage -ModulePath $ModulePath -Body $stageBodies['Sync-ChinookToDynamo'] -Variables @{ db = $db; endpoint = $script:endpoint; prefix = $prefix }
        $sync.Second = Invoke-PwshStage -ModulePath $ModulePath -Body $stageBodies['Sync-ChinookToDynamo'] -Variables @{ db = $db; endpoint = $script:endpoint; prefix = $prefix }
        Write-Step "${Scale}x Sync: $(Format-BenchNumber $sync.First.Seconds 1) s against Export's $(Format-BenchNumber $sync.Export.Seconds 1) s"
    }
    catch { $sync.Status = 'failed'; $sync.Note = Get-ShortError $_ }
    finally {
        Remove-BenchTables $prefix
        Remove-Item -Force $db, $before, $after -ErrorAction Ignore
    }
}

function Measure-Comparison([int] $Scale) {
    $itemsFrom = Get-ItemSource $Scale
    $summary = Invoke-Bench @('items', '--items-from', $itemsFrom)
    $comparison = [ordered]@{
        Scale      = $Scale
        ItemSource = [ordered]@{
            Kind = $summary.kind; Path = $summary.path; Items = $summary.items; WriteUnits = $summary.writeUnits; Bytes = $summary.bytes
            ModuleBytes = $summary.moduleBytes
        }
        Modes      = [System.Collections.Generic.List[object]]::new()
    }
    $results.Comparison = $comparison
    $modes = @([ordered]@{ Name = 'direct'; DelayMs = 0; Sweep = $SweepDirect })
    if ($DelayMs -gt 0) { $modes += [ordered]@{ Name = 'delayed'; DelayMs = $DelayMs; Sweep = $SweepDelayed } }
    foreach ($spec in $modes) {
        $mode = [ordered]@{ Name = $spec.Name; DelayMs = $spec.DelayMs; Status = 'ok'; Note = $null; Endpoint = $null; Sweep = $null
                            Runs = [System.Collections.Generic.List[object]]::new(); Medians = $null }
        $comparison.Modes.Add($mode)
        try {
            $mode.Endpoint = if ($spec.DelayMs -eq 0) { $script:endpoint } else { Get-DelayedEndpoint }
            Measure-Mode $mode $spec.Sweep $itemsFrom $Scale
        }
        catch { $mode.Status = 'not measured'; $mode.Note = Get-ShortError $_ }
        if ($mode.Status -ne 'ok') { Write-Step "$($mode.Name): $($mode.Note)" }
    }
}

function Get-DelayedEndpoint {
    if ($script:proxy) { return $script:proxy.EndpointUrl }
    if (-not (Test-Path $faultProxyModule)) { throw 'the delay proxy (tools/FaultProxy) is not in this checkout' }
    Import-Module $faultProxyModule -Force
    $script:proxy = Start-FaultProxy -UpstreamUrl $script:endpoint -DelayMilliseconds $DelayMs
    $results.Processes.Add([ordered]@{ Name = 'FaultProxy'; ProcessId = $script:proxy.ProcessId })
    return $script:proxy.EndpointUrl
}

function Measure-Mode($Mode, [int[]] $Levels, [string] $ItemsFrom, [int] $Scale) {
    Write-Step "$($Mode.Name): ceiling sweep over $($Levels -join ', ') calls in flight"
    $sweepArgs = @('ceiling', '--endpoint', $Mode.Endpoint, '--items-from', $ItemsFrom, '--table-prefix', (New-TablePrefix), '--fresh-tables',
                   '--concurrency', ($Levels -join ','))
    if ($SweepItems -gt 0) { $sweepArgs += @('--sample-items', $SweepItems) }
    $sweep = Invoke-Bench $sweepArgs
    $best = $sweep.best.Concurrency
    $Mode.Sweep = [ordered]@{
        Items = $sweep.best.ItemsWritten; Best = $best
        Levels = @($sweep.runs | ForEach-Object { [ordered]@{ Concurrency = $_.Concurrency; ItemsPerSecond = $_.ItemsPerSecond } })
    }
    $designs = 'export', 'ceiling', 'userdesign'
    for ($run = 1; $run -le $Runs; $run++) {
        # In alternation: each run starts with another design, so a drift of the machine hits all alike.
        $order = for ($i = 0; $i -lt 3; $i++) { $designs[($run - 1 + $i) % 3] }
        foreach ($design in $order) {
            if ($design -eq 'export' -and -not $canExport) {
                $Mode.Note = 'Export-ChinookToDynamo (or New-ChinookDynamoTable) is not in the built module'
                continue
            }
            $prefix = New-TablePrefix
            try {
                New-BenchTables $prefix
                $record = if ($design -eq 'export') {
                    $m = Invoke-ExportRun $Scale $Mode.Endpoint $prefix
                    # Export's unwritten items are its error records: one per item it could not write.
                    [ordered]@{ Run = $run; Design = 'export'; Concurrency = 'module default'; Items = $m.Items; Seconds = [Math]::Round($m.Seconds, 3)
                                ItemsPerSecond = [Math]::Round($m.Items / $m.Seconds, 1); WriteUnitsPerSecond = [Math]::Round($m.WriteUnits / $m.Seconds, 1)
                                Unwritten = $m.Errors; LatencyP50 = $null; LatencyP99 = $null; PeakWorkingSetBytes = $m.PeakWorkingSetBytes }
                }
                else {
                    $loadArgs = @($design, '--endpoint', $Mode.Endpoint, '--items-from', $ItemsFrom, '--table-prefix', $prefix)
                    if ($design -eq 'ceiling') { $loadArgs += @('--concurrency', $best) }
                    $l = (Invoke-Bench $loadArgs).runs[0]
                    [ordered]@{ Run = $run; Design = $design; Concurrency = $l.Concurrency; Items = $l.ItemsWritten; Seconds = $l.Seconds
                                ItemsPerSecond = $l.ItemsPerSecond; WriteUnitsPerSecond = $l.WriteUnitsPerSecond; Unwritten = $l.UnwrittenItems
                                LatencyP50 = $l.LatencyMs.p50; LatencyP99 = $l.LatencyMs.p99; PeakWorkingSetBytes = $null }
                }
                $Mode.Runs.Add($record)
                Write-Step "$($Mode.Name) run ${run} ${design}: $(Format-BenchNumber $record.ItemsPerSecond) items/s"
            }
            finally { Remove-BenchTables $prefix }
        }
    }
    $Mode.Medians = [ordered]@{}
    foreach ($design in $designs) {
        $Mode.Medians[$design] = Get-BenchMedian @($Mode.Runs | Where-Object { $_.Design -eq $design } | ForEach-Object { [double]$_.ItemsPerSecond })
    }
}

# --- Write scenarios through the proxy ----------------------------------------------------------------------
function Invoke-ProxyRun([string] $Design, [hashtable] $ProxyOptions, [int] $Scale, [string] $ItemsFrom) {
    <# One run of one design against a fresh proxy (its budget clock starts at the first write), with the proxy's counts. #>
    Import-Module $faultProxyModule -Force
    $proxy = Start-FaultProxy -UpstreamUrl $script:endpoint @ProxyOptions
    $results.Processes.Add([ordered]@{ Name = 'FaultProxy'; ProcessId = $proxy.ProcessId })
    $prefix = New-TablePrefix
    try {
        New-BenchTables $prefix
        $record = [ordered]@{ Design = $Design; Items = $null; Seconds = $null; ItemsPerSecond = $null; ThrottledCalls = $null; Concurrency = $null
                              AcceptedUnits = $null; AcceptedUnitsPerSecond = $null; BatchCalls = $null; ThrottledShare = $null; PerSecond = $null }
        if ($Design -eq 'export') {
            $m = Invoke-ExportRun $Scale $proxy.EndpointUrl $prefix
            $record.Items = $m.Items; $record.Seconds = [Math]::Round($m.Seconds, 3); $record.ThrottledCalls = $m.ThrottledCalls; $record.Concurrency = $m.Concurrency
        }
        else {
            $loadArgs = @($Design, '--endpoint', $proxy.EndpointUrl, '--items-from', $ItemsFrom, '--table-prefix', $prefix)
            if ($Design -eq 'ceiling') {
                # The bare loader at its best concurrency: a sweep, of which the best level is reported.
                $loadArgs += @('--concurrency', ($SweepDelayed -join ','))
                if ($SweepItems -gt 0) { $loadArgs += @('--sample-items', $SweepItems) }
            }
            $l = Invoke-Bench $loadArgs
            $run = if ($Design -eq 'ceiling') { $l.best } else { $l.runs[0] }
            $record.Items = $run.ItemsWritten; $record.Seconds = $run.Seconds; $record.Concurrency = $run.Concurrency
        }
        if ($record.Seconds -gt 0) { $record.ItemsPerSecond = [Math]::Round($record.Items / $record.Seconds, 1) }
        $stats = Invoke-RestMethod "$($proxy.EndpointUrl)/__stats"
        if ($stats.budget) {
            $seconds = @($stats.budget.perSecond)
            $record.PerSecond = $seconds
            $record.AcceptedUnits = [long]($seconds | Measure-Object acceptedUnits -Sum).Sum
            $record.BatchCalls = [long](($seconds | Measure-Object acceptedCalls -Sum).Sum + ($seconds | Measure-Object throttledCalls -Sum).Sum)
            $record.ThrottledShare = if ($record.BatchCalls) { [Math]::Round($stats.overBudget / $record.BatchCalls, 4) }
            $record.AcceptedUnitsPerSecond = [Math]::Round($record.AcceptedUnits / $record.Seconds, 1)
        }
        return $record
    }
    finally {
        $proxy | Stop-FaultProxy
        Remove-BenchTables $prefix
    }
}

function Measure-Scenarios([int] $Scale) {
    $itemsFrom = Get-ItemSource $Scale
    $summary = Invoke-Bench @('items', '--items-from', $itemsFrom)
    $convert = $results.Stages | Where-Object { $_.Scale -eq $Scale -and $_.Stage -eq 'ConvertTo-ChinookItem' -and $_.Status -eq 'ok' } | Select-Object -First 1
    if (-not $convert) {
        $convert = Add-Stage $Scale 'ConvertTo-ChinookItem' { param($r) Set-Rate $r (Measure-PwshStage 'ConvertTo-ChinookItem' @{ db = $databases[$Scale].Path }) }
    }
    # The halving budget: a third of the way through the time the budget needs for every write unit, back at two thirds.
    $planned = [Math]::Max(3, $summary.writeUnits / $WriteBudget)
    $halving = '0:{0},{1}:{2},{3}:{0}' -f $WriteBudget, [Math]::Round($planned / 3, 1), [Math]::Round($WriteBudget / 2), [Math]::Round(2 * $planned / 3, 1)
    $specs = @(
        [ordered]@{ Name = 'unbounded, 10 ms'; Proxy = @{ AnswerWrites = $true; DelayMilliseconds = 10 }; Designs = 'export', 'ceiling', 'userdesign'; Schedule = $null }
        [ordered]@{ Name = 'unbounded, 0 ms'; Proxy = @{ AnswerWrites = $true }; Designs = @('export'); Schedule = $null }
        [ordered]@{ Name = "$WriteBudget WCU"; Proxy = @{ WriteBudget = "$WriteBudget" }; Designs = @('export'); Schedule = $null }
        [ordered]@{ Name = "$WriteBudget WCU, halved"; Proxy = @{ WriteBudget = $halving }; Designs = @('export'); Schedule = $halving }
    )
    foreach ($spec in $specs) {
        $scenario = [ordered]@{ Name = $spec.Name; Scale = $Scale; Schedule = $spec.Schedule; Status = 'ok'; Note = $null
                                Runs = [System.Collections.Generic.List[object]]::new(); Medians = [ordered]@{} }
        $results.Scenarios.Add($scenario)
        try {
            for ($run = 1; $run -le $Runs; $run++) {
                foreach ($design in $spec.Designs) {
                    $record = Invoke-ProxyRun $design $spec.Proxy $Scale $itemsFrom
                    $record.Run = $run
                    $scenario.Runs.Add($record)
                    $line = "$($spec.Name) run $run ${design}: $(Format-BenchNumber $record.ItemsPerSecond) items/s"
                    if ($record.AcceptedUnitsPerSecond) { $line += ", $(Format-BenchNumber $record.AcceptedUnitsPerSecond) WCU/s, $(Format-BenchNumber (100 * $record.ThrottledShare) 2)% of calls throttled" }
                    Write-Step $line
                }
            }
            foreach ($design in $spec.Designs) {
                $scenario.Medians[$design] = Get-BenchMedian @($scenario.Runs | Where-Object { $_.Design -eq $design } | ForEach-Object { [double]$_.ItemsPerSecond })
            }
        }
        catch { $scenario.Status = 'failed'; $scenario.Note = Get-ShortError $_; Write-Step "$($spec.Name): $($scenario.Note)" }
    }
    $results.ScenarioConvertItemsPerSecond = if ($convert) { $convert.ItemsPerSecond }
}

# --- The run -----------------------------------------------------------------------------------------------
$savedEnvironment = @{}
$script:proxy = $null
$server = $null
try {
    # Fixed credentials and region for the local server, and the exports' checkpoints in the scratch folder: the
    # real credentials and the data folder of whoever runs this stay untouched.
    $benchEnvironment = @{ AWS_ACCESS_KEY_ID = 'bench'; AWS_SECRET_ACCESS_KEY = 'bench'; AWS_REGION = 'us-east-1'; CHINOOK_CHECKPOINT_FOLDER = (Join-Path $ScratchPath 'checkpoints') }
    foreach ($pair in $benchEnvironment.GetEnumerator()) {
        $savedEnvironment[$pair.Key] = [Environment]::GetEnvironmentVariable($pair.Key)
        [Environment]::SetEnvironmentVariable($pair.Key, $pair.Value)
    }
    if ($EndpointUrl) { $script:endpoint = $EndpointUrl }
    else {
        $server = Start-LocalDynamo
        $results.Processes.Add([ordered]@{ Name = 'dynalite'; ProcessId = $server.ProcessId })
        $script:endpoint = $server.EndpointUrl
    }
    Write-Step "DynamoDB at $script:endpoint"
    if ('Stages' -in $Sections) { foreach ($scale in $Scales) { Measure-Scale $scale } }
    if ('Comparison' -in $Sections) {
        try { Measure-Comparison $CompareScale }
        catch { $results.Notes.Add("The comparison at ${CompareScale}x failed: $(Get-ShortError $_)") }
    }
    if ('Scenarios' -in $Sections -and $canExport) {
        try { Measure-Scenarios $CompareScale }
        catch { $results.Notes.Add("The write scenarios at ${CompareScale}x failed: $(Get-ShortError $_)") }
    }
    if ('Sync' -in $Sections -and $SyncScale -gt 0 -and $results.Cmdlets['Sync-ChinookToDynamo'] -and $canExport) { Measure-Sync $SyncScale }
}
finally {
    if ($script:proxy) {
        try { $script:proxy | Stop-FaultProxy } catch { Write-Warning "Stop-FaultProxy failed: $(Get-ShortError $_)" }
        Stop-Process -Id $script:proxy.ProcessId -Force -ErrorAction Ignore
    }
    if ($server) { $server | Stop-LocalDynamo }
    foreach ($pair in $savedEnvironment.GetEnumerator()) { [Environment]::SetEnvironmentVariable($pair.Key, $pair.Value) }
}

$results.Finished = [DateTime]::Now.ToString('yyyy-MM-dd HH:mm:ss')
$results.DurationSeconds = [Math]::Round($runClock.Elapsed.TotalSeconds, 1)
$results.Targets = @(Get-BenchTargets -Results $results)
New-Item -ItemType Directory -Force $resultDir | Out-Null
$results | ConvertTo-Json -Depth 10 | Set-Content -Encoding utf8 (Join-Path $resultDir 'report.json')
ConvertTo-BenchMarkdown -Results $results | Set-Content -Encoding utf8 (Join-Path $resultDir 'report.md')

foreach ($target in $results.Targets) { Write-Host ("{0,-13} {1}" -f $target.Status, $target.Target) }
Write-Step "Report: $(Join-Path $resultDir 'report.md')"
Get-Item $resultDir
