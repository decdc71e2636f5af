# The benchmark's report: the machine and versions, the targets of the benchmark issue judged from the
# measured figures, and the Markdown page for people (report.json carries the same figures for tools).

$script:Invariant = [System.Globalization.CultureInfo]::InvariantCulture

# Why a target is usually missed and what would close it; the report prints the one of each missed target.
$script:MissHints = @{
    ExportVsCeiling = 'Export leaves server capacity unused. If its concurrency is below the ceiling''s best, raise the default -MaxConcurrency; if ConvertTo-ChinookItem alone is slower than the ceiling, reading and converting starve the writers and must run ahead of them (more buffering between reader and writers, or conversion on another thread).'
    ExportVsUser    = 'Export is not far enough ahead of one call at a time. With no delay the local server on 2 cores caps this ratio (near 2.6 by the loading issue); with 10 ms of delay only calls in flight at once hide the round trips, so raise the concurrency.'
    Memory          = 'Peak memory grows with the input: something keeps rows or items for the whole run (a list, an unbounded channel or queue, per-key bookkeeping, a playlist or order held whole). Bound it so that memory depends on the batch size, not the database.'
    Linearity       = 'Time per row grows with size: look for a lookup that scans (quadratic work), a collection that grows and is searched, or a server that slows as it fills (compare with the ceiling at both sizes).'
    Scenario        = 'The writer does not keep up with the server or the table: see the calls in flight where it settled (Concurrency) and its throttled calls; with no delay, compare with ConvertTo-ChinookItem alone (the producer is the floor of what Export can do).'
    ConvertSpeed    = 'Each item costs too much in the pipeline: emit lighter objects (typed properties, no added PSObject members), build attributes once, and write objects in bulk rather than one WriteObject with enumeration per item.'
}

function Format-BenchNumber {
    param($Value, [int] $Digits = 0)
    if ($null -eq $Value -or ($Value -is [string] -and $Value -eq '')) { return '' }
    return ([double]$Value).ToString("N$Digits", $script:Invariant)
}

