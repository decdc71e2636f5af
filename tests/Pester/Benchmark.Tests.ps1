# The benchmark's own tools, so that `build.ps1 Bench` cannot rot: the scaled-database generator, the bare
# loaders, the judging of targets, and a 1x smoke run of the whole benchmark. No speed is asserted.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ChinookTestModulePath) -Force
    $script:Root = if ($env:CHINOOK_REPO_ROOT) { $env:CHINOOK_REPO_ROOT } else { (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path }
    Import-Module (Join-Path $Root 'bench/lib/BenchReport.psm1') -Force
    $script:Shipped = Get-ShippedDatabasePath
    $script:Scratch = New-ScratchFolder

    & dotnet build (Join-Path $Root 'bench/Chinook.Bench') -c Release --nologo -v q | Out-Null
    if ($LASTEXITCODE -ne 0) { throw 'Building bench/Chinook.Bench failed.' }
    $script:BenchDll = Join-Path $Root 'bench/Chinook.Bench/bin/Release/net10.0/Chinook.Bench.dll'

    function Invoke-Bench {
        param([Parameter(ValueFromRemainingArguments)] [string[]] $Arguments)
        $output = & dotnet $BenchDll @Arguments 2>$null
        if ($LASTEXITCODE -ne 0) { throw "Chinook.Bench $Arguments exited with $LASTEXITCODE" }
        return ($output -join "`n") | ConvertFrom-Json
    }

    $script:Tripled = Join-Path $Scratch 'x3.sqlite'
    $script:Scaled = Invoke-Bench scale --source $Shipped --factor 3 --seed 7 --out $Tripled
}

AfterAll {
    Remove-Item $script:Scratch -Recurse -Force -ErrorAction Ignore
}

Describe 'bench scale: the scaled copy of the Chinook database' {
    It 'has three times the rows of every table, with every foreign key valid' {
        $source = Get-ChinookSourceStats -Path $Shipped
        $scaled = Get-ChinookSourceStats -Path $Tripled
        foreach ($table in $source) {
            ($scaled | Where-Object Table -eq $table.Table).Records | Should -Be (3 * $table.Records) -Because $table.Table
        }
        $findings = @(Get-ChinookSourceStats -Path $Tripled -DataQuality | Where-Object Check -in 'OrphanForeignKey', 'DuplicateValue')
        ($findings | Group-Object Check -NoElement | ForEach-Object { "$($_.Name) $($_.Count)" }) | Should -Be 'OrphanForeignKey 11', 'DuplicateValue 1'
        $findings | Where-Object Count -gt 0 | Should -BeNullOrEmpty
        (Invoke-Bench profile --db $Tripled).foreignKeyViolations | Should -Be 0
    }

    It 'has the shape of the source: null shares, text lengths, non-ASCII share, group sizes, dates and prices' {
        $source = Invoke-Bench profile --db $Shipped
        $scaled = Invoke-Bench profile --db $Tripled
        foreach ($table in $source.tables.PSObject.Properties) {
            foreach ($column in $table.Value.columns.PSObject.Properties) {
                $expected = $column.Value
                $actual = $scaled.tables.($table.Name).columns.($column.Name)
                $because = "$($table.Name).$($column.Name)"
                $actual.nullShare | Should -Be $expected.nullShare -Because $because
                $actual.storage | Should -Be $expected.storage -Because $because
                foreach ($figure in 'meanLength', 'maxLength', 'meanUtf8Bytes', 'nonAsciiValueShare', 'notIsoFormat', 'notTwoDecimals') {
                    if ($expected.PSObject.Properties[$figure]) { $actual.$figure | Should -Be $expected.$figure -Because "$because $figure" }
                }
                if ($expected.PSObject.Properties['topValues']) {
                    ($actual.topValues | ConvertTo-Json -Compress) | Should -Be ($expected.topValues | ConvertTo-Json -Compress) -Because $because
                }
            }
        }
        foreach ($distribution in $source.distributions.PSObject.Properties) {
            $actual = $scaled.distributions.($distribution.Name)
            $actual.groups | Should -Be (3 * $distribution.Value.groups) -Because $distribution.Name
            $actual.mean | Should -Be $distribution.Value.mean -Because $distribution.Name
            ($actual.shares | ConvertTo-Json -Compress) | Should -Be ($distribution.Value.shares | ConvertTo-Json -Compress) -Because $distribution.Name
        }
        $source.distributions.invoicesPerCustomer.shares | Should -Not -BeNullOrEmpty
    }

    It 'gives the same bytes for the same seed and other data for another seed' {
        $again = Invoke-Bench scale --source $Shipped --factor 3 --seed 7 --out (Join-Path $Scratch 'x3-again.sqlite')
        $other = Invoke-Bench scale --source $Shipped --factor 3 --seed 8 --out (Join-Path $Scratch 'x3-other.sqlite')
        $again.sha256 | Should -Be $Scaled.sha256
        (Get-FileHash (Join-Path $Scratch 'x3-again.sqlite')).Hash | Should -Be (Get-FileHash $Tripled).Hash
        $other.sha256 | Should -Not -Be $Scaled.sha256
        $other.totalRows | Should -Be $Scaled.totalRows
    }

    It 'refuses to write into the repository outside bench/scratch' {
        $target = Join-Path $Root 'data/scaled.sqlite'
        & dotnet $BenchDll scale --factor 2 --out $target 2>$null | Out-Null
        $LASTEXITCODE | Should -Be 2
        Test-Path $target | Should -BeFalse
    }
}

