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