function Get-BenchMedian {
    param([double[]] $Values)
    if (-not $Values -or $Values.Count -eq 0) { return $null }
    $sorted = @($Values | Sort-Object)
    $middle = [Math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { return $sorted[$middle] }
    return ($sorted[$middle - 1] + $sorted[$middle]) / 2
}

function Get-BenchMachine {
    $memory = [GC]::GetGCMemoryInfo().TotalAvailableMemoryBytes
    $cpu = $null
    if (Test-Path /proc/meminfo) {
        $kb = (Select-String -Path /proc/meminfo -Pattern '^MemTotal:\s+(\d+)').Matches.Groups[1].Value
        if ($kb) { $memory = [long]$kb * 1024 }
    }
    if (Test-Path /proc/cpuinfo) {
        $cpu = (Select-String -Path /proc/cpuinfo -Pattern '^model name\s*:\s*(.+)$' | Select-Object -First 1).Matches.Groups[1].Value
    }
    [ordered]@{
        # How busy the machine was when the run started: other work on it shows in every figure.
        LoadAverage = if (Test-Path /proc/loadavg) { ((Get-Content /proc/loadavg) -split ' ')[0..2] -join ' ' } else { $null }
        Cores       = [Environment]::ProcessorCount
        MemoryBytes = $memory
        Cpu         = $cpu
        OS          = [System.Runtime.InteropServices.RuntimeInformation]::OSDescription
        Architecture = [string][System.Runtime.InteropServices.RuntimeInformation]::OSArchitecture
    }
}

function Get-BenchVersions {
    param([string] $Root, [string] $ModulePath)
    $dynalite = Join-Path $Root 'tools/LocalDynamo/node_modules/dynalite/package.json'
    $commit = (& git -C $Root rev-parse --short HEAD 2>$null)
    $dirty = (& git -C $Root status --porcelain --untracked-files=no 2>$null)
    [ordered]@{
        DotNet   = (& dotnet --version 2>$null)
        Pwsh     = [string]$PSVersionTable.PSVersion
        Node     = (& node --version 2>$null)
        Dynalite = if (Test-Path $dynalite) { (Get-Content -Raw $dynalite | ConvertFrom-Json).version } else { $null }
        Module   = if (Test-Path $ModulePath) { [string](Import-PowerShellDataFile $ModulePath).ModuleVersion } else { $null }
        Commit   = if ($commit) { $commit + $(if ($dirty) { ' (with uncommitted changes)' } else { '' }) } else { $null }
    }
}

function New-BenchTarget {
    param([string] $Id, [string] $Hint, [string] $Target, $Measured, [double] $Threshold, [ValidateSet('AtLeast', 'AtMost')] [string] $Rule, [string] $Unmeasured)
    $status = if ($Unmeasured -or $null -eq $Measured) { 'NOT MEASURED' }
              elseif (($Rule -eq 'AtLeast' -and $Measured -ge $Threshold) -or ($Rule -eq 'AtMost' -and $Measured -le $Threshold)) { 'PASS' }
              else { 'MISS' }
    [ordered]@{
        Id        = $Id
        Hint      = $Hint
        Target    = $Target
        Measured  = if ($null -eq $Measured) { $null } else { [Math]::Round([double]$Measured, 3) }
        Threshold = $Threshold
        Rule      = $Rule
        Status    = $status
        Note      = $Unmeasured
    }
}

function Get-BenchStage {
    param($Results, [int] $Scale, [string] $Stage)
    $Results.Stages | Where-Object { $_.Scale -eq $Scale -and $_.Stage -eq $Stage -and $_.Status -eq 'ok' } | Select-Object -First 1
}

function Get-BenchTargets {
    <#
    .SYNOPSIS
    The targets of the benchmark issue, each judged PASS, MISS or NOT MEASURED from the results.
    #>
    param([Parameter(Mandatory)] $Results)
    $targets = [System.Collections.Generic.List[object]]::new()
    $comparison = $Results.Comparison
    foreach ($name in 'direct', 'delayed') {
        $mode = if ($comparison) { @($comparison.Modes) | Where-Object { $_.Name -eq $name } | Select-Object -First 1 }
        $delayed = $name -eq 'delayed'
        $medians = if ($mode) { $mode.Medians }
        $why = if (-not $mode) { 'no comparison ran' + $(if ($Results.Notes) { '; see the notes' }) }
               elseif ($mode.Status -ne 'ok') { $mode.Note }
               elseif ($comparison.Scale -ne 10) { "compared at $($comparison.Scale)x; the target is at 10x" }
               elseif (-not $medians -or -not $medians.export) { $mode.Note }
        $delay = if ($delayed) { "with $(if ($mode) { $mode.DelayMs } else { 10 }) ms of delay" } else { 'with no delay' }
        $vsCeiling = if ($medians -and $medians.export -and $medians.ceiling) { $medians.export / $medians.ceiling }
        $vsUser = if ($medians -and $medians.export -and $medians.userdesign) { $medians.export / $medians.userdesign }
        $times = if ($delayed) { 4 } else { 2 }
        $targets.Add((New-BenchTarget -Id "ExportVsCeiling-$name" -Hint ExportVsCeiling -Rule AtLeast -Threshold 0.85 -Measured $vsCeiling -Unmeasured $why `
            -Target "Export items/s at 10x, $delay, at least 85% of the ceiling's"))
        $targets.Add((New-BenchTarget -Id "ExportVsUser-$name" -Hint ExportVsUser -Rule AtLeast -Threshold $times -Measured $vsUser -Unmeasured $why `
            -Target "Export items/s at 10x, $delay, at least $times times the user's design"))
    }
    foreach ($stage in 'ConvertTo-ChinookItem', 'Export-ChinookToDynamo') {
        $small = Get-BenchStage $Results 1 $stage
        $large = Get-BenchStage $Results 100 $stage
        $ratio = if ($small -and $large) { $large.PeakWorkingSetBytes / $small.PeakWorkingSetBytes }
        $targets.Add((New-BenchTarget -Id "Memory-$stage" -Hint Memory -Rule AtMost -Threshold 1.5 -Measured $ratio `
            -Unmeasured $(if (-not $ratio) { "$stage was not measured at both 1x and 100x" }) `
            -Target "$stage peak memory at 100x at most 1.5 times the peak at 1x"))
    }
    $largeStages = if ($Results.Parameters) { @($Results.Parameters.LargeScaleStages | Where-Object { $_ }) }
    foreach ($stage in 'Get-ChinookSourceStats', 'ConvertTo-ChinookItem', 'Export-ChinookToDynamo', 'Test-ChinookMigration') {
        $small = Get-BenchStage $Results 1 $stage
        $large = Get-BenchStage $Results 100 $stage
        $ratio = if ($small -and $large -and $small.Seconds -gt 0) { $large.Seconds / $small.Seconds }
        $why = if ($ratio) { $null }
               elseif ($largeStages -and $stage -notin $largeStages) { "$stage does not run at 100x (-LargeScaleStages), to keep the run short" }
               else { "$stage was not measured at both 1x and 100x" }
        $targets.Add((New-BenchTarget -Id "Linearity-$stage" -Hint Linearity -Rule AtMost -Threshold 120 -Measured $ratio -Unmeasured $why `
            -Target "$stage time at 100x at most 120 times its time at 1x"))
    }
    # Reading the target back (issue 16): memory bounded and time linear, for the validation and for the way back.
    foreach ($stage in 'Test-ChinookMigration', 'Export-ChinookToSqlite') {
        $small = Get-BenchStage $Results 1 $stage
        $large = Get-BenchStage $Results 100 $stage
        $memory = if ($small -and $large -and $small.PeakWorkingSetBytes) { $large.PeakWorkingSetBytes / $small.PeakWorkingSetBytes }
        $targets.Add((New-BenchTarget -Id "Memory-$stage" -Hint Memory -Rule AtMost -Threshold 1.5 -Measured $memory `
            -Unmeasured $(if (-not $memory) { "$stage was not measured at both 1x and 100x" }) `
            -Target "$stage peak memory at 100x at most 1.5 times the peak at 1x"))
        $time = if ($small -and $large -and $small.Seconds -gt 0) { $large.Seconds / $small.Seconds }
        $targets.Add((New-BenchTarget -Id "ReadbackLinearity-$stage" -Hint Linearity -Rule AtMost -Threshold 100 -Measured $time `
            -Unmeasured $(if (-not $time) { "$stage was not measured at both 1x and 100x" }) `
            -Target "$stage time at 100x at most 100 times its time at 1x"))
    }
    foreach ($t in @(Get-BenchScenarioTargets $Results)) { $targets.Add($t) }
    $convert = Get-BenchStage $Results 10 'ConvertTo-ChinookItem'
    $targets.Add((New-BenchTarget -Id 'ConvertSpeed' -Hint ConvertSpeed -Rule AtLeast -Threshold 50000 -Measured $(if ($convert) { $convert.ItemsPerSecond }) `
        -Unmeasured $(if (-not $convert) { 'ConvertTo-ChinookItem was not measured at 10x' }) `
        -Target 'ConvertTo-ChinookItem | Measure-Object at 10x, at least 50,000 items/s'))
    return $targets
}

function Get-BenchScenario { param($Results, [string] $Like) @($Results.Scenarios) | Where-Object { $_ -and $_.Name -like $Like -and $_.Status -eq 'ok' } | Select-Object -First 1 }

function Get-BenchScenarioTargets {
    <# The write scenarios' goals (issue: writing at the speed the table allows), each from figures of the same run. #>
    param($Results)
    if (-not $Results.Contains('Scenarios')) { return }
    $why = if (-not @($Results.Scenarios).Count) { 'the write scenarios did not run (-Sections, or see the notes)' }
    $delayed = Get-BenchScenario $Results 'unbounded, 10 ms'
    $direct = Get-BenchScenario $Results 'unbounded, 0 ms'
    $budget = @($Results.Scenarios) | Where-Object { $_ -and $_.Status -eq 'ok' -and $_.Name -like '* WCU' } | Select-Object -First 1
    $halved = Get-BenchScenario $Results '* WCU, halved'
    $ratio = { param($a, $b) if ($a -and $b) { $a / $b } }
    $median = { param($s, [string] $name) if ($s) { Get-BenchMedian @($s.Runs | ForEach-Object { $_.$name } | Where-Object { $null -ne $_ } | ForEach-Object { [double]$_ }) } }
    $budgetUnits = if ($Results.Parameters.Contains('WriteBudget')) { $Results.Parameters.WriteBudget } else { 1500 }
    New-BenchTarget -Id 'Scenario-HiddenRoundTrip' -Hint Scenario -Rule AtLeast -Threshold 0.85 -Unmeasured $why `
        -Measured (& $ratio $delayed.Medians.export $direct.Medians.export) -Target 'Export at 10 ms per round trip, at least 0.85 of Export with none (unbounded server)'
    New-BenchTarget -Id 'Scenario-VsUser' -Hint Scenario -Rule AtLeast -Threshold 8 -Unmeasured $why `
        -Measured (& $ratio $delayed.Medians.export $delayed.Medians.userdesign) -Target 'Export at 10 ms per round trip, at least 8 times the user''s design (unbounded server)'
    New-BenchTarget -Id 'Scenario-VsConvert' -Hint Scenario -Rule AtLeast -Threshold 0.75 -Unmeasured $why `
        -Measured (& $ratio $direct.Medians.export $Results.ScenarioConvertItemsPerSecond) -Target 'Export with no delay, at least 0.75 of ConvertTo-ChinookItem | Measure-Object (unbounded server)'
    New-BenchTarget -Id 'Scenario-BudgetRate' -Hint Scenario -Rule AtLeast -Threshold 0.9 -Unmeasured $why `
        -Measured (& $ratio (& $median $budget 'AcceptedUnitsPerSecond') $budgetUnits) -Target "Export on a $budgetUnits WCU table, at least 90% of its write units per second over the run"
    New-BenchTarget -Id 'Scenario-BudgetThrottled' -Hint Scenario -Rule AtMost -Threshold 0.02 -Unmeasured $why `
        -Measured (& $median $budget 'ThrottledShare') -Target "Export on a $budgetUnits WCU table, under 2% of its calls throttled"
    $followed = if ($halved) {
        # Over the seconds of the run: the units the table took against what its budget allowed, second by second.
        $seconds = @($halved.Runs[0].PerSecond | Select-Object -SkipLast 1)
        if ($seconds) { ($seconds | Measure-Object acceptedUnits -Sum).Sum / ($seconds | Measure-Object budget -Sum).Sum }
    }
    New-BenchTarget -Id 'Scenario-HalvedBudget' -Hint Scenario -Rule AtLeast -Threshold 0.8 -Unmeasured $why -Measured $followed `
        -Target 'Export on a table whose budget halves and comes back, at least 80% of the budget second by second (the table per second below)'
}

function ConvertTo-MarkdownTable {
    param([string[]] $Header, [object[]] $Rows)
    $lines = [System.Collections.Generic.List[string]]::new()
    $lines.Add('| ' + ($Header -join ' | ') + ' |')
    $lines.Add('|' + (($Header | ForEach-Object { ' --- ' }) -join '|') + '|')
    # A '|' inside a cell (as in "ConvertTo-ChinookItem | Measure-Object") would end the cell.
    foreach ($row in $Rows) { $lines.Add('| ' + (@($row | ForEach-Object { "$_".Replace('|', '\|') }) -join ' | ') + ' |') }
    return $lines -join "`n"
}

function Format-BenchMegabytes { param($Bytes) if ($Bytes) { Format-BenchNumber ($Bytes / 1MB) 1 } else { '' } }

function ConvertTo-BenchMarkdown {
    <#
    .SYNOPSIS
    The report for people: every figure of the results as tables, the targets with PASS/MISS, and a closing note.
    #>
    param([Parameter(Mandatory)] $Results)
    $md = [System.Text.StringBuilder]::new()
    $p = $Results.Parameters
    $m = $Results.Machine
    $v = $Results.Versions
    [void]$md.AppendLine("# ChinookMigration benchmark, $($Results.Started)")
    [void]$md.AppendLine()
    [void]$md.AppendLine("$(if ($p.Smoke) { 'Smoke run (1x only, one run each, no speed judged). ' })Scales $($p.Scales -join ', ')x; comparison at $($p.CompareScale)x, median of $($p.Runs) run(s) each in alternation; seed $($p.Seed); whole run $(Format-BenchNumber $Results.DurationSeconds 0) s.")
    [void]$md.AppendLine()
    [void]$md.AppendLine('## Targets')
    [void]$md.AppendLine((ConvertTo-MarkdownTable -Header 'Target', 'Measured', 'Needed', 'Result' -Rows @(
        foreach ($t in $Results.Targets) {
            $needed = "$(if ($t.Rule -eq 'AtLeast') { '>=' } else { '<=' }) $(Format-BenchNumber $t.Threshold 2)"
            , @($t.Target, (Format-BenchNumber $t.Measured 2), $needed, "**$($t.Status)**$(if ($t.Note) { " ($($t.Note))" })")
        })))
    [void]$md.AppendLine()
    [void]$md.AppendLine('## Machine and versions')
    [void]$md.AppendLine((ConvertTo-MarkdownTable -Header 'What', 'Value' -Rows @(
        , @('Cores', $m.Cores); , @('Load average at the start (1, 5, 15 min)', $m.LoadAverage); , @('Memory', "$(Format-BenchNumber ($m.MemoryBytes / 1GB) 1) GB"); , @('CPU', $m.Cpu); , @('OS', "$($m.OS) ($($m.Architecture))")
        , @('.NET SDK', $v.DotNet); , @('PowerShell', $v.Pwsh); , @('Node.js', $v.Node); , @('dynalite', $v.Dynalite)
        , @('ChinookMigration', "$($v.Module)$(if ($v.Commit) { " at commit $($v.Commit)" })"))))
    [void]$md.AppendLine()
    [void]$md.AppendLine('## Databases')
    [void]$md.AppendLine((ConvertTo-MarkdownTable -Header 'Scale', 'Rows', 'Size (MB)', 'Generated in (s)', 'File' -Rows @(
        foreach ($d in $Results.Databases) {
            , @("$($d.Scale)x", (Format-BenchNumber $d.Rows), (Format-BenchMegabytes $d.Bytes), $(if ($d.Cached) { 'cached' } else { Format-BenchNumber $d.GenerationSeconds 1 }), (Split-Path $d.Path -Leaf))
        })))
    [void]$md.AppendLine()
    [void]$md.AppendLine('## Stages, each in a fresh pwsh')
    [void]$md.AppendLine('Seconds are the command''s own time after Import-Module; peak memory is the whole pwsh process''s (its floor is the Import-Module row).')
    [void]$md.AppendLine()
    [void]$md.AppendLine((ConvertTo-MarkdownTable -Header 'Scale', 'Stage', 'Status', 'Seconds', 'Items', 'Items/s', 'Write units/s', 'Rows/s', 'First item (s)', 'Peak memory (MB)' -Rows @(
        foreach ($s in $Results.Stages) {
            , @("$($s.Scale)x", $s.Stage, "$($s.Status)$(if ($s.Note) { ": $($s.Note)" })", (Format-BenchNumber $s.Seconds 2), (Format-BenchNumber $s.Items),
                (Format-BenchNumber $s.ItemsPerSecond), (Format-BenchNumber $s.WriteUnitsPerSecond), (Format-BenchNumber $s.RowsPerSecond),
                (Format-BenchNumber $s.TimeToFirstItemSeconds 3), (Format-BenchMegabytes $s.PeakWorkingSetBytes))
        })))
    [void]$md.AppendLine()
    $c = $Results.Comparison
    if ($c) {
        [void]$md.AppendLine("## Export vs the server's ceiling vs the user's design, at $($c.Scale)x")
        $source = $c.ItemSource
        $what = if ($source.Kind -eq 'module') { 'the module''s own items (ConvertTo-ChinookItem, saved as JSON lines), so all three write the same items' }
                else { 'items made from the database rows (one per source row; the module''s converter was not available), so the loaders write more, smaller items than Export' }
        [void]$md.AppendLine("The ceiling and the user's design send $(Format-BenchNumber $source.Items) pre-built items ($(Format-BenchNumber $source.WriteUnits) write units, $(Format-BenchMegabytes $source.Bytes) MB): $what. Export reads, converts and writes the database end to end. Every run writes into fresh tables.")
        if ($source.ModuleBytes -and [Math]::Abs($source.Bytes - $source.ModuleBytes) -gt 0.03 * $source.ModuleBytes) {
            [void]$md.AppendLine()
            [void]$md.AppendLine("**Check:** the loaders' items measure $(Format-BenchNumber $source.Bytes) bytes by DynamoDB's rules but the module reports $(Format-BenchNumber $source.ModuleBytes): the item file may not carry the module's items exactly.")
        }
        foreach ($mode in @($c.Modes)) {
            [void]$md.AppendLine()
            [void]$md.AppendLine("### $(if ($mode.DelayMs -gt 0) { "Through the delay proxy, $($mode.DelayMs) ms per round trip" } else { 'Direct, no added delay' })")
            if ($mode.Status -ne 'ok') { [void]$md.AppendLine("Not measured: $($mode.Note)"); continue }
            if ($mode.Sweep) {
                [void]$md.AppendLine("Ceiling sweep over $(Format-BenchNumber $mode.Sweep.Items) items: " + ((@($mode.Sweep.Levels) | ForEach-Object { "$($_.Concurrency) in flight $(Format-BenchNumber $_.ItemsPerSecond) items/s" }) -join '; ') + "; best $($mode.Sweep.Best).")
                [void]$md.AppendLine()
            }
            [void]$md.AppendLine((ConvertTo-MarkdownTable -Header 'Run', 'Design', 'In flight', 'Items', 'Seconds', 'Items/s', 'Write units/s', 'Unwritten', 'Call p50/p99 (ms)' -Rows @(
                foreach ($r in $mode.Runs) {
                    , @($r.Run, $r.Design, $r.Concurrency, (Format-BenchNumber $r.Items), (Format-BenchNumber $r.Seconds 2), (Format-BenchNumber $r.ItemsPerSecond),
                        (Format-BenchNumber $r.WriteUnitsPerSecond), (Format-BenchNumber $r.Unwritten), $(if ($r.LatencyP50) { "$(Format-BenchNumber $r.LatencyP50 1) / $(Format-BenchNumber $r.LatencyP99 1)" } else { '' }))
                })))
            [void]$md.AppendLine()
            $exportItems = @($mode.Runs | Where-Object { $_.Design -eq 'export' } | ForEach-Object { $_.Items } | Select-Object -Unique)
            if ($source.Kind -eq 'module' -and $exportItems -and ($exportItems -ne $source.Items)) {
                [void]$md.AppendLine("**Check:** Export wrote $($exportItems -join ' / ') items, the loaders $(Format-BenchNumber $source.Items): they did not write the same items.")
                [void]$md.AppendLine()
            }
            $med = $mode.Medians
            $figures = foreach ($design in 'export', 'ceiling', 'userdesign') {
                $label = @{ export = 'Export'; ceiling = 'ceiling'; userdesign = 'user''s design' }[$design]
                "$label $(if ($med[$design]) { (Format-BenchNumber $med[$design]) + ' items/s' } else { 'not measured' })"
            }
            [void]$md.AppendLine("Medians: $($figures -join ', ')." + $(if ($mode.Note) { " $($mode.Note)." }))
        }
        [void]$md.AppendLine()
    }
    $sync = $Results.Sync
    if ($sync) {
        [void]$md.AppendLine("## Sync-ChinookToDynamo after about 1% of the rows changed, at $($sync.Scale)x")
        if ($sync.Status -ne 'ok') { [void]$md.AppendLine("Not measured: $($sync.Note)") }
        else {
            $first = $sync.First
            $written = ($first.Tables | Measure-Object Added -Sum).Sum + ($first.Tables | Measure-Object Changed -Sum).Sum
            $deleted = ($first.Tables | Measure-Object Deleted -Sum).Sum
            $affectedWritten = ($sync.Affected | Measure-Object Added -Sum).Sum + ($sync.Affected | Measure-Object Changed -Sum).Sum
            $affectedDeleted = ($sync.Affected | Measure-Object Deleted -Sum).Sum
            [void]$md.AppendLine("bench/sync-changes.sql changed $(Format-BenchNumber $sync.RowsChanged) rows of the migrated database (prices, artist names, e-mails; playlist entries, unsold tracks and playlists deleted; customers and invoices with lines added). The items they affect are found by comparing the item lines of ConvertTo-ChinookItem before and after the change, without the module's comparison.")
            [void]$md.AppendLine()
            [void]$md.AppendLine((ConvertTo-MarkdownTable -Header 'Table', 'Affected: added / changed / deleted', 'Sync: added / changed / deleted', 'Unchanged', 'Write units', 'Read units (scan)', 'Failed' -Rows @(
                foreach ($t in $first.Tables) {
                    $a = @($sync.Affected | Where-Object Table -eq $t.Table)
                    $aText = if ($a) { "$(Format-BenchNumber $a[0].Added) / $(Format-BenchNumber $a[0].Changed) / $(Format-BenchNumber $a[0].Deleted)" } else { '0 / 0 / 0' }
                    , @($t.Table, $aText, "$(Format-BenchNumber $t.Added) / $(Format-BenchNumber $t.Changed) / $(Format-BenchNumber $t.Deleted)", (Format-BenchNumber $t.Unchanged),
                        (Format-BenchNumber $t.WriteUnits), (Format-BenchNumber $t.ReadUnits), (Format-BenchNumber $t.Failed))
                })))
            [void]$md.AppendLine()
            $match = if ($written -eq $affectedWritten -and $deleted -eq $affectedDeleted) { 'they match' } else { '**they differ**' }
            $secondWrites = ($sync.Second.Tables | ForEach-Object { $_.Added + $_.Changed + $_.Deleted } | Measure-Object -Sum).Sum
            [void]$md.AppendLine("Sync wrote $(Format-BenchNumber $written) and deleted $(Format-BenchNumber $deleted) items; the changes affect $(Format-BenchNumber $affectedWritten) to write and $(Format-BenchNumber $affectedDeleted) to delete: $match. " +
                "Write units $(Format-BenchNumber (($first.Tables | Measure-Object WriteUnits -Sum).Sum)) against the full Export's $(Format-BenchNumber $sync.Export.WriteUnits). " +
                "Time $(Format-BenchNumber $first.Seconds 1) s against the full Export's $(Format-BenchNumber $sync.Export.Seconds 1) s ($(Format-BenchNumber ($first.Seconds / $sync.Export.Seconds) 2) times), peak memory $(Format-BenchMegabytes $first.PeakWorkingSetBytes) MB. " +
                "A second Sync right after found $(Format-BenchNumber $secondWrites) items to write or delete, in $(Format-BenchNumber $sync.Second.Seconds 1) s.")
        }
        [void]$md.AppendLine()
    }
    if ($Results.Contains('Scenarios') -and @($Results.Scenarios).Count) {
        [void]$md.AppendLine("## Write scenarios through the proxy (at $(@($Results.Scenarios)[0].Scale)x)")
        [void]$md.AppendLine('The proxy answers BatchWriteItem itself (unbounded: all processed, nothing stored) or passes writes within a write-unit budget per table to dynalite and refuses the rest with ThrottlingException, counting units by DynamoDB''s size rules; its DescribeTable then reports the budget as provisioned. The budget is per table, as DynamoDB''s is: where Export writes two tables at once (at their boundaries), a second''s units add up to more than one table''s budget, and so can the run''s average. ConvertTo-ChinookItem | Measure-Object on the same data: ' + (Format-BenchNumber $Results.ScenarioConvertItemsPerSecond) + ' items/s.')
        [void]$md.AppendLine()
        $rows = foreach ($s in $Results.Scenarios) {
            foreach ($r in $s.Runs) {
                , @($s.Name, $r.Run, $r.Design, (Format-BenchNumber $r.Items), (Format-BenchNumber $r.Seconds 2), (Format-BenchNumber $r.ItemsPerSecond), $r.Concurrency,
                    (Format-BenchNumber $r.AcceptedUnitsPerSecond), $(if ($null -ne $r.ThrottledShare) { (Format-BenchNumber (100 * $r.ThrottledShare) 2) + '%' }), $r.ThrottledCalls)
            }
            if ($s.Status -ne 'ok') { , @($s.Name, '', $s.Status, '', '', '', '', '', '', $s.Note) }
        }
        [void]$md.AppendLine((ConvertTo-MarkdownTable @('scenario', 'run', 'design', 'items', 's', 'items/s', 'calls in flight (end)', 'WCU/s taken', 'calls throttled', 'throttled (Export)') $rows))
        [void]$md.AppendLine()
        foreach ($s in @($Results.Scenarios | Where-Object { $_.Schedule -and $_.Runs.Count })) {
            [void]$md.AppendLine("Rate over time, $($s.Name) (budget $($s.Schedule) as second:WCU), run 1:")
            [void]$md.AppendLine()
            $perSecond = foreach ($p in $s.Runs[0].PerSecond) {
                $bar = '#' * [int][Math]::Round(40 * $p.acceptedUnits / [Math]::Max(1, 2 * @($s.Runs[0].PerSecond | Measure-Object budget -Maximum)[0].Maximum / 2))
                , @($p.second, (Format-BenchNumber $p.budget), (Format-BenchNumber $p.acceptedUnits), $p.throttledCalls, $bar)
            }
            [void]$md.AppendLine((ConvertTo-MarkdownTable @('second', 'budget WCU', 'WCU taken', 'calls throttled', 'taken (40 # = the full budget)') $perSecond))
            [void]$md.AppendLine()
        }
    }
    [void]$md.AppendLine('## Closing note')
    $missed = @($Results.Targets | Where-Object { $_.Status -eq 'MISS' })
    $unmeasured = @($Results.Targets | Where-Object { $_.Status -eq 'NOT MEASURED' })
    if ($missed.Count -eq 0 -and $unmeasured.Count -eq 0) { [void]$md.AppendLine('Every target is met.') }
    foreach ($t in $missed) { [void]$md.AppendLine("- **MISS** $($t.Target): measured $(Format-BenchNumber $t.Measured 2). $($script:MissHints[$t.Hint])") }
    foreach ($t in $unmeasured) { [void]$md.AppendLine("- NOT MEASURED $($t.Target): $($t.Note).") }
    foreach ($note in @($Results.Notes)) { if ($note) { [void]$md.AppendLine("- $note") } }
    return $md.ToString()
}

Export-ModuleMember -Function Get-BenchMedian, Get-BenchMachine, Get-BenchVersions, Get-BenchTargets, ConvertTo-BenchMarkdown, Format-BenchNumber, Format-BenchMegabytes
