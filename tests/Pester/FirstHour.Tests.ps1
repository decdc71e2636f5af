# The first hour at the prompt (issue 19): what an admin meets before the data moves. Each case as a user meets
# it: checkpoints that stay out of the home folder, -Resume after a rollback, an endpoint out of reach, -Quiet in a
# runbook, mistyped values, and a No at the -Confirm prompt.
BeforeDiscovery {
    # Every cmdlet that talks to DynamoDB, with the arguments it cannot do without.
    $DynamoCmdlets = @(
        @{ Name = 'New-ChinookDynamoTable'; Arguments = @{} }
        @{ Name = 'Remove-ChinookDynamoTable'; Arguments = @{ Confirm = $false } }
        @{ Name = 'Get-ChinookDynamoTable'; Arguments = @{} }
        @{ Name = 'Export-ChinookToDynamo'; Arguments = @{} }
        @{ Name = 'Test-ChinookMigration'; Arguments = @{} }
        @{ Name = 'Get-ChinookArtistCatalog'; Arguments = @{ ArtistId = 1 } }
        @{ Name = 'Find-ChinookTrack'; Arguments = @{ Name = 'Balls to the Wall' } }
        @{ Name = 'Get-ChinookCustomerOrder'; Arguments = @{ CustomerId = 1 } }
        @{ Name = 'Get-ChinookEmployee'; Arguments = @{ EmployeeId = 1 } }
        @{ Name = 'Get-ChinookPlaylist'; Arguments = @{ PlaylistId = 1 } }
    )
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ChinookTestModulePath) -Force
    $script:Endpoint = Get-TestEndpoint
    $script:Shipped = Get-ShippedDatabasePath
    $script:Scratch = New-ScratchFolder
    # A loopback port where nothing listens: taken from the OS, then let go.
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start(); $script:ClosedPort = $listener.LocalEndpoint.Port; $listener.Stop()
    $script:Closed = "http://127.0.0.1:$ClosedPort"
    $script:ShippedItemCount = 4732

    function script:Get-SetupError {
        <# The errors a call wrote and threw: a cmdlet's setup error surfaces as one terminating ErrorRecord. #>
        param([string] $Name, [hashtable] $Arguments)
        $errors = @()
        try { & $Name @Arguments -ErrorVariable written -ErrorAction Continue 2>$null | Out-Null; $errors = @($written) }
        # The error variable holds a terminating error as its exception; the catch has its ErrorRecord.
        catch { $errors = @(@($written) | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }) + @($_) }
        return , @($errors)
    }

    function script:Start-RejectingEndpoint {
        <# A loopback HTTP endpoint that answers every request as DynamoDB answers keys it does not know. #>
        $http = [System.Net.HttpListener]::new()
        $port = $null
        foreach ($attempt in 1..10) {
            $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
            $probe.Start(); $port = $probe.LocalEndpoint.Port; $probe.Stop()
            $http = [System.Net.HttpListener]::new()
            $http.Prefixes.Add("http://127.0.0.1:$port/")
            try { $http.Start(); break } catch { $http = $null }
        }
        $shell = [powershell]::Create()
        [void]$shell.AddScript({
                param($http)
                $body = [Text.Encoding]::UTF8.GetBytes('{"__type":"com.amazon.coral.service#UnrecognizedClientException","message":"The security token included in the request is invalid."}')
                while ($http.IsListening) {
                    try { $context = $http.GetContext() } catch { break }
                    $context.Response.StatusCode = 400
                    $context.Response.ContentType = 'application/x-amz-json-1.0'
                    $context.Response.Headers.Add('x-amzn-ErrorType', 'UnrecognizedClientException')
                    $context.Response.OutputStream.Write($body, 0, $body.Length)
                    $context.Response.Close()
                }
            }).AddArgument($http)
        $handle = $shell.BeginInvoke()
        return [pscustomobject]@{ EndpointUrl = "http://127.0.0.1:$port"; Listener = $http; Shell = $shell; Handle = $handle }
    }
}

AfterAll {
    Remove-Item $Scratch -Recurse -Force -ErrorAction Ignore
}