Describe 'bench ceiling and userdesign: the bare loaders' {
    It 'write every item of a database, the ceiling in parallel and the user''s design one call at a time' {
        $endpoint = Get-TestEndpoint
        $ceiling = Invoke-Bench ceiling --endpoint $endpoint --items-from $Shipped --table-prefix bench-test-c- --fresh-tables --concurrency 4
        $user = Invoke-Bench userdesign --endpoint $endpoint --items-from $Shipped --table-prefix bench-test-u- --fresh-tables
        foreach ($load in $ceiling, $user) {
            $load.items.items | Should -Be 15607
            $load.runs[0].ItemsWritten | Should -Be 15607
            $load.runs[0].UnwrittenItems | Should -Be 0
            $load.runs[0].Requests | Should -BeGreaterOrEqual ([Math]::Ceiling(15607 / 25))
        }
        $ceiling.runs[0].Concurrency | Should -Be 4
        $user.runs[0].Concurrency | Should -Be 1
    }

    It 'send the items of a JSON-lines file exactly, nested values and exact decimals included' {
        $file = Join-Path $Scratch 'items.jsonl'
        @(
            '{"t":"MusicCatalog","s":90,"w":1,"i":{"PK":"ALBUM#1","SK":"TRACK#1","Name":"Canção","UnitPrice":0.99}}'
            '{"t":"CustomerOrders","w":2,"i":{"PK":"CUSTOMER#1","SK":"ORDER#2021-01-01T00:00:00Z#0000000001","Lines":[{"TrackId":1,"UnitPrice":1.99}],"Total":1.99}}'
        ) | Set-Content -Encoding utf8 $file
        $summary = Invoke-Bench items --items-from $file
        $summary.kind | Should -Be 'module'
        $summary.items | Should -Be 2
        $summary.writeUnits | Should -Be 3
        $summary.tables.CustomerOrders.items | Should -Be 1
        $load = Invoke-Bench ceiling --endpoint (Get-TestEndpoint) --items-from $file --table-prefix bench-test-j- --fresh-tables --concurrency 1
        $load.runs[0].ItemsWritten | Should -Be 2
    }
}

