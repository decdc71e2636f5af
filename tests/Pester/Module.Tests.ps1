# The module as PowerShell and admins see it: its manifest, its cmdlets' manners, and how it lives in a session
# beside other modules (above all AWS.Tools with its own AWSSDK.Core).
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ChinookTestModulePath) -Force
    # Verbs whose cmdlets change something outside the session, and so must support -WhatIf and -Confirm.
    $writingVerbs = 'New', 'Set', 'Remove', 'Add', 'Clear', 'Export', 'Import', 'Copy', 'Move', 'Rename', 'Reset',
        'Update', 'Write', 'Publish', 'Install', 'Uninstall', 'Register', 'Unregister', 'Save', 'Restore', 'Sync', 'Start', 'Stop'
    $cmdlets = @(Get-Command -Module ChinookMigration -CommandType Cmdlet | ForEach-Object { @{ Name = $_.Name; Writes = $_.Verb -in $writingVerbs } })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:ManifestPath = Get-ChinookTestModulePath
    $script:Module = Import-Module $ManifestPath -Force -PassThru
    $script:Manifest = Import-PowerShellDataFile $ManifestPath

    function Get-MentionedTypes([type] $Type) {
        <# A type and the types it is made of: array elements and generic arguments. #>
        if ($null -eq $Type) { return }
        $Type
        if ($Type.HasElementType) { Get-MentionedTypes $Type.GetElementType() }
        if ($Type.IsGenericType) { $Type.GetGenericArguments() | ForEach-Object { Get-MentionedTypes $_ } }
    }

    function Invoke-ModuleProbe {
        <#
        Imports the built module in a fresh pwsh after $Prelude, uses it, and reports which assemblies are loaded
        into which load context after the import, after reading a source, and after talking to DynamoDB. With $Afterwards, runs that once the module has been used and
        then uses the module again: Again holds what the second round read and which assemblies were loaded.
        #>
        param([string] $Prelude = '', [string] $Afterwards = '')
        $script = @"
`$ErrorActionPreference = 'Stop'
function Get-Loaded {
    @([AppDomain]::CurrentDomain.GetAssemblies() | ForEach-Object {
        `$context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$_)
        [ordered]@{ Name = `$_.GetName().Name; Version = `$_.GetName().Version.ToString(); Default = `$context -eq [System.Runtime.Loader.AssemblyLoadContext]::Default }
    })
}
$Prelude
`$report = [ordered]@{}
Import-Module '$ManifestPath'
`$report.AfterImport = Get-Loaded
function Use-Module {
    `$round = [ordered]@{}
    `$round.Records = (Get-ChinookSourceStats | Measure-Object Records -Sum).Sum
    `$round.AfterSource = Get-Loaded
    `$connection = @{ EndpointUrl = '$(Get-TestEndpoint)'; AccessKey = 'local'; SecretKey = 'local' }
    `$prefix = 'probe' + [guid]::NewGuid().ToString('N').Substring(0, 8) + '-'
    `$round.Tables = @(New-ChinookDynamoTable @connection -TablePrefix `$prefix -TableName MusicCatalog -Confirm:`$false).Status
    `$null = Remove-ChinookDynamoTable @connection -TablePrefix `$prefix -Confirm:`$false
    # A role profile makes the SDK load its optional STS client by name; STS is unreachable here, so the call fails in STS.
    `$roleProfile = New-TemporaryFile
    Set-Content `$roleProfile "[src]``naws_access_key_id = AKIAPROBE00000000001``naws_secret_access_key = probe``n[role]``nrole_arn = arn:aws:iam::123456789012:role/Probe``nsource_profile = src"
    `$env:AWS_ENDPOINT_URL_STS = 'http://127.0.0.1:1'
    try { Get-ChinookDynamoTable -EndpointUrl '$(Get-TestEndpoint)' -ProfileLocation `$roleProfile -ProfileName role -ErrorAction Stop | Out-Null } catch { `$round.RoleError = `$_.FullyQualifiedErrorId + ': ' + `$_.Exception.Message }
    `$round.AfterDynamo = Get-Loaded
    # Nothing listens on port 1: the export makes its S3 client, and its first request fails.
    try { Export-ChinookToS3 -BucketName probe -EndpointUrl 'http://127.0.0.1:1' -AccessKey local -SecretKey local -ErrorAction Stop } catch { `$round.S3Error = `$_.FullyQualifiedErrorId }
    `$round.AfterS3 = Get-Loaded
    `$round
}
`$first = Use-Module
foreach (`$key in `$first.Keys) { `$report[`$key] = `$first[`$key] }
if (`$$([bool]$Afterwards)) {
    $Afterwards
    `$report.Again = Use-Module
}
'RESULT:' + (`$report | ConvertTo-Json -Depth 6 -Compress)
"@
        $output = Invoke-FreshPwsh $script
        $result = $output | Where-Object { "$_".StartsWith('RESULT:') } | Select-Object -Last 1
        if (-not $result) { throw "The probe pwsh failed:`n$($output -join "`n")" }
        return "$result".Substring('RESULT:'.Length) | ConvertFrom-Json
    }
}

Describe 'The built manifest' {
    It 'passes Test-ModuleManifest' {
        { Test-ModuleManifest -Path $ManifestPath -ErrorAction Stop } | Should -Not -Throw
    }

    It 'lists every cmdlet explicitly, and exactly the cmdlets the module has' {
        $listed = @($Manifest.CmdletsToExport)
        $listed | Should -Not -BeNullOrEmpty
        $listed | Where-Object { $_ -match '[*?\[]' } | Should -BeNullOrEmpty
        $exported = @($Module.ExportedCmdlets.Keys)
        $assembly = (Get-Command $exported[0]).ImplementingType.Assembly
        $classes = @($assembly.GetExportedTypes() | Where-Object { -not $_.IsAbstract } | ForEach-Object {
                $attribute = $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) | Select-Object -First 1
                if ($attribute) { "$($attribute.VerbName)-$($attribute.NounName)" }
            })
        $exported | Sort-Object | Should -Be ($listed | Sort-Object)
        $classes | Sort-Object | Should -Be ($listed | Sort-Object)
    }

    It 'keeps every cmdlet through Import-Module -Force and through Remove-Module and Import-Module again' {
        $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$ManifestPath'
`$counts = @((Get-Command -Module ChinookMigration).Count)
Import-Module '$ManifestPath' -Force
`$counts += (Get-Command -Module ChinookMigration).Count
Remove-Module ChinookMigration
Import-Module '$ManifestPath'
`$counts += (Get-Command -Module ChinookMigration).Count
`$null = Get-ChinookTableDefinition -TableName Playlists
'RESULT:' + (`$counts -join ',')
"@
        $result = Invoke-FreshPwsh $script | Where-Object { "$_".StartsWith('RESULT:') }
        $expected = @($Manifest.CmdletsToExport).Count
        $result | Should -Be "RESULT:$expected,$expected,$expected"
    }

    It 'exports nothing but cmdlets' {
        foreach ($key in 'FunctionsToExport', 'VariablesToExport', 'AliasesToExport') {
            @($Manifest[$key]).Where({ $_ }) | Should -BeNullOrEmpty -Because "$key must be an explicit empty list"
        }
    }

    It 'has a version, a description, a licence and a project URI' {
        [version]$Manifest.ModuleVersion | Should -BeGreaterThan ([version]'0.0')
        $Manifest.Description | Should -Not -BeNullOrEmpty
        [uri]$Manifest.PrivateData.PSData.LicenseUri | Should -Not -BeNullOrEmpty
        [uri]$Manifest.PrivateData.PSData.ProjectUri | Should -Not -BeNullOrEmpty
    }

    It 'declares the PowerShell it needs and the editions it runs on' {
        [version]$Manifest.PowerShellVersion | Should -BeGreaterOrEqual ([version]'7.0')
        $Manifest.CompatiblePSEditions | Should -Contain 'Core'
    }
}

