<#
.SYNOPSIS
A migration as an automation runbook runs and asserts it: create the tables, load the source, prove the target.

.DESCRIPTION
`./build.ps1 Test` runs this file against the local DynamoDB it starts ($env:CHINOOK_TEST_ENDPOINT), with tables of
a prefix made up for the run and removed afterwards. Point it at an AWS account with Pester container data:

    $data = @{ Region = 'eu-west-1'; ProfileName = 'migration'; TablePrefix = 'staging-' }
    Invoke-Pester -Container (New-PesterContainer -Path ./examples/Migration.Tests.ps1 -Data $data) -Output Detailed

or with environment variables, as a scheduler sets them: CHINOOK_REGION, CHINOOK_PROFILE, CHINOOK_TABLE_PREFIX,
CHINOOK_SOURCE_PATH, CHINOOK_ENDPOINT (another endpoint), CHINOOK_MODULE_PATH (the module to import). Without a
profile the AWS SDK's default chain gives the credentials (environment, instance or container role). Tables of a
prefix you give are yours: they are created when missing, loaded, validated and left in place.
#>
param(
    [string] $Region = $env:CHINOOK_REGION,
    [string] $ProfileName = $env:CHINOOK_PROFILE,
    [string] $TablePrefix = $env:CHINOOK_TABLE_PREFIX,
    [string] $SourcePath = $env:CHINOOK_SOURCE_PATH,
    # A local DynamoDB unless a region is given: the build's own, or another one named here.
    [string] $EndpointUrl = $(if ($env:CHINOOK_ENDPOINT) { $env:CHINOOK_ENDPOINT } elseif (-not $Region) { $env:CHINOOK_TEST_ENDPOINT }),
    [string] $ModulePath = $(if ($env:CHINOOK_MODULE_PATH) { $env:CHINOOK_MODULE_PATH } else { Join-Path $PSScriptRoot '../out/ChinookMigration/ChinookMigration.psd1' })
)

BeforeAll {
    Import-Module $ModulePath -Force
    if (-not $EndpointUrl -and -not $Region) { throw 'Give a Region (or CHINOOK_REGION) for AWS, or an EndpointUrl (or CHINOOK_ENDPOINT) for a local DynamoDB.' }

    # A throwaway prefix when none is given; only such tables are removed at the end.
    $script:Throwaway = -not $TablePrefix
    $script:Prefix = if ($Throwaway) { 'runbook-' + [guid]::NewGuid().ToString('N').Substring(0, 8) + '-' } else { $TablePrefix }
    $script:Target = @{ TablePrefix = $Prefix }
    if ($EndpointUrl) { $Target.EndpointUrl = $EndpointUrl }
    if ($Region) { $Target.Region = $Region }
    if ($ProfileName) { $Target.ProfileName = $ProfileName }
    $script:Source = @{}
    if ($SourcePath) { $Source.LiteralPath = $SourcePath }
}

AfterAll {
    if ($Throwaway) { Remove-ChinookDynamoTable @Target -Confirm:$false | Out-Null }
}

Describe 'Migrating the Chinook database' {
    It 'has a source database with no broken references or duplicate e-mails' {
        # Each check reports, found or not: the 11 foreign keys and the customers' e-mail. A check that is not
        # there has not proved anything.
        $findings = @(Get-ChinookSourceStats @Source -DataQuality -ErrorAction Stop | Where-Object Check -in 'OrphanForeignKey', 'DuplicateValue')
        ($findings | Group-Object Check -NoElement | ForEach-Object { "$($_.Name) $($_.Count)" }) | Should -Be 'OrphanForeignKey 11', 'DuplicateValue 1'
        $findings | Where-Object Count -gt 0 | Should -BeNullOrEmpty
    }

    It 'creates the four tables, or finds them as the module defines them' {
        $tables = New-ChinookDynamoTable @Target -Confirm:$false -ErrorAction Stop
        $tables.TableName | Should -Be ('MusicCatalog', 'CustomerOrders', 'Playlists', 'EmployeeManagement' | ForEach-Object { "$Prefix$_" })
        $tables.Status | Should -BeIn 'Created', 'Existing'
    }

    It 'writes every item of the source, none left unwritten' {
        $written = Export-ChinookToDynamo @Source @Target -Confirm:$false -ErrorAction Stop
        ($written | Measure-Object Failed -Sum).Sum | Should -Be 0
        ($written | Measure-Object ItemsWritten -Sum).Sum | Should -Be (ConvertTo-ChinookItem @Source | Measure-Object).Count
    }
}

Describe 'The migrated tables' {
    BeforeAll {
        $script:Results = Test-ChinookMigration @Source @Target -ErrorAction Stop
        # How many checks of each kind the validation makes: a check that did not run has not passed.
        function script:Get-Checks([string] $Kind, [int] $Count) {
            $checks = @($Results | Where-Object Kind -eq $Kind)
            $checks.Count | Should -Be $Count -Because "the validation makes $Count $Kind checks"
            $checks
        }
    }

    It 'hold as many rows of each of the 11 source tables as the source' {
        Get-Checks RecordCount 11 | Where-Object { -not $_.Passed } | Should -BeNullOrEmpty
    }

    It 'hold every row field by field and every item attribute by attribute, and nothing else' {
        Get-Checks DataIntegrity 15 | Where-Object { -not $_.Passed } | Should -BeNullOrEmpty
    }

    It 'keep every relationship, with the copied names agreeing' {
        Get-Checks Relationship 9 | Where-Object { -not $_.Passed } | Should -BeNullOrEmpty
    }

    It 'answer every access pattern as the source does' {
        Get-Checks AccessPattern 9 | Where-Object { -not $_.Passed } | Should -BeNullOrEmpty
    }

    It 'report the latency of every access pattern, apart from its answer' {
        # A slow answer is not lost data: the runbook asserts the answers above and shows the latencies (p50, p95, p99
        # against the user's targets) for the record. A runbook that must hold the targets asserts Passed here too.
        $latencies = @(Get-Checks Latency 9)
        $latencies | ForEach-Object { $_.Iterations | Should -BeGreaterThan 0 }
        $latencies | Format-Table Check, Passed, P50Ms, P95Ms, P99Ms, TargetMs -AutoSize | Out-String | Write-Host
    }
}