Describe 'The benchmark report' {
    BeforeAll {
        function New-Mode($Name, $DelayMs, $Export, $Ceiling, $User) {
            [ordered]@{ Name = $Name; DelayMs = $DelayMs; Status = 'ok'; Note = $null; Sweep = $null; Runs = @()
                        Medians = [ordered]@{ export = $Export; ceiling = $Ceiling; userdesign = $User } }
        }
        function New-Stage($Scale, $Stage, $Seconds, $Peak) {
            [ordered]@{ Scale = $Scale; Stage = $Stage; Status = 'ok'; Seconds = $Seconds; PeakWorkingSetBytes = $Peak; ItemsPerSecond = 60000 }
        }
        $script:Synthetic = [ordered]@{
            Started = '2026-01-01 00:00:00'; DurationSeconds = 1
            Parameters = [ordered]@{ Scales = 1, 10, 100; CompareScale = 10; Runs = 3; Seed = 1; Smoke = $false }
            Machine = [ordered]@{ Cores = 2; MemoryBytes = 8GB; Cpu = 'test'; OS = 'test'; Architecture = 'X64' }
            Versions = [ordered]@{ DotNet = '10'; Pwsh = '7.6.9'; Node = 'v20'; Dynalite = '4.0.0'; Module = '0.1.0'; Commit = 'abc' }
            Databases = @(); Notes = @()
            Stages = @(
                New-Stage 1 'ConvertTo-ChinookItem' 1.0 (100MB); New-Stage 100 'ConvertTo-ChinookItem' 90.0 (110MB)
                New-Stage 10 'ConvertTo-ChinookItem' 9.0 (105MB)
                New-Stage 1 'Export-ChinookToDynamo' 2.0 (100MB); New-Stage 100 'Export-ChinookToDynamo' 300.0 (200MB)
                New-Stage 1 'Export-ChinookToSqlite' 1.0 (100MB); New-Stage 100 'Export-ChinookToSqlite' 120.0 (140MB)
            )
            Comparison = [ordered]@{
                Scale = 10; ItemSource = [ordered]@{ Kind = 'module'; Items = 1000; WriteUnits = 1200; Bytes = 100000; ModuleBytes = 100000 }
                Modes = @((New-Mode 'direct' 0 9000 10000 4000), (New-Mode 'delayed' 10 5000 8000 1000))
            }
        }
        $script:Targets = Get-BenchTargets -Results $Synthetic
        function Get-Target($Id) { $Targets | Where-Object { $_.Id -eq $Id } }
    }

    It 'judges the ratios of Export to the ceiling and to the user''s design' {
        (Get-Target 'ExportVsCeiling-direct').Status | Should -Be 'PASS'
        (Get-Target 'ExportVsCeiling-direct').Measured | Should -Be 0.9
        (Get-Target 'ExportVsUser-direct').Status | Should -Be 'PASS'
        (Get-Target 'ExportVsCeiling-delayed').Status | Should -Be 'MISS'
        (Get-Target 'ExportVsUser-delayed').Status | Should -Be 'PASS'
        (Get-Target 'ExportVsUser-delayed').Threshold | Should -Be 4
    }

    It 'judges memory and linearity from 1x and 100x, and says what it could not measure' {
        (Get-Target 'Memory-ConvertTo-ChinookItem').Status | Should -Be 'PASS'
        (Get-Target 'Memory-Export-ChinookToDynamo').Status | Should -Be 'MISS'
        (Get-Target 'Linearity-ConvertTo-ChinookItem').Status | Should -Be 'PASS'
        (Get-Target 'Linearity-Export-ChinookToDynamo').Status | Should -Be 'MISS'
        (Get-Target 'Linearity-Test-ChinookMigration').Status | Should -Be 'NOT MEASURED'
        (Get-Target 'ConvertSpeed').Status | Should -Be 'PASS'
        # The stages that read the target back: 1.5 times the memory and 100 times the time at most.
        (Get-Target 'Memory-Export-ChinookToSqlite').Status | Should -Be 'PASS'
        (Get-Target 'ReadbackLinearity-Export-ChinookToSqlite').Status | Should -Be 'MISS'
        (Get-Target 'Memory-Test-ChinookMigration').Status | Should -Be 'NOT MEASURED'
    }

    It 'writes every miss plainly in the Markdown report, with what would close it' {
        $Synthetic.Targets = $Targets
        $markdown = ConvertTo-BenchMarkdown -Results $Synthetic
        $markdown | Should -Match '\*\*MISS\*\* Export-ChinookToDynamo peak memory at 100x'
        $markdown | Should -Match 'Bound it so that memory depends on the batch size'
        $markdown | Should -Match 'ConvertTo-ChinookItem \\\| Measure-Object'
    }
}