Describe '<Name> follows PowerShell''s conventions' -ForEach $cmdlets {
    BeforeAll { $command = Get-Command $Name }

    It 'uses an approved verb' {
        (Get-Verb).Verb | Should -Contain $command.Verb
    }

    It 'declares its output types with [OutputType]' {
        $command.OutputType | Should -Not -BeNullOrEmpty
    }

    It 'supports -WhatIf and -Confirm exactly when its verb changes something' {
        # A -WhatIf on a cmdlet that changes nothing would promise a safety it does not give.
        $command.Parameters.ContainsKey('WhatIf') | Should -Be $Writes
        $command.Parameters.ContainsKey('Confirm') | Should -Be $Writes
    }

    It 'shows no AWS SDK or SQLite type in its parameters, outputs or output properties' {
        $outputTypes = @($command.OutputType | ForEach-Object Type)
        $types = @($command.Parameters.Values.ParameterType) + $outputTypes +
            @($outputTypes | ForEach-Object { $_.GetProperties() } | ForEach-Object PropertyType)
        $leaks = $types | ForEach-Object { Get-MentionedTypes $_ } |
            Where-Object { $_.FullName -match '^(Amazon|Microsoft\.Data|SQLitePCL)\.' } | ForEach-Object FullName
        $leaks | Should -BeNullOrEmpty
    }
}