Describe 'Checkpoints stay out of the home folder' {
    It 'the Pester run keeps checkpoints in a temporary folder of its own, outside the home folder' {
        $env:CHINOOK_CHECKPOINT_FOLDER | Should -Not -BeNullOrEmpty -Because 'build.ps1 sets it for the tests'
        $env:CHINOOK_CHECKPOINT_FOLDER | Should -BeLike "$([System.IO.Path]::GetTempPath())*"
        $env:CHINOOK_CHECKPOINT_FOLDER | Should -Not -BeLike "$HOME*"
    }

    It 'an export without -CheckpointPath writes its checkpoint to CHINOOK_CHECKPOINT_FOLDER, or to -CheckpointFolder, and nothing to the data folder' -Skip:($IsWindows -or $IsMacOS) {
        $prefix = New-TestTablePrefix
        New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $prefix | Out-Null
        $home2 = Join-Path $Scratch 'home'
        $data = Join-Path $Scratch 'data'
        $fromEnvironment = Join-Path $Scratch 'from-env'
        $fromParameter = Join-Path $Scratch 'from-parameter'
        # A fresh pwsh whose home and data folders are scratch ones: what lands there is what would land in the user's.
        $output = Invoke-FreshPwsh @"
`$env:HOME = '$home2'; `$env:XDG_DATA_HOME = '$data'; `$env:CHINOOK_CHECKPOINT_FOLDER = '$fromEnvironment'
Import-Module '$(Get-ChinookTestModulePath)'
`$results = Export-ChinookToDynamo -EndpointUrl '$Endpoint' -TablePrefix '$prefix'
Export-ChinookToDynamo -EndpointUrl '$Endpoint' -TablePrefix '$prefix' -CheckpointFolder '$fromParameter' | Out-Null
'written=' + (`$results | Measure-Object ItemsWritten -Sum).Sum
"@
        $LASTEXITCODE | Should -Be 0 -Because "$output"
        "$output" | Should -Match "written=$ShippedItemCount"
        $checkpoint = @(Get-ChildItem $fromEnvironment -Filter *.json)
        $checkpoint.Count | Should -Be 1
        (Get-Content -Raw $checkpoint[0].FullName | ConvertFrom-Json).ItemsSettled | Should -Be $ShippedItemCount
        @(Get-ChildItem $fromParameter -Filter *.json).Count | Should -Be 1
        Test-Path (Join-Path $data 'ChinookMigration') | Should -BeFalse
        Test-Path (Join-Path $home2 '.local/share/ChinookMigration') | Should -BeFalse
    }

    It 'without the variable or a parameter, the checkpoint goes to the data folder the help names' -Skip:($IsWindows -or $IsMacOS) {
        $prefix = New-TestTablePrefix
        New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $prefix | Out-Null
        $data = Join-Path $Scratch 'data-default'
        $output = Invoke-FreshPwsh @"
`$env:XDG_DATA_HOME = '$data'; Remove-Item Env:CHINOOK_CHECKPOINT_FOLDER -ErrorAction Ignore
Import-Module '$(Get-ChinookTestModulePath)'
Export-ChinookToDynamo -EndpointUrl '$Endpoint' -TablePrefix '$prefix' | Out-Null
"@
        $LASTEXITCODE | Should -Be 0 -Because "$output"
        @(Get-ChildItem (Join-Path $data 'ChinookMigration/checkpoints') -Filter *.json).Count | Should -Be 1
    }

    It 'the help names the checkpoint folder parameter and the environment variable' {
        $help = Get-Help Export-ChinookToDynamo -Full | Out-String -Width 400
        $help | Should -Match 'CHINOOK_CHECKPOINT_FOLDER'
        $help | Should -Match '-CheckpointFolder'
        (Get-Help Export-ChinookToDynamo -Parameter CheckpointFolder | Out-String -Width 400) | Should -Match 'CHINOOK_CHECKPOINT_FOLDER'
    }
}

Describe '-Resume after a rollback' {
    BeforeAll {
        $script:Prefix = New-TestTablePrefix
        $script:Checkpoint = Join-Path $Scratch "$Prefix-rollback.json"
        New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $Prefix | Out-Null
        Export-ChinookToDynamo -Path $Shipped -EndpointUrl $Endpoint -TablePrefix $Prefix -CheckpointPath $Checkpoint | Out-Null
    }

    It 'writes every item again into tables deleted and created anew, with a warning that says why' {
        $before = Get-Content -Raw $Checkpoint | ConvertFrom-Json
        $before.ItemsSettled | Should -Be $ShippedItemCount
        @($before.Tables).Count | Should -Be 4
        Remove-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $Prefix -Confirm:$false | Out-Null
        New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $Prefix | Out-Null

        $results = Export-ChinookToDynamo -Path $Shipped -EndpointUrl $Endpoint -TablePrefix $Prefix -CheckpointPath $Checkpoint -Resume -WarningVariable warnings 3>$null

        ($results | Measure-Object ItemsWritten -Sum).Sum | Should -Be $ShippedItemCount
        @(Get-DynamoTableItem -EndpointUrl $Endpoint -TableName "$($Prefix)Playlists").Count | Should -Be 32
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike "Checkpoint '$Checkpoint' is not used: $($Prefix)MusicCatalog was created anew at *Writing every item from the beginning."
        $after = Get-Content -Raw $Checkpoint | ConvertFrom-Json
        ($after.Tables | Where-Object TableName -eq "$($Prefix)MusicCatalog").CreatedUtc | Should -Not -Be ($before.Tables | Where-Object TableName -eq "$($Prefix)MusicCatalog").CreatedUtc
    }

    It 'skips the settled items of the same tables, for a copy of the source elsewhere (the content counts, not the path)' {
        $copy = Join-Path $Scratch 'copy-of-shipped.sqlite'
        Copy-Item $Shipped $copy
        $results = Export-ChinookToDynamo -Path $copy -EndpointUrl $Endpoint -TablePrefix $Prefix -CheckpointPath $Checkpoint -Resume -WarningVariable warnings -Verbose 4>&1 3>$null
        $warnings.Count | Should -Be 0
        @($results | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and "$_" -like 'Resuming: the first 4,732 items*' }).Count | Should -Be 1
        @($results | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] -and $_.ItemsWritten -gt 0 }).Count | Should -Be 0
    }

    It 'refuses, with a clear error, a checkpoint written for another source' {
        $other = Join-Path $Scratch 'changed.sqlite'
        Copy-Item $Shipped $other
        Invoke-Sqlite -Path $other -Sql "UPDATE Artist SET Name = 'Changed' WHERE ArtistId = 1"
        $results = Export-ChinookToDynamo -Path $other -EndpointUrl $Endpoint -TablePrefix $Prefix -CheckpointPath $Checkpoint -Resume -ErrorVariable errors -ErrorAction SilentlyContinue
        @($results).Count | Should -Be 0
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'CheckpointUnusable,*'
        "$($errors[0])" | Should -BeLike "*was written for another source: '$Shipped' with SHA-256 *, but '$other' has SHA-256 *: resume refused."
        $errors[0].ErrorDetails.RecommendedAction | Should -Match 'source the checkpoint was written for'
    }
}

