# Tab completion as an admin meets it at the prompt, through TabExpansion2 (what the Tab key calls): regions from the
# SDK, profiles from the shared files, the four table names, genres and media types from the table when the command
# line says where it is, and the enum parameters by themselves.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ChinookTestModulePath) -Force
    $script:Endpoint = Get-TestEndpoint

    # What Tab offers at the end of the line: the completion texts, in order.
    function script:Complete([string] $Line) {
        (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText
    }
}

Describe 'Connection parameters' {
    It 'completes -Region from the SDK''s list of regions' {
        $regions = Complete 'Get-ChinookDynamoTable -Region eu-we'

        $regions | Should -Contain 'eu-west-1'
        $regions | Should -Contain 'eu-west-3'
        $regions | Where-Object { $_ -notlike 'eu-we*' } | Should -BeNullOrEmpty
        Complete 'Export-ChinookToDynamo -Region us-east-' | Should -Contain 'us-east-1'
    }

    It 'completes -ProfileName from the files AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE name' {
        $folder = New-ScratchFolder
        Set-Content (Join-Path $folder 'config') "[default]`nregion = eu-west-1`n[profile from-config]`nregion = eu-west-1`n[sso-session corp]`nsso_region = eu-west-1`n[profile other]`nrole_arn = arn:aws:iam::123456789012:role/x`nsource_profile = from-credentials"
        Set-Content (Join-Path $folder 'credentials') "[from-credentials]`naws_access_key_id = AKIAEXAMPLE`naws_secret_access_key = example"
        $saved = $env:AWS_CONFIG_FILE, $env:AWS_SHARED_CREDENTIALS_FILE
        try {
            $env:AWS_CONFIG_FILE = Join-Path $folder 'config'
            $env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $folder 'credentials'

            Complete 'Get-ChinookDynamoTable -ProfileName from' | Should -Be 'from-config', 'from-credentials'
            Complete 'Get-ChinookDynamoTable -ProfileName ' | Should -Be 'default', 'from-config', 'from-credentials', 'other'
            Complete "Get-ChinookDynamoTable -ProfileLocation '$(Join-Path $folder 'credentials')' -ProfileName " | Should -Be 'from-credentials'
        }
        finally {
            $env:AWS_CONFIG_FILE, $env:AWS_SHARED_CREDENTIALS_FILE = $saved
        }
    }

    It 'completes -TableName with the four base names' {
        Complete 'Get-ChinookDynamoTable -TableName ' | Should -Be 'MusicCatalog', 'CustomerOrders', 'Playlists', 'EmployeeManagement'
        Complete 'Remove-ChinookDynamoTable -TableName cu' | Should -Be 'CustomerOrders'
    }
}

Describe 'Genres and media types from the table' {
    BeforeAll {
        $script:Prefix = New-TestTablePrefix
        New-ChinookDynamoTable -EndpointUrl $Endpoint -TablePrefix $Prefix -TableName MusicCatalog | Out-Null
        ConvertTo-ChinookItem -TablePrefix $Prefix -Entity Genre, MediaType | Export-ChinookToDynamo -EndpointUrl $Endpoint | Out-Null
    }

    It 'completes -Genre from the genre items of the table the command line names, quoted where needed' {
        $line = "Find-ChinookTrack -EndpointUrl '$Endpoint' -TablePrefix '$Prefix' -Genre"

        Complete "$line ro" | Should -Be 'Rock', "'Rock And Roll'"
        Complete "$line 'r&" | Should -Be "'R&B/Soul'"
        (Complete "$line ").Count | Should -Be 25
    }

    It 'completes -MediaType from the media-type items' {
        Complete "Find-ChinookTrack -EndpointUrl '$Endpoint' -TablePrefix '$Prefix' -Genre Rock -MediaType aac" | Should -Be "'AAC audio file'"
    }

    It 'offers nothing, and contacts nothing, when the command line does not say where the table is, nor when nothing answers' {
        Complete 'Find-ChinookTrack -Genre ro' | Should -BeNullOrEmpty
        Complete "Find-ChinookTrack -EndpointUrl 'http://127.0.0.1:9' -Genre ro" | Should -BeNullOrEmpty
        Complete "Find-ChinookTrack -EndpointUrl '$Endpoint' -TablePrefix 'no-such-' -Genre ro" | Should -BeNullOrEmpty
    }
}

Describe 'Enum parameters' {
    It 'completes -Kind of Test-ChinookMigration and -Entity of ConvertTo-ChinookItem from their enums' {
        $kinds = (Get-Command Test-ChinookMigration).Parameters['Kind'].ParameterType.GetElementType().GetEnumNames()
        Complete 'Test-ChinookMigration -Kind ' | Should -Be ($kinds | Sort-Object)
        Complete 'ConvertTo-ChinookItem -Entity Pl' | Should -Be 'Playlist', 'PlaylistPage'
        Complete 'New-ChinookDynamoTable -BillingMode ' | Should -Be 'PayPerRequest', 'Provisioned'
    }
}