Describe 'The module beside other modules' {
    Context 'imported into a fresh session' {
        BeforeAll { $probe = Invoke-ModuleProbe }

        It 'puts only its loader in the default load context; the cmdlets and the core live in the module''s own' {
            $ours = @($probe.AfterDynamo | Where-Object Name -Like 'Chinook.*')
            @($ours | Where-Object Default).Name | Should -Be @('Chinook.PowerShell.Loader')
            @($ours | Where-Object { -not $_.Default }).Name | Sort-Object | Should -Be @('Chinook.Migration', 'Chinook.PowerShell')
        }

        It 'loads no AWS SDK or SQLite assembly, and so makes no client, on import' {
            $probe.AfterImport | Where-Object Name -Match '^(AWSSDK\.|Microsoft\.Data\.Sqlite|SQLitePCLRaw)' | Should -BeNullOrEmpty
        }

        It 'reads a source with its own SQLite, outside the default load context' {
            $probe.Records | Should -Be 15607
            $sqlite = @($probe.AfterSource | Where-Object Name -EQ 'Microsoft.Data.Sqlite')
            $sqlite | Should -Not -BeNullOrEmpty
            $sqlite | Where-Object Default | Should -BeNullOrEmpty
        }

        It 'talks to DynamoDB with its own AWS SDK, outside the default load context' {
            $probe.Tables | Should -Be 'Created'
            $probe.AfterDynamo | Where-Object Name -Like 'AWSSDK.*' | Should -Not -BeNullOrEmpty
            $probe.AfterDynamo | Where-Object { $_.Default -and $_.Name -match '^(AWSSDK\.|Microsoft\.Data\.Sqlite|SQLitePCLRaw)' } | Should -BeNullOrEmpty
        }

        It 'writes to S3 with its own AWSSDK.S3, outside the default load context' {
            $probe.S3Error | Should -BeLike 'S3RequestFailed,*'
            @($probe.AfterS3 | Where-Object { $_.Name -eq 'AWSSDK.S3' -and -not $_.Default }).Version | Should -BeLike '4.*'
            $probe.AfterS3 | Where-Object { $_.Default -and $_.Name -like 'AWSSDK.*' } | Should -BeNullOrEmpty
        }

        It 'finds its STS client for a role profile in its own load context' {
            $probe.RoleError | Should -Match '^CredentialsFailed,.*AssumeRole for role arn:aws:iam::123456789012:role/Probe'
            $sts = @($probe.AfterDynamo | Where-Object Name -EQ 'AWSSDK.SecurityToken')
            $sts | Should -Not -BeNullOrEmpty
            $sts | Where-Object Default | Should -BeNullOrEmpty
        }
    }

    BeforeAll {
        $package = Get-NuGetPackagePath -Id AWSSDK.Core -Version 3.7.402
        $olderCore = 'netcoreapp3.1', 'net8.0', 'netstandard2.0' | ForEach-Object { Join-Path $package "lib/$_/AWSSDK.Core.dll" } |
            Where-Object { Test-Path $_ } | Select-Object -First 1
        $olderVersion = [System.Reflection.AssemblyName]::GetAssemblyName($olderCore).Version.ToString()
    }

    Context 'imported after an older AWSSDK.Core was loaded, as AWS.Tools would' {
        BeforeAll { $probe = Invoke-ModuleProbe -Prelude "Add-Type -Path '$olderCore'" }

        It 'still reads a source' {
            $probe.Records | Should -Be 15607
        }

        It 'leaves the session''s own AWSSDK.Core the only one in the default load context' {
            @($probe.AfterDynamo | Where-Object { $_.Name -eq 'AWSSDK.Core' -and $_.Default }).Version | Should -Be @($olderVersion)
        }

        It 'talks to DynamoDB with its own AWSSDK.Core 4' {
            $probe.Tables | Should -Be 'Created'
            @($probe.AfterDynamo | Where-Object { $_.Name -eq 'AWSSDK.Core' -and -not $_.Default }).Version | Should -BeLike '4.*'
        }

        It 'finds its own STS client for a role profile' {
            $probe.RoleError | Should -Match '^CredentialsFailed,.*AssumeRole for role'
            @($probe.AfterDynamo | Where-Object { $_.Name -eq 'AWSSDK.SecurityToken' -and -not $_.Default }).Version | Should -BeLike '4.*'
        }

        It 'makes its S3 client with its own AWSSDK.S3 4' {
            $probe.S3Error | Should -BeLike 'S3RequestFailed,*'
            @($probe.AfterS3 | Where-Object { $_.Name -eq 'AWSSDK.S3' -and -not $_.Default }).Version | Should -BeLike '4.*'
        }
    }

    Context 'used, and then an older AWSSDK.Core loaded into the session, as a later Import-Module AWS.Tools would' {
        BeforeAll { $probe = Invoke-ModuleProbe -Afterwards "Add-Type -Path '$olderCore'" }

        It 'lets the older AWSSDK.Core into the default load context' {
            @($probe.Again.AfterDynamo | Where-Object { $_.Name -eq 'AWSSDK.Core' -and $_.Default }).Version | Should -Be @($olderVersion)
        }

        It 'still reads a source and talks to DynamoDB with its own AWSSDK.Core 4' {
            $probe.Again.Records | Should -Be 15607
            $probe.Again.Tables | Should -Be 'Created'
            @($probe.Again.AfterDynamo | Where-Object { $_.Name -eq 'AWSSDK.Core' -and -not $_.Default }).Version | Should -BeLike '4.*'
        }
    }
}
