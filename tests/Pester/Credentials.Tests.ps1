# Every kind of credential an admin configures, resolved from config files the tests write, against a local
# responder standing in for STS, the SSO portal and container credentials. DynamoDB calls go through the responder
# to the local DynamoDB, so each case checks that the module signed them with exactly the credentials issued.
# Each case runs in a fresh pwsh: the SDK keeps the default chain's answer for the life of a process.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ChinookTestModulePath) -Force
    $project = Join-Path $PSScriptRoot '../Chinook.CredentialResponder'
    $built = & dotnet build $project -c Release --nologo -v q 2>&1
    if ($LASTEXITCODE -ne 0) { throw "Cannot build the credential responder: $built" }
    $script:Folder = New-ScratchFolder
    $script:Log = Join-Path $Folder 'calls.jsonl'
    $script:DeniedRole = 'arn:aws:iam::123456789012:role/Forbidden'
    $dll = Join-Path $project 'bin/Release/net10.0/Chinook.CredentialResponder.dll'
    $start = [System.Diagnostics.ProcessStartInfo]::new((Get-Command dotnet -CommandType Application | Select-Object -First 1).Source)
    foreach ($argument in @($dll, (Get-TestEndpoint), $Log, $DeniedRole)) { $start.ArgumentList.Add($argument) }
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = $true
    $script:Responder = [System.Diagnostics.Process]::Start($start)
    $script:Url = $Responder.StandardOutput.ReadLine()

    function New-CredentialCase {
        <#
        A folder with the given config files, and the script that runs a command there (Get-ChinookDynamoTable with the
        arguments given, unless -Command says otherwise) with the given environment, writing every stream's text and
        its error id. A command reaches DynamoDB through the responder at $Url.
        #>
        param([string] $Config = '', [string] $Credentials = '', [hashtable] $Environment = @{}, [string] $Arguments = '', [scriptblock] $Prepare = {},
              [string] $Command = "Get-ChinookDynamoTable -EndpointUrl '$($script:Url)' -Region us-east-1 $Arguments")
        $case = Join-Path $script:Folder ([guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path $case | Out-Null
        Set-Content -Path (Join-Path $case 'config') -Value $Config
        Set-Content -Path (Join-Path $case 'credentials') -Value $Credentials
        & $Prepare $case
        Remove-Item $script:Log -ErrorAction Ignore
        $variables = @{
            HOME = $case; AWS_CONFIG_FILE = (Join-Path $case 'config'); AWS_SHARED_CREDENTIALS_FILE = (Join-Path $case 'credentials')
            AWS_ENDPOINT_URL_STS = $script:Url; AWS_ENDPOINT_URL_SSO = $script:Url; AWS_ENDPOINT_URL_SSO_OIDC = $script:Url
        } + $Environment
        $setting = ($variables.GetEnumerator() | ForEach-Object { "`$env:$($_.Key) = '$($_.Value)'" }) -join "`n"
        $module = (Resolve-Path (Get-ChinookTestModulePath)).Path
        $script = @"
foreach (`$name in 'AWS_ACCESS_KEY_ID','AWS_SECRET_ACCESS_KEY','AWS_SESSION_TOKEN','AWS_PROFILE','AWS_ROLE_ARN','AWS_WEB_IDENTITY_TOKEN_FILE','AWS_CONTAINER_CREDENTIALS_FULL_URI','AWS_CONTAINER_CREDENTIALS_RELATIVE_URI') { Remove-Item "env:`$name" -ErrorAction Ignore }
$setting
Import-Module '$module'
`$DebugPreference = 'Continue'; `$VerbosePreference = 'Continue'; `$InformationPreference = 'Continue'
try { $Command -ErrorAction Stop *>&1 | Out-String -Width 400 }
catch { 'ERRORID=' + `$_.FullyQualifiedErrorId; `$_ | Out-String -Width 400; `$_.ErrorDetails.RecommendedAction }
"@
        [pscustomobject]@{ Folder = $case; Script = $script }
    }

    function Get-CaseResult {
        <# The case's error id, its text and the calls the responder saw. #>
        param($Case, [string] $Text)
        $calls = if (Test-Path $script:Log) { @(Get-Content $script:Log | ConvertFrom-Json) } else { @() }
        $errorId = if ($Text -match 'ERRORID=([^,\s]+)') { $Matches[1] } else { $null }
        [pscustomobject]@{ ErrorId = $errorId; Text = $Text; Calls = $calls; Folder = $Case.Folder }
    }

    function Invoke-CredentialCase {
        <# Runs the case in a fresh pwsh -NonInteractive, as a runbook would. #>
        param([string] $Config = '', [string] $Credentials = '', [hashtable] $Environment = @{}, [string] $Arguments = '', [scriptblock] $Prepare = {}, [string] $Command)
        $case = New-CredentialCase @PSBoundParameters
        Get-CaseResult $case ((Invoke-FreshPwsh $case.Script) | Out-String)
    }

    function Invoke-InteractiveCredentialCase {
        <#
        Runs the case in pwsh under a real terminal, as an admin at a prompt would, answering each MFA prompt with the
        next code given; returns the case's result and the codes it typed.
        #>
        param([string] $Config = '', [string] $Credentials = '', [string] $Arguments = '', [string[]] $Codes)
        $case = New-CredentialCase -Config $Config -Credentials $Credentials -Arguments $Arguments
        $file = Join-Path $case.Folder 'case.ps1'
        $output = Join-Path $case.Folder 'output.txt'
        Set-Content -Path $file -Value "& {`n$($case.Script)`n} | Set-Content -Path '$output'`nSet-Content -Path '$output.done' -Value done"
        $session = Start-TerminalPwsh -File $file
        $typed = [System.Collections.Generic.List[string]]::new()
        try {
            $finished = Wait-Until -Seconds 90 {
                $asked = ([regex]::Matches((Get-TerminalText $session), 'MFA code for arn:aws:iam::123456789012:mfa/admin:')).Count
                while ($typed.Count -lt $asked -and $typed.Count -lt $Codes.Count) {
                    $code = $Codes[$typed.Count]
                    Send-TerminalKeys $session $code
                    $typed.Add($code)
                }
                Test-Path "$output.done"
            }
            $finished | Should -BeTrue -Because (Get-TerminalText $session)
        }
        finally { Stop-TerminalPwsh $session }
        $result = Get-CaseResult $case (Get-Content -Raw $output)
        $result | Add-Member -NotePropertyName Typed -NotePropertyValue @($typed)
        $result
    }

    function Assert-SignedWithIssued {
        <# DynamoDB saw exactly the credentials the responder issued last, and no issued secret or token shows in any stream or in the files of the case. #>
        param($Result)
        $Result.ErrorId | Should -BeNullOrEmpty -Because $Result.Text
        $issued = @($Result.Calls | Where-Object call -eq 'Issued')[-1]
        $dynamo = @($Result.Calls | Where-Object call -eq 'DynamoDB')
        $dynamo.Count | Should -BeGreaterThan 0
        $dynamo | ForEach-Object { $_.accessKeyId | Should -Be $issued.accessKeyId; $_.sessionToken | Should -Be $issued.sessionToken }
        foreach ($grant in @($Result.Calls | Where-Object call -eq 'Issued')) {
            $Result.Text | Should -Not -Match ([regex]::Escape($grant.secretAccessKey))
            $Result.Text | Should -Not -Match ([regex]::Escape($grant.sessionToken))
            Get-ChildItem $Result.Folder -Recurse -File | Select-String -SimpleMatch $grant.secretAccessKey, $grant.sessionToken | Should -BeNullOrEmpty
        }
    }

    $script:SourceKeys = "[src]`naws_access_key_id = AKIASOURCE0000000001`naws_secret_access_key = source-secret-never-shown"
}

AfterAll {
    if ($script:Responder) { $Responder.StandardInput.Close(); if (-not $Responder.WaitForExit(5000)) { $Responder.Kill() } }
    if ($script:Folder) { Remove-Item $Folder -Recurse -Force -ErrorAction Ignore }
}

Describe 'Assumed roles' {
    It 'assumes role_arn with source_profile, passing the external_id, and signs DynamoDB calls with the role''s credentials' {
        $result = Invoke-CredentialCase -Credentials $SourceKeys -Config "[profile dev]`nrole_arn = arn:aws:iam::123456789012:role/Migrator`nsource_profile = src`nexternal_id = ext-42" -Arguments '-ProfileName dev'
        Assert-SignedWithIssued $result
        $assume = @($result.Calls | Where-Object call -eq 'AssumeRole')
        $assume.Count | Should -Be 1
        $assume[0].roleArn | Should -Be 'arn:aws:iam::123456789012:role/Migrator'
        $assume[0].externalId | Should -Be 'ext-42'
        $assume[0].signedBy | Should -Be 'AKIASOURCE0000000001'
        $result.Text | Should -Not -Match 'source-secret-never-shown'
    }

    It 'signs an Export''s writes with the role''s credentials, and keeps them out of its checkpoint' {
        $prefix = New-TestTablePrefix
        New-ChinookDynamoTable -EndpointUrl (Get-TestEndpoint) -TablePrefix $prefix | Out-Null
        $config = "[profile migrator]`nrole_arn = arn:aws:iam::123456789012:role/Migrator`nsource_profile = src"
        $checkpoint = '$env:HOME/checkpoint.json'
        $result = Invoke-CredentialCase -Credentials $SourceKeys -Config $config -Command (
            "Export-ChinookToDynamo -Path '$(Get-ShippedDatabasePath)' -EndpointUrl '$Url' -Region us-east-1 -ProfileName migrator -TablePrefix $prefix -CheckpointPath `"$checkpoint`"")
        Assert-SignedWithIssued $result
        @($result.Calls | Where-Object { $_.call -eq 'DynamoDB' }).Count | Should -BeGreaterThan 4 -Because 'the items were written through the responder'
        Join-Path $result.Folder 'checkpoint.json' | Should -Exist
    }

    It 'chains roles: the second role is assumed with the first role''s credentials' {
        $config = "[profile first]`nrole_arn = arn:aws:iam::123456789012:role/First`nsource_profile = src`n[profile second]`nrole_arn = arn:aws:iam::123456789012:role/Second`nsource_profile = first"
        $result = Invoke-CredentialCase -Credentials $SourceKeys -Config $config -Arguments '-ProfileName second'
        Assert-SignedWithIssued $result
        $assume = @($result.Calls | Where-Object call -eq 'AssumeRole')
        $assume.roleArn | Should -Be @('arn:aws:iam::123456789012:role/First', 'arn:aws:iam::123456789012:role/Second')
        $firstIssued = @($result.Calls | Where-Object call -eq 'Issued')[0]
        $assume[1].signedBy | Should -Be $firstIssued.accessKeyId
    }

    It 'assumes a role profile chosen through AWS_PROFILE' {
        $result = Invoke-CredentialCase -Credentials $SourceKeys -Config "[profile dev]`nrole_arn = arn:aws:iam::123456789012:role/Migrator`nsource_profile = src" -Environment @{ AWS_PROFILE = 'dev' }
        Assert-SignedWithIssued $result
        @($result.Calls | Where-Object call -eq 'AssumeRole')[0].roleArn | Should -Be 'arn:aws:iam::123456789012:role/Migrator'
    }

    It 'assumes a role with credential_source = Environment' {
        $result = Invoke-CredentialCase -Config "[profile envrole]`nrole_arn = arn:aws:iam::123456789012:role/Migrator`ncredential_source = Environment" -Arguments '-ProfileName envrole' `
            -Environment @{ AWS_ACCESS_KEY_ID = 'AKIAENVIRONMENT00001'; AWS_SECRET_ACCESS_KEY = 'environment-secret' }
        Assert-SignedWithIssued $result
        @($result.Calls | Where-Object call -eq 'AssumeRole')[0].signedBy | Should -Be 'AKIAENVIRONMENT00001'
        $result.Text | Should -Not -Match 'environment-secret'
    }

    It 'stops with AssumeRoleDenied naming the role when STS denies it' {
        $result = Invoke-CredentialCase -Credentials $SourceKeys -Config "[profile denied]`nrole_arn = $DeniedRole`nsource_profile = src" -Arguments '-ProfileName denied'
        $result.ErrorId | Should -Be 'AssumeRoleDenied'
        $result.Text | Should -Match ([regex]::Escape($DeniedRole))
        @($result.Calls | Where-Object call -eq 'DynamoDB').Count | Should -Be 0
    }

    It 'asks at the prompt for the code of the profile''s MFA device and passes it to AssumeRole' -Skip:$IsWindows {
        $config = "[profile mfa]`nrole_arn = arn:aws:iam::123456789012:role/Admin`nsource_profile = src`nmfa_serial = arn:aws:iam::123456789012:mfa/admin"
        $result = Invoke-InteractiveCredentialCase -Credentials $SourceKeys -Config $config -Arguments '-ProfileName mfa' -Codes '482913'
        Assert-SignedWithIssued $result
        $assumed = @($result.Calls | Where-Object call -eq 'AssumeRole')
        $assumed.Count | Should -Be 1
        $assumed[0].tokenCode | Should -Be '482913'
    }

    It 'asks again when the role''s credentials are renewed during the work, and signs the later calls with them' -Skip:$IsWindows {
        # The responder's ShortLived role credentials fall inside the SDK's renewal window, so each DynamoDB call renews
        # them, from the worker threads the calls run on, as an hour into a long export.
        $config = "[profile mfa]`nrole_arn = arn:aws:iam::123456789012:role/AdminShortLived`nsource_profile = src`nmfa_serial = arn:aws:iam::123456789012:mfa/admin"
        $codes = 1..40 | ForEach-Object { (100000 + $_).ToString() }
        $result = Invoke-InteractiveCredentialCase -Credentials $SourceKeys -Config $config -Arguments '-ProfileName mfa' -Codes $codes
        $result.ErrorId | Should -BeNullOrEmpty -Because $result.Text
        $assumed = @($result.Calls | Where-Object call -eq 'AssumeRole')
        $assumed.Count | Should -BeGreaterThan 1
        $assumed.tokenCode | Should -Be $result.Typed
        $issued = @($result.Calls | Where-Object { $_.call -eq 'Issued' -and $_.kind -eq 'AssumeRole' }).accessKeyId
        $signers = @($result.Calls | Where-Object call -eq 'DynamoDB').accessKeyId | Sort-Object -Unique
        $signers | ForEach-Object { $_ | Should -BeIn $issued }
        # The first credentials are the ones resolved before the work; the calls made during it carry renewed ones.
        $signers | Where-Object { $_ -ne $issued[0] } | Should -Not -BeNullOrEmpty -Because 'calls during the work are signed with the renewed credentials'
        foreach ($grant in @($result.Calls | Where-Object call -eq 'Issued')) { $result.Text | Should -Not -Match ([regex]::Escape($grant.secretAccessKey)) }
    }

    It 'stops with MfaCodeUnavailable for a profile with mfa_serial in a session that cannot prompt' {
        $result = Invoke-CredentialCase -Credentials $SourceKeys -Config "[profile mfa]`nrole_arn = arn:aws:iam::123456789012:role/Admin`nsource_profile = src`nmfa_serial = arn:aws:iam::123456789012:mfa/admin" -Arguments '-ProfileName mfa'
        $result.ErrorId | Should -Be 'MfaCodeUnavailable'
        $result.Text | Should -Match 'role/Admin'
        @($result.Calls | Where-Object call -eq 'DynamoDB').Count | Should -Be 0
    }
}

Describe 'SSO' {
    BeforeAll {
        function New-SsoTokenCache {
            <# The token file aws sso login caches; -Renewable adds the refresh token and client registration it keeps for sso_session profiles. #>
            param([string] $Folder, [string] $Key, [datetime] $ExpiresAt, [switch] $Renewable)
            $sha1 = [System.Security.Cryptography.SHA1]::HashData([Text.Encoding]::UTF8.GetBytes($Key))
            $cache = Join-Path $Folder '.aws/sso/cache'
            New-Item -ItemType Directory -Path $cache -Force | Out-Null
            $token = @{ accessToken = 'sso-access-token-never-shown'; expiresAt = $ExpiresAt.ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ'); region = 'us-east-1'; startUrl = 'https://example.awsapps.com/start' }
            if ($Renewable) {
                $token += @{ refreshToken = 'sso-refresh-token-never-shown'; clientId = 'client-of-aws-cli'; clientSecret = 'sso-client-secret-never-shown'
                             registrationExpiresAt = (Get-Date).AddDays(30).ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ') }
            }
            $token | ConvertTo-Json | Set-Content (Join-Path $cache (([Convert]::ToHexString($sha1)).ToLowerInvariant() + '.json'))
        }
        $script:SsoSessionConfig = "[profile dev]`nsso_session = corp`nsso_account_id = 123456789012`nsso_role_name = Migrator`nregion = us-east-1`n[sso-session corp]`nsso_start_url = https://example.awsapps.com/start`nsso_region = us-east-1`nsso_registration_scopes = sso:account:access"
    }

    It 'gets role credentials for an sso_session profile with the token aws sso login cached' {
        $result = Invoke-CredentialCase -Config $SsoSessionConfig -Arguments '-ProfileName dev' -Prepare { param($case) New-SsoTokenCache $case 'corp' (Get-Date).AddHours(1) }
        Assert-SignedWithIssued $result
        $sso = @($result.Calls | Where-Object call -eq 'GetRoleCredentials')
        $sso.Count | Should -Be 1
        $sso[0].roleName | Should -Be 'Migrator'
        $sso[0].accountId | Should -Be '123456789012'
        $result.Text | Should -Not -Match 'sso-access-token-never-shown'
    }

    It 'gets role credentials for a legacy SSO profile, whose cache is keyed by the start URL' {
        $config = "[profile legacy]`nsso_start_url = https://example.awsapps.com/start`nsso_region = us-east-1`nsso_account_id = 123456789012`nsso_role_name = Migrator`nregion = us-east-1"
        $result = Invoke-CredentialCase -Config $config -Arguments '-ProfileName legacy' -Prepare { param($case) New-SsoTokenCache $case 'https://example.awsapps.com/start' (Get-Date).AddHours(1) }
        Assert-SignedWithIssued $result
    }

    It 'renews an expired sso_session token with its refresh token through SSO-OIDC, as the AWS CLI does' {
        $result = Invoke-CredentialCase -Config $SsoSessionConfig -Arguments '-ProfileName dev' -Prepare { param($case) New-SsoTokenCache $case 'corp' (Get-Date).AddHours(-2) -Renewable }
        Assert-SignedWithIssued $result
        $renewal = @($result.Calls | Where-Object call -eq 'CreateToken')
        $renewal.Count | Should -Be 1
        $renewal[0].grantType | Should -Be 'refresh_token'
        $renewal[0].clientId | Should -Be 'client-of-aws-cli'
        @($result.Calls | Where-Object call -eq 'GetRoleCredentials').bearer | Should -Be 'refreshed'
        $result.Text | Should -Not -Match 'never-shown'
    }

    It 'stops with SsoLoginNeeded and the aws sso login command when the cached token has expired' {
        $result = Invoke-CredentialCase -Config $SsoSessionConfig -Arguments '-ProfileName dev' -Prepare { param($case) New-SsoTokenCache $case 'corp' (Get-Date).AddHours(-2) }
        $result.ErrorId | Should -Be 'SsoLoginNeeded'
        $result.Text | Should -Match ([regex]::Escape('aws sso login --profile dev'))
        $result.Text | Should -Not -Match 'sso-access-token-never-shown'
        @($result.Calls | Where-Object call -eq 'DynamoDB').Count | Should -Be 0
    }
}

Describe 'Other sources' {
    It 'runs a credential_process and signs with what it printed' {
        $result = Invoke-CredentialCase -Arguments '-ProfileName proc' -Prepare {
            param($case)
            $script = Join-Path $case 'print-credentials.sh'
            Set-Content $script "#!/bin/sh`necho '{`"Version`": 1, `"AccessKeyId`": `"AKIAPROCESS000000001`", `"SecretAccessKey`": `"process-secret-never-shown`", `"SessionToken`": `"process-token-never-shown`"}'"
            chmod +x $script
            Set-Content (Join-Path $case 'config') "[profile proc]`ncredential_process = $script"
        }
        $result.ErrorId | Should -BeNullOrEmpty -Because $result.Text
        $dynamo = @($result.Calls | Where-Object call -eq 'DynamoDB')
        $dynamo.Count | Should -BeGreaterThan 0
        $dynamo[0].accessKeyId | Should -Be 'AKIAPROCESS000000001'
        $dynamo[0].sessionToken | Should -Be 'process-token-never-shown'
        $result.Text | Should -Not -Match 'process-secret-never-shown|process-token-never-shown'
    }

    It 'assumes AWS_ROLE_ARN with AWS_WEB_IDENTITY_TOKEN_FILE from the environment' {
        $result = Invoke-CredentialCase -Environment @{ AWS_ROLE_ARN = 'arn:aws:iam::123456789012:role/Ci'; AWS_WEB_IDENTITY_TOKEN_FILE = (Join-Path $Folder 'web-token') } -Prepare {
            Set-Content (Join-Path $Folder 'web-token') 'web-identity-jwt-never-shown'
        }
        Assert-SignedWithIssued $result
        @($result.Calls | Where-Object call -eq 'AssumeRoleWithWebIdentity')[0].roleArn | Should -Be 'arn:aws:iam::123456789012:role/Ci'
        $result.Text | Should -Not -Match 'web-identity-jwt-never-shown'
    }

    It 'assumes web_identity_token_file from a profile' {
        $result = Invoke-CredentialCase -Arguments '-ProfileName eks' -Prepare {
            param($case)
            Set-Content (Join-Path $case 'token') 'web-identity-jwt-never-shown'
            Set-Content (Join-Path $case 'config') "[profile eks]`nrole_arn = arn:aws:iam::123456789012:role/Eks`nweb_identity_token_file = $(Join-Path $case 'token')"
        }
        Assert-SignedWithIssued $result
        @($result.Calls | Where-Object call -eq 'AssumeRoleWithWebIdentity')[0].roleArn | Should -Be 'arn:aws:iam::123456789012:role/Eks'
    }

    It 'uses container credentials from AWS_CONTAINER_CREDENTIALS_FULL_URI on loopback' {
        $result = Invoke-CredentialCase -Environment @{ AWS_CONTAINER_CREDENTIALS_FULL_URI = "$Url/container-credentials" }
        Assert-SignedWithIssued $result
        @($result.Calls | Where-Object call -eq 'ContainerCredentials').Count | Should -BeGreaterThan 0
    }

    It 'names the config files it read when the profile does not exist' {
        $result = Invoke-CredentialCase -Credentials $SourceKeys -Arguments '-ProfileName nosuch'
        $result.ErrorId | Should -Be 'ProfileNotFound'
        $result.Text | Should -Match ([regex]::Escape((Join-Path $result.Folder 'config')))
        $result.Text | Should -Match ([regex]::Escape((Join-Path $result.Folder 'credentials')))
    }
}