Describe 'An endpoint that cannot be reached, or keys it rejects: one setup error, at once' {
    It '<Name> against a port where nothing listens stops with one DynamoUnreachable error naming the endpoint' -ForEach $DynamoCmdlets {
        $errors = Get-SetupError -Name $Name -Arguments ($Arguments + @{ EndpointUrl = $Closed })
        $errors.Count | Should -Be 1 -Because ($errors -join ' | ')
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'DynamoUnreachable,*'
        $errors[0].CategoryInfo.Category | Should -Be 'ConnectionError'
        "$($errors[0])" | Should -BeLike "Cannot reach $Closed/*"
        $errors[0].ErrorDetails.RecommendedAction | Should -Match 'EndpointUrl'
    }

    It 'Export-ChinookToDynamo stops before the command upstream hands over a single item' {
        $script:handed = 0
        $thrown = $null
        try { ConvertTo-ChinookItem | ForEach-Object { $script:handed++; $_ } | Export-ChinookToDynamo -EndpointUrl $Closed -ErrorVariable written 2>$null | Out-Null }
        catch { $thrown = $_ }
        $script:handed | Should -Be 0
        $thrown.FullyQualifiedErrorId | Should -BeLike 'DynamoUnreachable,*'
        @($written | Where-Object { $_.FullyQualifiedErrorId -like 'ItemWrite*' }).Count | Should -Be 0
    }

    It 'a host name that does not resolve is DynamoUnreachable' {
        $errors = Get-SetupError -Name Get-ChinookDynamoTable -Arguments @{ EndpointUrl = 'http://chinook-no-such-host.invalid:8000'; AccessKey = 'AKIAEXAMPLEKEY123456'; SecretKey = 'example' }
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'DynamoUnreachable,*'
        "$($errors[0])" | Should -BeLike 'Cannot reach http://chinook-no-such-host.invalid:8000/*'
    }

    It 'a server that takes the connection but never answers is DynamoUnreachable after the probe''s short timeout' {
        $silent = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $silent.Start()
        try {
            $url = "http://127.0.0.1:$($silent.LocalEndpoint.Port)"
            $errors = Get-SetupError -Name Get-ChinookDynamoTable -Arguments @{ EndpointUrl = $url }
            $errors.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'DynamoUnreachable,*'
            "$($errors[0])" | Should -Be "Cannot reach $url/: no answer within 5 s."
        }
        finally { $silent.Stop() }
    }

    It 'https to a server that speaks plain http (a refused TLS handshake) is DynamoUnreachable' {
        $https = $Endpoint -replace '^http:', 'https:'
        $errors = Get-SetupError -Name Export-ChinookToDynamo -Arguments @{ EndpointUrl = $https; CheckpointPath = (Join-Path $Scratch 'tls.json') }
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'DynamoUnreachable,*'
        "$($errors[0])" | Should -BeLike "Cannot reach $https/*"
    }

    It 'keys the endpoint does not know are one CredentialsRejected error, naming where they came from but no secret' {
        $fake = Start-RejectingEndpoint
        try {
            $errors = Get-SetupError -Name Export-ChinookToDynamo -Arguments @{ EndpointUrl = $fake.EndpointUrl; AccessKey = 'AKIAEXAMPLEKEY123456'; SecretKey = 'not-the-secret-xyz'; CheckpointPath = (Join-Path $Scratch 'keys.json') }
            $errors.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'CredentialsRejected,*'
            $errors[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
            "$($errors[0])" | Should -BeLike "$($fake.EndpointUrl)/ rejected the credentials (credentials: explicit access key AKIA****3456)*UnrecognizedClientException*"
            "$($errors[0])" | Should -Not -Match 'not-the-secret'
            $errors[0].ErrorDetails.RecommendedAction | Should -Match 'access key'
        }
        finally {
            $fake.Listener.Stop(); $fake.Listener.Close(); $fake.Shell.Dispose()
        }
    }
}

Describe 'Test-ChinookMigration -Quiet in a runbook' {
    BeforeAll {
        $script:Prefix = New-TestTablePrefix
        New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $Prefix | Out-Null
        Export-ChinookToDynamo -EndpointUrl $Endpoint -TablePrefix $Prefix | Out-Null
        $script:At = @{ EndpointUrl = $Endpoint; TablePrefix = $Prefix; Kind = 'RecordCount' }
    }

    It 'answers $true, and nothing else, for a proven migration' {
        $answer = @(Test-ChinookMigration -Quiet @At -ErrorAction Stop)
        $answer.Count | Should -Be 1
        $answer[0] | Should -BeOfType [bool]
        $answer[0] | Should -BeTrue
    }

    It 'answers $false, without throwing, for a missing table under -ErrorAction Stop and $ErrorActionPreference = Stop' {
        $broken = New-TestTablePrefix
        New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $broken -TableName MusicCatalog, CustomerOrders, EmployeeManagement | Out-Null
        $at = @{ EndpointUrl = $Endpoint; TablePrefix = $broken; Kind = 'RecordCount' }
        $answer = @(Test-ChinookMigration -Quiet @at -ErrorAction Stop)
        $answer.Count | Should -Be 1
        $answer[0] | Should -BeOfType [bool]
        $answer[0] | Should -BeFalse
        $runbook = {
            $ErrorActionPreference = 'Stop'
            if (Test-ChinookMigration -Quiet @at) { 'proven' } else { 'not proven' }
        }
        & $runbook | Should -Be 'not proven'
    }

    It 'answers $false for a source that is not there, and says why with -Verbose' {
        $missing = Join-Path $Scratch 'no-such.sqlite'
        $answer = @(Test-ChinookMigration -Quiet @At -Path $missing -ErrorAction Stop -Verbose 4>&1)
        @($answer | Where-Object { $_ -is [bool] }).Count | Should -Be 1
        @($answer | Where-Object { $_ -is [bool] })[0] | Should -BeFalse
        @($answer | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and "$_" -like 'Not proven:*SourceNotFound*' }).Count | Should -Be 1
    }
}