Describe 'Invoke-Benchmark -Smoke' {
    It 'measures at 1x, writes report.md and report.json, and leaves no process running' {
        $output = Join-Path $Scratch 'results'
        # A pwsh of its own, as an admin runs it: the benchmark sets the local server's credentials and region in
        # its process environment, which the SDK would remember for the rest of this test session.
        & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File (Join-Path $Root 'bench/Invoke-Benchmark.ps1') -Smoke `
            -ModulePath (Get-ChinookTestModulePath) -ScratchPath (Join-Path $Scratch 'db') -OutputRoot $output | Out-Null
        $LASTEXITCODE | Should -Be 0
        $folder = (Get-ChildItem $output -Directory | Sort-Object Name | Select-Object -Last 1).FullName
        Test-Path (Join-Path $folder 'report.md') | Should -BeTrue
        $report = Get-Content -Raw (Join-Path $folder 'report.json') | ConvertFrom-Json

        # Every stage measured: a cmdlet the benchmark cannot find (renamed, say) is a failure here, not "not available".
        $report.Stages | Where-Object Status -ne 'ok' | ForEach-Object { "$($_.Stage): $($_.Status) $($_.Note)" } | Should -BeNullOrEmpty
        $report.Stages.Stage | Should -Be 'Import-Module', 'Get-ChinookSourceStats', 'ConvertTo-ChinookItem', 'Export-ChinookToDynamo', 'Test-ChinookMigration', 'Export-ChinookToSqlite'
        ($report.Stages | Where-Object Stage -eq 'Export-ChinookToSqlite').Rows | Should -Be 15607
        ($report.Stages | Where-Object Stage -eq 'Get-ChinookSourceStats').Rows | Should -Be 15607
        $direct = $report.Comparison.Modes | Where-Object Name -eq 'direct'
        $direct.Status | Should -Be 'ok'
        foreach ($run in $direct.Runs) {
            $run.Unwritten | Should -Be 0 -Because $run.Design
            if ($run.Design -ne 'export') { $run.Items | Should -Be $report.Comparison.ItemSource.Items -Because $run.Design }
        }
        ($direct.Runs.Design | Sort-Object -Unique) | Should -Contain 'ceiling'
        ($direct.Runs.Design | Sort-Object -Unique) | Should -Contain 'userdesign'
        ($report.Comparison.Modes | Where-Object Name -eq 'delayed').Status | Should -Be 'ok'
        # The write scenarios through the proxy: each ran, and Export wrote every item in each.
        $report.Scenarios.Name | Should -Be 'unbounded, 10 ms', 'unbounded, 0 ms', '1500 WCU', '1500 WCU, halved'
        $report.Scenarios | Where-Object Status -ne 'ok' | ForEach-Object { "$($_.Name): $($_.Note)" } | Should -BeNullOrEmpty
        foreach ($run in @($report.Scenarios.Runs | Where-Object Design -eq 'export')) { $run.Items | Should -Be $report.Comparison.ItemSource.Items }
        ($report.Scenarios | Where-Object Name -eq '1500 WCU, halved').Runs[0].PerSecond | Should -Not -BeNullOrEmpty
        $report.Targets.Count | Should -Be 21
        $report.Processes | Should -Not -BeNullOrEmpty
        foreach ($process in $report.Processes) { Get-Process -Id $process.ProcessId -ErrorAction Ignore | Should -BeNullOrEmpty -Because $process.Name }
    }
}
