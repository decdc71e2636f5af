# Interruption and resume: a local DynamoDB of these tests' own (persisted on disk, so it can be killed and
# restarted), Ctrl+C in the middle of an export, damaged checkpoints.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/LocalDynamo/LocalDynamo.psm1') -Force
    Import-Module (Get-ChinookTestModulePath) -Force
    $script:Shipped = Get-ShippedDatabasePath
    $script:Scratch = New-ScratchFolder

    function script:Start-Export([hashtable] $Arguments) {
        # The export runs in a runspace of its own, so the test can stop it (Ctrl+C) or kill its server.
        $ps = [powershell]::Create()
        $null = $ps.AddScript({
                param($ModulePath, $Arguments)
                Import-Module $ModulePath
                Export-ChinookToDynamo @Arguments -ErrorAction Continue
            }).AddArgument((Get-ChinookTestModulePath)).AddArgument($Arguments)
        return [pscustomobject]@{ Shell = $ps; Handle = $ps.BeginInvoke() }
    }
    function script:Wait-Checkpoint([string] $Path, [long] $AtLeast) {
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while ([DateTime]::UtcNow -lt $deadline) {
            if (Test-Path $Path) {
                $settled = (Get-Content -Raw $Path | ConvertFrom-Json).ItemsSettled
                if ($settled -ge $AtLeast) { return $settled }
            }
            Start-Sleep -Milliseconds 50
        }
        throw "The checkpoint did not reach $AtLeast items."
    }
    function script:Get-ItemCount([string] $Endpoint, [string] $Table) {
        @(Get-DynamoTableItem -EndpointUrl $Endpoint -TableName $Table).Count
    }
}

AfterAll {
    Remove-Item $script:Scratch -Recurse -Force -ErrorAction Ignore
}

Describe 'Export-ChinookToDynamo interrupted' {
    It 'stops with one clear error when the server dies, and the same command run again completes the migration' {
        $data = Join-Path $Scratch 'dynalite-killed'
        $server = Start-LocalDynamo -DataPath $data
        try {
            New-ChinookDynamoTable -EndpointUrl $server.EndpointUrl | Out-Null
            $checkpoint = Join-Path $Scratch 'killed.json'
            # A slow, steady rate, so the server dies in the middle of the export.
            $run = Start-Export @{ Path = $Shipped; EndpointUrl = $server.EndpointUrl; CheckpointPath = $checkpoint; MaxWriteUnitsPerSecond = 600; MaxAttempts = 4 }
            Wait-Checkpoint $checkpoint -AtLeast 200 | Out-Null
            $server | Stop-LocalDynamo
            $results = $run.Shell.EndInvoke($run.Handle)
            $errors = @($run.Shell.Streams.Error)
            $run.Shell.Dispose()

            $errors.FullyQualifiedErrorId | Where-Object { $_ -like 'DynamoUnreachable,*' } | Should -HaveCount 1
            $written = ($results | Measure-Object ItemsWritten -Sum).Sum
            $written | Should -BeGreaterThan 0
            $written | Should -BeLessThan 4732
            ($errors | Where-Object { $_.FullyQualifiedErrorId -like 'DynamoUnreachable,*' }).Exception.Message | Should -Match "writing $('{0:N0}' -f $written) items"

            $server = Start-LocalDynamo -Port $server.Port -DataPath $data
            $settled = (Get-Content -Raw $checkpoint | ConvertFrom-Json).ItemsSettled
            $settled | Should -BeGreaterThan 0
            $resumed = Export-ChinookToDynamo -Path $Shipped -EndpointUrl $server.EndpointUrl -CheckpointPath $checkpoint -Resume
            ($resumed | Measure-Object ItemsWritten -Sum).Sum | Should -Be (4732 - $settled)
            ($resumed | Measure-Object Failed -Sum).Sum | Should -Be 0
            Get-ItemCount $server.EndpointUrl 'MusicCatalog' | Should -Be 4155
            Get-ItemCount $server.EndpointUrl 'CustomerOrders' | Should -Be 471
            Get-ItemCount $server.EndpointUrl 'Playlists' | Should -Be 32
            Get-ItemCount $server.EndpointUrl 'EmployeeManagement' | Should -Be 74
        }
        finally { $server | Stop-LocalDynamo }
    }

    It 'stops within two seconds of Ctrl+C, and nothing is written after' {
        $server = Start-LocalDynamo
        try {
            New-ChinookDynamoTable -EndpointUrl $server.EndpointUrl | Out-Null
            $checkpoint = Join-Path $Scratch 'stopped.json'
            $run = Start-Export @{ Path = $Shipped; EndpointUrl = $server.EndpointUrl; CheckpointPath = $checkpoint; MaxWriteUnitsPerSecond = 1000 }
            Wait-Checkpoint $checkpoint -AtLeast 100 | Out-Null
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $run.Shell.Stop()
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 2
            $run.Shell.InvocationStateInfo.State | Should -Be 'Stopped'
            $run.Shell.Dispose()

            $counts = { 'MusicCatalog', 'CustomerOrders', 'Playlists', 'EmployeeManagement' | ForEach-Object { Get-ItemCount $server.EndpointUrl $_ } }
            $after = & $counts
            Start-Sleep -Seconds 1
            & $counts | Should -Be $after
            ($after | Measure-Object -Sum).Sum | Should -BeLessThan 4732
            # What was written is on record: the checkpoint holds the settled items, for -Resume.
            (Get-Content -Raw $checkpoint | ConvertFrom-Json).ItemsSettled | Should -BeLessOrEqual ($after | Measure-Object -Sum).Sum
        }
        finally { $server | Stop-LocalDynamo }
    }
}