Describe 'Mistyped values are refused before anything is contacted' {
    # The endpoint is one where nothing listens: an error other than DynamoUnreachable proves nothing was contacted.
    It '<Name> refuses a region that does not exist, naming it and the regions there are' -ForEach $DynamoCmdlets {
        $errors = Get-SetupError -Name $Name -Arguments ($Arguments + @{ Region = 'us-east-99' })
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidRegion,*'
        "$($errors[0])" | Should -BeLike "'us-east-99' is not an AWS region. Regions the AWS SDK knows: *eu-west-1*us-east-1*"
    }

    It '<Name> refuses a table prefix that makes a table name DynamoDB refuses' -ForEach $DynamoCmdlets {
        foreach ($prefix in 'dev prod-', ('x' * 240)) {
            $errors = Get-SetupError -Name $Name -Arguments ($Arguments + @{ EndpointUrl = $Closed; TablePrefix = $prefix })
            $errors.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidTablePrefix,*'
            "$($errors[0])" | Should -BeLike "*$prefix*"
        }
    }

    It '<Name> refuses an endpoint that is not an http(s) URL' -ForEach $DynamoCmdlets {
        $errors = Get-SetupError -Name $Name -Arguments ($Arguments + @{ EndpointUrl = '127.0.0.1:8000' })
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidEndpointUrl,*'
        "$($errors[0])" | Should -BeLike "*'127.0.0.1:8000'*http://127.0.0.1:8000*"
    }

    It '<Name> refuses a -ProfileLocation that is a folder' -ForEach $DynamoCmdlets {
        $errors = Get-SetupError -Name $Name -Arguments ($Arguments + @{ EndpointUrl = $Closed; ProfileLocation = $Scratch })
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidProfileLocation,*'
        "$($errors[0])" | Should -Be "'$Scratch' is a folder; the profile location is a shared credentials file, such as ~/.aws/credentials."
    }

    It '<_> refuses a source path that is a folder' -ForEach 'Export-ChinookToDynamo', 'Test-ChinookMigration', 'ConvertTo-ChinookItem', 'Get-ChinookSourceStats' {
        $arguments = @{ Path = $Scratch }
        if ($_ -in 'Export-ChinookToDynamo', 'Test-ChinookMigration') { $arguments.EndpointUrl = $Closed }
        $errors = Get-SetupError -Name $_ -Arguments $arguments
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'SourceIsFolder,*'
        "$($errors[0])" | Should -BeLike "'$Scratch' is a folder; a source database is a SQLite file*"
    }

    It 'Export-ChinookToDynamo refuses a -CheckpointPath that is a folder, a -CheckpointFolder that is a file, and both at once' {
        $file = Join-Path $Scratch 'a-file.json'
        Set-Content $file '{}'
        $cases = @(
            @{ Arguments = @{ CheckpointPath = $Scratch }; Id = 'CheckpointPathIsFolder' }
            @{ Arguments = @{ CheckpointFolder = $file }; Id = 'CheckpointFolderIsFile' }
            @{ Arguments = @{ CheckpointPath = $file; CheckpointFolder = $Scratch }; Id = 'CheckpointPathAndFolder' }
        )
        foreach ($case in $cases) {
            $errors = Get-SetupError -Name Export-ChinookToDynamo -Arguments ($case.Arguments + @{ EndpointUrl = $Closed })
            $errors.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike "$($case.Id),*"
        }
    }
}

