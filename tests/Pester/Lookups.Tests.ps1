# Lookups by name as an admin types them: any letter case and PowerShell wildcards, as Get-Command and Get-ChildItem
# take them, answered from the lower-case name index where the pattern starts with a literal. Every answer is held
# against the source database.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ChinookTestModulePath) -Force
    $script:Endpoint = Get-TestEndpoint
    $script:Prefix = New-TestTablePrefix
    $script:At = @{ EndpointUrl = $Endpoint; TablePrefix = $Prefix }

    New-ChinookDynamoTable @At -TableName MusicCatalog, CustomerOrders | Out-Null
    ConvertTo-ChinookItem -TablePrefix $Prefix -TableName MusicCatalog, CustomerOrders | Export-ChinookToDynamo -EndpointUrl $Endpoint | Out-Null

    $rows = Invoke-SqliteQuery -Sql @'
SELECT 'ForThose' AS Q, TrackId AS Id FROM Track WHERE lower(Name) LIKE 'for those%'
UNION ALL SELECT 'Love', TrackId FROM Track WHERE lower(Name) LIKE 'love%'
UNION ALL SELECT 'Salute', TrackId FROM Track WHERE lower(Name) LIKE '%salute%'
UNION ALL SELECT 'Rock', t.TrackId FROM Track AS t JOIN Genre AS g ON g.GenreId = t.GenreId WHERE g.Name = 'Rock'
UNION ALL SELECT 'Metal', t.TrackId FROM Track AS t JOIN Genre AS g ON g.GenreId = t.GenreId WHERE g.Name LIKE '%metal'
UNION ALL SELECT 'Iron', ArtistId FROM Artist WHERE lower(Name) LIKE 'iron%'
UNION ALL SELECT 'Gmail', CustomerId FROM Customer WHERE lower(Email) LIKE '%@gmail.com'
'@
    $script:Source = @{}
    $rows | Group-Object Q | ForEach-Object { $Source[$_.Name] = @($_.Group | ForEach-Object { [long]$_.Id } | Sort-Object) }

    # The command's output, and its -Verbose lines (each read it made) in $script:Reads.
    function script:Invoke-Lookup([scriptblock] $Command) {
        $script:Reads = @()
        & $Command 4>&1 | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] -or -not ($script:Reads += $_.Message) }
    }
}

Describe 'Find-ChinookTrack by name and genre' {
    It 'finds the Rock tracks for -Genre rock, from the indexes' {
        $rock = Invoke-Lookup { Find-ChinookTrack -Genre rock @At -Verbose }

        $rock.TrackId | Should -Be $Source.Rock
        $rock | Where-Object GenreName -cne 'Rock' | Should -BeNullOrEmpty
        $Reads | Should -Contain "Query ${Prefix}MusicCatalog index GSI3-LowerName: GSI3PK = GENRE_LOWER AND GSI3SK = rock."
        $Reads | Should -Contain "Query ${Prefix}MusicCatalog index GSI2-GenreSearch: GSI2PK = GENRE#Rock."
        $Reads | Should -Not -Match '^Scan'
    }

    It 'finds the tracks that begin with -Name ''for those*'' by begins_with on the index, not by a scan' {
        $tracks = Invoke-Lookup { Find-ChinookTrack -Name 'for those*' @At -Verbose }

        $tracks.TrackId | Should -Be $Source.ForThose
        $tracks[0].Name | Should -Be 'For Those About To Rock (We Salute You)'
        $Reads | Should -Contain "Query ${Prefix}MusicCatalog index GSI3-LowerName: GSI3PK = TRACK_LOWER#f AND begins_with(GSI3SK, for those)."
        $Reads | Should -Not -Match '^Scan'
        (Find-ChinookTrack -Name 'LOVE*' @At).TrackId | Should -Be $Source.Love
    }

    It 'answers a pattern that starts with a wildcard by a scan, and says so in -Verbose' {
        $tracks = Invoke-Lookup { Find-ChinookTrack -Name '*SALUTE*' @At -Verbose }

        $tracks.TrackId | Should -Be $Source.Salute
        $Reads | Should -Contain "Scan ${Prefix}MusicCatalog: EntityType = Track (consistent read)."
    }

    It 'takes a wildcard genre, and every genre it matches' {
        $tracks = Find-ChinookTrack -Genre '*METAL' @At

        $tracks.TrackId | Should -Be $Source.Metal
        $tracks.GenreName | Sort-Object -Unique | Should -Be 'Heavy Metal', 'Metal'
    }

    It 'reports a name that matches nothing, but not a pattern that matches nothing' {
        $none = Find-ChinookTrack -Name 'no such track', 'zzz no such*' @At -ErrorVariable failures -ErrorAction SilentlyContinue 2>$null

        $none | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'TrackNotFound,*'
        $failures[0].TargetObject | Should -Be 'no such track'
    }

    It 'takes a bracket as a wildcard set, as Get-ChildItem does, and a backtick-escaped one as itself' {
        (Find-ChinookTrack -Name 'MARACATU ATÔMICO `[trip hop`]' @At).TrackId | Should -Be 268
        (Find-ChinookTrack -Name 'maracatu atômico [[]trip*' @At).TrackId | Should -Be 268
        Find-ChinookTrack -Name 'maracatu atômico [trip hop]' @At -ErrorVariable failures | Should -BeNullOrEmpty
        $failures | Should -BeNullOrEmpty
    }
}

Describe 'Get-ChinookArtistCatalog by name' {
    It 'finds AC/DC for -Name ''ac/dc'' by an equality on the lower-case index key' {
        $catalog = Invoke-Lookup { Get-ChinookArtistCatalog -Name 'ac/dc' @At -Verbose }

        $catalog.ArtistId | Should -Be 1
        $catalog.Name | Should -Be 'AC/DC'
        $Reads | Should -Contain "Query ${Prefix}MusicCatalog index GSI3-LowerName: GSI3PK = ARTIST_LOWER#a AND GSI3SK = ac/dc."
    }

    It 'gives every artist a wildcard matches, in ArtistId order' {
        (Get-ChinookArtistCatalog -Name 'IRON*' @At).ArtistId | Should -Be $Source.Iron
    }
}

Describe 'Get-ChinookCustomerOrder by e-mail' {
    It 'takes a wildcard address, by a scan, and an exact one in any case from the e-mail index' {
        $gmail = Invoke-Lookup { Get-ChinookCustomerOrder -Email '*@GMAIL.com' -First 1 @At -Verbose }

        $gmail.CustomerId | Should -Be $Source.Gmail
        $Reads | Should -Contain "Scan ${Prefix}CustomerOrders: EntityType = Customer (consistent read)."
        $exact = Invoke-Lookup { Get-ChinookCustomerOrder -Email 'LUISG@embraer.com.br' -First 1 @At -Verbose }
        $exact.CustomerId | Should -Be 1
        $Reads | Should -Not -Match '^Scan'
    }
}