Describe 'Export-ChinookToDynamo after Ctrl+C in a console' {
    BeforeAll {
        $script:Endpoint = Get-TestEndpoint
        $script:Tables = 'MusicCatalog', 'CustomerOrders', 'Playlists', 'EmployeeManagement'
        # The export a user runs at a prompt, slowed down (one call in flight, 5 write units a second: a batch every
        # five seconds), so that Ctrl+C comes between two calls and no write is in flight when it lands.
        $script:ChildScript = Join-Path $Scratch 'console-export.ps1'
        Set-Content $ChildScript @'
param($ModulePath, $Mode, $SourcePath, $EndpointUrl, $TablePrefix, $CheckpointPath)
$PSStyle.OutputRendering = 'PlainText'
Import-Module $ModulePath
$slow = @{ EndpointUrl = $EndpointUrl; MaxConcurrency = 1; MaxWriteUnitsPerSecond = 5 }
if ($Mode -eq 'Path') {
    Export-ChinookToDynamo -Path $SourcePath -TablePrefix $TablePrefix -CheckpointPath $CheckpointPath @slow
}
else {
    ConvertTo-ChinookItem -Path $SourcePath -TablePrefix $TablePrefix | Export-ChinookToDynamo @slow
}
'@

        function script:Start-ConsoleExport([string] $Mode, [string] $Prefix, [string] $Checkpoint) {
            # A pwsh console of its own (the same pwsh as these tests), its output read as a user would see it.
            $dotnet = (Get-Command dotnet -CommandType Application | Select-Object -First 1).Source
            $arguments = @((Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive', '-File', $ChildScript,
                (Get-ChinookTestModulePath), $Mode, $Shipped, $Endpoint, $Prefix, $Checkpoint)
            $start = [System.Diagnostics.ProcessStartInfo]::new($dotnet)
            # A process started in the background of a shell without job control inherits SIGINT ignored, and
            # .NET then never sees Ctrl+C; GNU env restores the default, where it can.
            & env --default-signal=INT true 2>$null
            if ($LASTEXITCODE -eq 0) {
                $start.FileName = 'env'
                $arguments = @('--default-signal=INT', $dotnet) + $arguments
            }
            foreach ($argument in $arguments) { $start.ArgumentList.Add([string]$argument) }
            $start.UseShellExecute = $false
            $start.RedirectStandardInput = $true
            $start.RedirectStandardOutput = $true
            $start.RedirectStandardError = $true
            $process = [System.Diagnostics.Process]::Start($start)
            return [pscustomobject]@{ Process = $process; Output = $process.StandardOutput.ReadToEndAsync(); Errors = $process.StandardError.ReadToEndAsync() }
        }
        function script:Get-ItemCounts([string] $Prefix) {
            $counts = @{}
            foreach ($table in $Tables) {
                $request = @{ TableName = "$Prefix$table"; Select = 'COUNT'; ConsistentRead = $true }
                $counts[$table] = 0
                do {
                    $page = Send-DynamoJson -EndpointUrl $Endpoint -Operation Scan -Json ($request | ConvertTo-Json -Depth 10 -Compress)
                    $counts[$table] += $page.Count
                    $request.ExclusiveStartKey = $page.LastEvaluatedKey
                } while ($page.LastEvaluatedKey)
            }
            return $counts
        }
    }

    It 'tells the user what was written, per table, after a real SIGINT (<Mode>)' -ForEach @(
        @{ Mode = 'Path' }
        @{ Mode = 'Pipeline' }
    ) {
        if ($IsWindows) {
            Set-ItResult -Skipped -Because 'Windows has no SIGINT to send to another console process; the stop itself is tested above'
            return
        }
        $prefix = New-TestTablePrefix
        New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $prefix | Out-Null
        $checkpoint = Join-Path $Scratch "$prefix-console.json"
        $run = Start-ConsoleExport -Mode $Mode -Prefix $prefix -Checkpoint $checkpoint
        try {
            $deadline = [DateTime]::UtcNow.AddSeconds(120)
            while (((Get-ItemCounts $prefix).Values | Measure-Object -Sum).Sum -eq 0) {
                if ($run.Process.HasExited) { throw "The export ended before writing anything: $($run.Output.Result) $($run.Errors.Result)" }
                if ([DateTime]::UtcNow -gt $deadline) { throw 'The export wrote nothing in two minutes.' }
                Start-Sleep -Milliseconds 200
            }
            # The first batch has landed; the next one is seconds away. Let its answer reach the writer, then Ctrl+C.
            Start-Sleep -Milliseconds 700
            & kill -INT $run.Process.Id
            # A bound against a hang, not a measurement: the machine may be busy.
            $run.Process.WaitForExit(60000) | Should -BeTrue -Because 'Ctrl+C stops the export and its console'
            $run.Process.WaitForExit()
        }
        finally {
            if (-not $run.Process.HasExited) { $run.Process.Kill() }
        }
        $output = $run.Output.Result
        $run.Errors.Result.Trim() | Should -BeNullOrEmpty

        $summary = $output -split '\r?\n' | Where-Object { $_ -match 'Export-ChinookToDynamo stopped: ' } | Select-Object -First 1
        # Numbers as the child's culture writes them: 1,234 or 1.234 or 1 234.
        $number = "\d[\d\p{Zs},.']*"
        $summary | Should -Not -BeNullOrEmpty -Because "the output was: $output"
        $summary -match "^WARNING: Export-ChinookToDynamo stopped: $number items? written \((?<tables>[^)]*)\); $number items? received but not written\." |
            Should -BeTrue -Because "the summary was: $summary"
        $reported = @{}
        foreach ($part in $Matches.tables -split ', ') {
            $name, $count = $part -split ' ', 2
            $reported[$name] = [long]($count -replace '\D')
        }
        $actual = Get-ItemCounts $prefix
        $written = ($actual.Values | Measure-Object -Sum).Sum
        $written | Should -BeGreaterThan 0
        $written | Should -BeLessThan 4732
        foreach ($table in $Tables) {
            $(if ($reported.ContainsKey("$prefix$table")) { $reported["$prefix$table"] } else { 0 }) | Should -Be $actual[$table] -Because "the summary's count for $table is what the table holds"
        }
        if ($Mode -eq 'Path') {
            $summary | Should -BeLike "* Run the same command with -Resume to continue from checkpoint '$checkpoint'."
            (Get-Content -Raw $checkpoint | ConvertFrom-Json).ItemsSettled | Should -BeLessOrEqual $written
        }
        else {
            $summary | Should -Not -Match 'Resume'
        }
    }
}

Describe 'Export-ChinookToDynamo -Resume' {
    BeforeAll {
        $script:Endpoint = Get-TestEndpoint
    }

    It 'skips everything a finished run settled' {
        $prefix = New-TestTablePrefix
        New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $prefix | Out-Null
        $checkpoint = Join-Path $Scratch "$prefix.json"
        Export-ChinookToDynamo -Path $Shipped -EndpointUrl $Endpoint -TablePrefix $prefix -CheckpointPath $checkpoint | Out-Null
        (Get-Content -Raw $checkpoint | ConvertFrom-Json).ItemsSettled | Should -Be 4732
        $again = Export-ChinookToDynamo -Path $Shipped -EndpointUrl $Endpoint -TablePrefix $prefix -CheckpointPath $checkpoint -Resume -Verbose 4>&1
        $again | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] } | Should -BeNullOrEmpty
        $again | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match 'first 4,732 items are settled' } | Should -Not -BeNullOrEmpty
    }

    It 'refuses a damaged checkpoint instead of starting over' {
        $checkpoint = Join-Path $Scratch 'damaged.json'
        Set-Content $checkpoint '{ "Format": 1, "ItemsSettled": 12'
        $result = Export-ChinookToDynamo -Path $Shipped -EndpointUrl $Endpoint -TablePrefix (New-TestTablePrefix) -CheckpointPath $checkpoint -Resume -ErrorVariable errors -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'CheckpointUnusable,*'
        $errors[0].Exception.Message | Should -Match 'damaged'
    }

    It 'refuses a checkpoint written for another target' {
        $prefix = New-TestTablePrefix
        New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $prefix -TableName Playlists | Out-Null
        $checkpoint = Join-Path $Scratch "$prefix-other.json"
        ConvertTo-ChinookItem -Path $Shipped -TableName Playlists -TablePrefix $prefix | Export-ChinookToDynamo -EndpointUrl $Endpoint | Out-Null
        Export-ChinookToDynamo -Path $Shipped -EndpointUrl $Endpoint -TablePrefix $prefix -CheckpointPath $checkpoint -WarningAction SilentlyContinue -ErrorAction SilentlyContinue | Out-Null
        Export-ChinookToDynamo -Path $Shipped -EndpointUrl $Endpoint -TablePrefix 'other-' -CheckpointPath $checkpoint -Resume -ErrorVariable errors -ErrorAction SilentlyContinue | Out-Null
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'CheckpointUnusable,*'
        $errors[0].Exception.Message | Should -Match 'another selection'
    }
}
