# Bad sources, as Export-ChinookToDynamo meets them in a migration: a clear error naming the file (and the table and
# row where one is at fault), the rest of the data still processed where that makes sense, and the file unchanged.
# -WhatIf converts and counts everything without writing, which is all these cases need.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ChinookTestModulePath) -Force
    $script:Shipped = Get-ShippedDatabasePath
    $script:Scratch = New-ScratchFolder
    $script:Endpoint = Get-TestEndpoint

    function script:New-BadCopy([string] $Name, [string] $Sql) {
        $path = Join-Path $Scratch "$Name.sqlite"
        Copy-Item $Shipped $path
        if ($Sql) { Invoke-Sqlite -Path $path -Sql $Sql }
        return $path
    }
    function script:Invoke-Export([string] $Path) {
        $before = (Get-FileHash $Path).Hash
        $results = Export-ChinookToDynamo -Path $Path -EndpointUrl $Endpoint -TablePrefix (New-TestTablePrefix) -WhatIf `
            -ErrorVariable errors -ErrorAction SilentlyContinue -WarningAction SilentlyContinue 6>$null
        (Get-FileHash $Path).Hash | Should -Be $before -Because 'the source is read-only to the module'
        return [pscustomobject]@{ Items = ($results | Measure-Object ItemsReceived -Sum).Sum; Errors = @($errors) }
    }
}

AfterAll {
    Remove-Item $script:Scratch -Recurse -Force -ErrorAction Ignore
}

Describe 'Export-ChinookToDynamo with a bad source' {
    It 'names the file of a truncated database' {
        $path = Join-Path $Scratch 'truncated.sqlite'
        $bytes = [IO.File]::ReadAllBytes($Shipped)
        [IO.File]::WriteAllBytes($path, $bytes[0..(100KB - 1)])
        $run = Invoke-Export $path
        $run.Errors.Count | Should -BeGreaterThan 0
        $run.Errors[0].FullyQualifiedErrorId | Should -Match '^Source(Unreadable|NotSqlite),'
        $run.Errors[0].Exception.Message | Should -Match ([regex]::Escape($path))
    }

    It 'names the file of a database whose pages are damaged' {
        $path = Join-Path $Scratch 'corrupt.sqlite'
        $bytes = [IO.File]::ReadAllBytes($Shipped)
        # Scribble over a run of pages in the middle of the file; the header stays intact.
        for ($i = 400KB; $i -lt 600KB; $i++) { $bytes[$i] = 0x5A }
        [IO.File]::WriteAllBytes($path, $bytes)
        $run = Invoke-Export $path
        $run.Errors.Count | Should -BeGreaterThan 0
        $run.Errors[0].FullyQualifiedErrorId | Should -Match '^Source(Unreadable|NotSqlite),'
        $run.Errors[0].Exception.Message | Should -Match ([regex]::Escape($path))
    }

    It 'says the database is locked while another process writes to it' {
        $path = New-BadCopy 'locked'
        $lock = Start-SqliteWriteLock -Path $path -Seconds 30
        try {
            $run = Invoke-Export $path
        }
        finally { Stop-Process -Id $lock.Id -Force -ErrorAction Ignore; $lock.WaitForExit(10000) | Out-Null }
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'SourceLocked,*'
        $run.Errors[0].CategoryInfo.Category | Should -Be 'ResourceBusy'
        $run.Errors[0].Exception.Message | Should -Match ([regex]::Escape($path))
    }

    It 'names a missing table' {
        $run = Invoke-Export (New-BadCopy 'no-genre' 'DROP TABLE Genre;')
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'SourceMissingTables,*'
        $run.Errors[0].Exception.Message | Should -Match 'Genre'
    }

    It 'names a missing column' {
        $run = Invoke-Export (New-BadCopy 'no-composer' 'ALTER TABLE Track DROP COLUMN Composer;')
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'SourceMissingColumns,*'
        $run.Errors[0].Exception.Message | Should -Match 'Track\.Composer'
    }

    It 'names table, row and column of <Case>, and converts the rest' -ForEach @(
        @{ Case = 'text where a number belongs'; Sql = "UPDATE Track SET Milliseconds = 'long' WHERE TrackId = 5;"; Id = 'InvalidSourceValue'; Row = 'TrackId=5'; Table = 'Track' }
        # SQLite itself keeps NULL out of a NOT NULL column, so the copy's schema loses the constraint first, as a
        # database written by a laxer tool would.
        @{ Case = 'NULL where the schema says NOT NULL'; Id = 'InvalidSourceValue'; Row = 'CustomerId=7'; Table = 'Customer'
           Sql = "PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = replace(sql, '[Email] NVARCHAR(60)  NOT NULL', '[Email] NVARCHAR(60)') WHERE name = 'Customer';"
           Then = "UPDATE Customer SET Email = NULL WHERE CustomerId = 7;" }
        @{ Case = 'an invoice line whose invoice does not exist'; Sql = "UPDATE InvoiceLine SET InvoiceId = 99999 WHERE InvoiceLineId = 1;"; Id = 'OrphanSourceRow'; Row = 'InvoiceLineId=1'; Table = 'InvoiceLine' }
        @{ Case = 'a row too large for any DynamoDB item'; Sql = "UPDATE Track SET Composer = hex(zeroblob(210000)) WHERE TrackId = 9;"; Id = 'SourceRowTooLarge'; Row = 'TrackId=9'; Table = 'Track' }
    ) {
        $path = New-BadCopy ($Id + [guid]::NewGuid().ToString('N').Substring(0, 6)) $Sql
        if ($Then) { Invoke-Sqlite -Path $path -Sql $Then }
        $run = Invoke-Export $path
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike "$Id,*"
        $run.Errors[0].Exception.Message | Should -Match ([regex]::Escape((Split-Path $path -Leaf)))
        $run.Errors[0].Exception.Message | Should -Match $Table
        $run.Errors[0].Exception.Message | Should -Match $Row
        $run.Items | Should -BeGreaterThan 4700
    }

    It 'keeps an album whose artist does not exist, and reports the orphan in the data-quality view' {
        $path = New-BadCopy 'orphan-album' 'UPDATE Album SET ArtistId = 9999 WHERE AlbumId = 2;'
        $run = Invoke-Export $path
        $run.Errors | Should -BeNullOrEmpty
        $run.Items | Should -Be 4732
        (Get-ChinookSourceStats -Path $path -DataQuality | Where-Object { $_.Check -eq 'OrphanForeignKey' -and $_.Table -eq 'Album' }).Count | Should -Be 1
    }
}

Describe 'Export-ChinookToDynamo with bad parameters' {
    It 'refuses <Case> before any request' -ForEach @(
        @{ Case = 'a table prefix DynamoDB would refuse'; Arguments = @{ TablePrefix = 'bad prefix!' }; Id = 'InvalidTablePrefix' }
        @{ Case = 'an endpoint that is not a URL'; Arguments = @{ EndpointUrl = 'not a url' }; Id = 'InvalidEndpointUrl' }
        @{ Case = 'a region that does not exist'; Arguments = @{ Region = 'moon-central-7' }; Id = 'InvalidRegion' }
        @{ Case = 'a negative concurrency'; Arguments = @{ MaxConcurrency = -4 }; Id = 'ParameterArgumentValidationError' }
    ) {
        # A listener that fails the test if anything connects to it.
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        try {
            $call = @{ Path = $Shipped; EndpointUrl = "http://127.0.0.1:$($listener.LocalEndpoint.Port)" }
            if ($Arguments.Region) { $call.Remove('EndpointUrl') }
            foreach ($pair in $Arguments.GetEnumerator()) { $call[$pair.Key] = $pair.Value }
            { Export-ChinookToDynamo @call -ErrorAction Stop } | Should -Throw -ErrorId "$Id,*"
            $listener.Pending() | Should -BeFalse
        }
        finally { $listener.Stop() }
    }
}

Describe 'Secrets' {
    It 'never shows the secret key in any stream, result or checkpoint' {
        $secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCY' + [guid]::NewGuid().ToString('N')
        $prefix = New-TestTablePrefix
        $keys = @{ AccessKey = 'AKIAIOSFODNN7EXAMPLE'; SecretKey = $secret; EndpointUrl = $Endpoint; TablePrefix = $prefix }
        New-ChinookDynamoTable @keys -TableName Playlists | Out-Null
        $checkpoint = Join-Path $Scratch 'secret.json'
        $everything = & {
            Export-ChinookToDynamo @keys -Path $Shipped -CheckpointPath $checkpoint -Verbose -Debug
            ConvertTo-ChinookItem -Path $Shipped -Entity Genre -TablePrefix $prefix | Export-ChinookToDynamo @keys -Verbose -Debug
        } *>&1 -ErrorAction Continue -WarningAction Continue 5>&1 4>&1
        $text = ($everything | ForEach-Object { $_ | Format-List * -Force | Out-String -Width 500 }) -join "`n"
        $text | Should -Not -BeNullOrEmpty
        $text | Should -Match 'AKIA'
        $text | Should -Not -Match ([regex]::Escape($secret))
        Get-Content -Raw $checkpoint | Should -Not -Match ([regex]::Escape($secret))
    }
}