Describe 'A No at the -Confirm prompt' -Skip:$IsWindows {
    BeforeAll {
        function script:Wait-Until([scriptblock] $Condition, [int] $Seconds = 60) {
            $deadline = [DateTime]::UtcNow.AddSeconds($Seconds)
            while ([DateTime]::UtcNow -lt $deadline) {
                if (& $Condition) { return $true }
                Start-Sleep -Milliseconds 200
            }
            return $false
        }

        function script:Invoke-AnsweringNo {
            <#
            Runs a command at a real prompt (pwsh under tmux) and answers 'No to All' at its -Confirm prompt; returns
            what the command output, as JSON objects.
            #>
            param([string] $Command)
            $out = Join-Path $Scratch ([guid]::NewGuid().ToString('N') + '.json')
            $session = 'chinook-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
            $env:TERM = if ($env:TERM) { $env:TERM } else { 'xterm' }
            & tmux new-session -d -s $session -x 250 -y 50 "dotnet '$(Join-Path $PSHOME 'pwsh.dll')' -NoProfile -NoLogo"
            try {
                Wait-Until { (& tmux capture-pane -p -t $session) -match '^PS ' } | Should -BeTrue -Because 'pwsh shows its prompt'
                & tmux send-keys -t $session -l "`$env:CHINOOK_CHECKPOINT_FOLDER = '$env:CHINOOK_CHECKPOINT_FOLDER'; Import-Module '$(Get-ChinookTestModulePath)'; `$r = @($Command); ConvertTo-Json -InputObject `$r -Depth 3 | Set-Content '$out'"
                & tmux send-keys -t $session Enter
                Wait-Until { (& tmux capture-pane -p -t $session) -match '\[L\] No to All' } | Should -BeTrue -Because 'the command asks'
                & tmux send-keys -t $session -l 'L'
                & tmux send-keys -t $session Enter
                Wait-Until { Test-Path $out } | Should -BeTrue -Because ((& tmux capture-pane -p -t $session) -join "`n")
                Start-Sleep -Milliseconds 300
                return @(Get-Content -Raw $out | ConvertFrom-Json)
            }
            finally {
                & tmux kill-session -t $session 2>$null
            }
        }
    }

    It 'New-ChinookDynamoTable reports each table declined and creates none' {
        $prefix = New-TestTablePrefix
        $results = Invoke-AnsweringNo "New-ChinookDynamoTable -EndpointUrl '$Endpoint' -TablePrefix '$prefix' -Confirm"
        @($results.Status | Sort-Object -Unique) | Should -Be @('Declined')
        $results.Count | Should -Be 4
        @(Get-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $prefix | Where-Object Status -ne 'NotFound').Count | Should -Be 0
    }

    It 'Export-ChinookToDynamo reports each table declined, with nothing written and no checkpoint' {
        $prefix = New-TestTablePrefix
        New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $prefix | Out-Null
        $checkpoint = Join-Path $Scratch "$prefix.json"
        $results = Invoke-AnsweringNo "Export-ChinookToDynamo -EndpointUrl '$Endpoint' -TablePrefix '$prefix' -CheckpointPath '$checkpoint' -Confirm"
        $results.Count | Should -Be 4
        @($results.Status | Sort-Object -Unique) | Should -Be @(5)   # TableWriteStatus.Declined, as ConvertTo-Json writes an enum
        ($results | Measure-Object ItemsWritten -Sum).Sum | Should -Be 0
        @(Get-DynamoTableItem -EndpointUrl $Endpoint -TableName "$($prefix)MusicCatalog").Count | Should -Be 0
        Test-Path $checkpoint | Should -BeFalse
    }

    It 'Remove-ChinookDynamoTable reports each table declined and deletes none' {
        $prefix = New-TestTablePrefix
        New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $prefix | Out-Null
        $results = Invoke-AnsweringNo "Remove-ChinookDynamoTable -EndpointUrl '$Endpoint' -TablePrefix '$prefix' -Confirm"
        @($results.Status | Sort-Object -Unique) | Should -Be @('Declined')
        $results.Count | Should -Be 4
        @(Get-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $prefix | Where-Object Status -eq 'ACTIVE').Count | Should -Be 4
    }
}
