# The local DynamoDB server of the README's tour (tools/LocalDynamo) as an admin meets it at a prompt: it says
# where it listens, survives Ctrl+C pressed in the shell that started it, and Stop-LocalDynamo ends exactly it.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $repo = if ($env:CHINOOK_REPO_ROOT) { $env:CHINOOK_REPO_ROOT } else { Join-Path $PSScriptRoot '../..' }
    $script:LocalDynamoModule = Join-Path $repo 'tools/LocalDynamo/LocalDynamo.psm1'
    Import-Module $LocalDynamoModule -Force
    Import-Module (Get-ChinookTestModulePath) -Force

    function Test-Listening([int] $Port) {
        $client = [System.Net.Sockets.TcpClient]::new()
        try { $client.Connect([System.Net.IPAddress]::Loopback, $Port); return $true }
        catch { return $false }
        finally { $client.Dispose() }
    }
}

Describe 'Start-LocalDynamo' {
    It 'says where it listens, and returns the endpoint for the tour''s $s.EndpointUrl' {
        $server = Start-LocalDynamo -InformationVariable said 6>$null
        try {
            $server.EndpointUrl | Should -Be "http://127.0.0.1:$($server.Port)"
            "$said" | Should -Match ([regex]::Escape($server.EndpointUrl))
            "$said" | Should -Match "process $($server.ProcessId)"
            $prefix = New-TestTablePrefix
            $created = New-ChinookDynamoTable -EndpointUrl $server.EndpointUrl -AccessKey local -SecretKey local -TablePrefix $prefix -TableName Playlists
            $created.Status | Should -Be 'Created'
        }
        finally { $server | Stop-LocalDynamo }
        Wait-Until { -not (Get-Process -Id $server.ProcessId -ErrorAction Ignore) } -Seconds 15 | Should -BeTrue
    }

    It 'survives Ctrl+C pressed at the prompt that started it, under a real terminal' -Skip:$IsWindows {
        # tmux gives pwsh a pseudo-terminal; send-keys C-c makes the terminal signal its foreground process group,
        # exactly as a key press at a prompt does.
        $scratch = New-ScratchFolder
        $pidFile = Join-Path $scratch 'server.json'
        $session = Start-TerminalPwsh
        $server = $null
        try {
            Wait-Until { (Get-TerminalText $session) -match '(?m)^PS ' } | Should -BeTrue -Because 'pwsh shows its prompt'
            Send-TerminalKeys $session "Import-Module '$LocalDynamoModule'; `$s = Start-LocalDynamo; `$s | ConvertTo-Json | Set-Content '$pidFile'; Start-Sleep -Seconds 600"
            Wait-Until { Test-Path $pidFile } | Should -BeTrue -Because 'the server starts from the prompt'
            $server = Get-Content -Raw $pidFile | ConvertFrom-Json
            Test-Listening $server.Port | Should -BeTrue

            Send-TerminalKeys $session -Key C-c
            # The prompt comes back (Start-Sleep was interrupted) while the server goes on answering.
            Send-TerminalKeys $session "'prompt-' + 'back'"
            Wait-Until { (Get-TerminalText $session) -match 'prompt-back' } -Seconds 30 | Should -BeTrue
            Start-Sleep -Seconds 1
            Get-Process -Id $server.ProcessId -ErrorAction Ignore | Should -Not -BeNullOrEmpty -Because 'Ctrl+C must not reach the server'
            Test-Listening $server.Port | Should -BeTrue

            Send-TerminalKeys $session '$s | Stop-LocalDynamo'
            Wait-Until { -not (Get-Process -Id $server.ProcessId -ErrorAction Ignore) } -Seconds 15 | Should -BeTrue
        }
        finally {
            Stop-TerminalPwsh $session
            if ($server) { Stop-Process -Id $server.ProcessId -Force -ErrorAction Ignore }
            Remove-Item $scratch -Recurse -Force -ErrorAction Ignore
        }
    }
}

Describe 'Stop-LocalDynamo' {
    It 'leaves alone a process that only has the server''s old process id' {
        $other = Start-Process -FilePath (Get-Command node).Source -ArgumentList '-e', 'setTimeout(() => {}, 60000)' -PassThru
        try {
            Stop-LocalDynamo -ProcessId $other.Id -StartTime $other.StartTime.AddMinutes(-5) -WarningVariable warned 3>$null
            Get-Process -Id $other.Id -ErrorAction Ignore | Should -Not -BeNullOrEmpty
            "$warned" | Should -Match "Process $($other.Id) is not the server"
        }
        finally { Stop-Process -Id $other.Id -Force -ErrorAction Ignore }
    }
}
