#!/usr/bin/env pwsh
<#
.SYNOPSIS
Builds, tests, demonstrates and benchmarks the ChinookMigration module.

.DESCRIPTION
Tasks:
  Build  - an importable module at out/ChinookMigration (manifest, assemblies, native SQLite for
           linux-x64, win-x64, osx-x64 and osx-arm64, help, the shipped Chinook database).
  Test   - Build, then the xunit tests of the core and the Pester tests of the built module in a fresh
           pwsh, with a local DynamoDB (dynalite) started for them and stopped by process id afterwards.
  Demo   - Build, then the whole migration of the shipped database (see examples/Demo.ps1).
  Bench  - Build, then bench/Invoke-Benchmark.ps1: every stage at 1x, 10x and 100x against the server's ceiling
           and the user's design; the report goes to bench/results/<yyyyMMdd-HHmmss>/ (see README, Benchmark).

.EXAMPLE
dotnet tool restore && dotnet pwsh ./build.ps1 Test

.EXAMPLE
dotnet pwsh ./build.ps1 Test -PesterPath tests/Pester/SourceStats.Tests.ps1
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'UnitTest', 'PesterTest', 'Demo', 'Bench', 'Clean')]
    [string[]] $Task = 'Build',
    [string] $Configuration = 'Release',
    # Pester files or folders to run (default: tests/Pester and examples).
    [string[]] $PesterPath,
    # Demo against a real or already running DynamoDB instead of a local dynalite started for it.
    [string] $EndpointUrl,
    [string] $Region,
    [string] $ProfileName
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$Root = $PSScriptRoot
$Out = Join-Path $Root 'out'
$ModuleDir = Join-Path $Out 'ChinookMigration'
$NativeRids = 'linux-x64', 'win-x64', 'osx-x64', 'osx-arm64'
Import-Module (Join-Path $Root 'tools/LocalDynamo/LocalDynamo.psm1') -Force
Import-Module (Join-Path $Root 'tools/HelpGenerator/HelpGenerator.psm1') -Force

function Invoke-Native {
    param([string] $FilePath, [string[]] $Arguments)
    & $FilePath @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$FilePath $($Arguments -join ' ') failed with exit code $LASTEXITCODE." }
}

function Get-NuGetPackageRoot {
    if ($env:NUGET_PACKAGES) { return $env:NUGET_PACKAGES }
    $line = & dotnet nuget locals global-packages --list
    return ($line -replace '^global-packages:\s*', '').Trim()
}

function Invoke-Build {
    $publish = Join-Path $Out 'publish'
    $loaderPublish = Join-Path $Out 'publish-loader'
    Invoke-Native dotnet @('publish', (Join-Path $Root 'src/Chinook.PowerShell'), '-c', $Configuration, '-o', $publish, '--nologo', '-v', 'q')
    Invoke-Native dotnet @('publish', (Join-Path $Root 'src/Chinook.PowerShell.Loader'), '-c', $Configuration, '-o', $loaderPublish, '--nologo', '-v', 'q')

    if (Test-Path $ModuleDir) { Remove-Item $ModuleDir -Recurse -Force }
    New-Item -ItemType Directory -Force $ModuleDir | Out-Null
    Copy-Item (Join-Path $Root 'ChinookMigration.psd1'), (Join-Path $Root 'ChinookMigration.psm1') $ModuleDir
    Copy-Item (Join-Path $Root 'src/Chinook.PowerShell/Formats') $ModuleDir -Recurse
    # The loader is the only assembly beside the manifest; the cmdlets, the core and every dependency live in
    # bin/, out of PowerShell's own probing, and load into the module's own load context.
    Copy-Item (Join-Path $loaderPublish 'Chinook.PowerShell.Loader.dll') $ModuleDir
    $bin = New-Item -ItemType Directory -Force (Join-Path $ModuleDir 'bin')
    Get-ChildItem $publish -Filter *.dll | Copy-Item -Destination $bin

    $assets = Get-Content -Raw (Join-Path $Root 'src/Chinook.Migration/obj/project.assets.json') | ConvertFrom-Json -AsHashtable
    $sqliteNative = $assets.libraries.Keys | Where-Object { $_ -like 'SQLitePCLRaw.lib.e_sqlite3/*' } | Select-Object -First 1
    $nativeRoot = Join-Path (Get-NuGetPackageRoot) $assets.libraries[$sqliteNative].path
    foreach ($rid in $NativeRids) {
        $target = New-Item -ItemType Directory -Force (Join-Path $bin "runtimes/$rid/native")
        Copy-Item (Join-Path $nativeRoot "runtimes/$rid/native/*") $target
    }

    $data = New-Item -ItemType Directory -Force (Join-Path $ModuleDir 'data')
    Copy-Item (Join-Path $Root 'data/Chinook_Sqlite.sqlite'), (Join-Path $Root 'data/Chinook-LICENSE.md') $data
    # Get-Help's MAML from the Markdown in src/Chinook.PowerShell/Help; fails when a cmdlet or parameter lacks help.
    Build-ModuleHelp -ModulePath (Join-Path $ModuleDir 'ChinookMigration.psd1') -SourcePath (Join-Path $Root 'src/Chinook.PowerShell/Help')
    Write-Host "Built $ModuleDir"
}

function Get-PesterModulePath {
    $manifest = Join-Path (Get-NuGetPackageRoot) 'pester/5.7.1/tools/Pester.psd1'
    if (-not (Test-Path $manifest)) {
        Invoke-Native dotnet @('restore', (Join-Path $Root 'tests/Chinook.Migration.Tests'), '--nologo', '-v', 'q')
    }
    return $manifest
}

function Invoke-UnitTest {
    $results = Join-Path $Out 'test-results'
    Remove-Item (Join-Path $results 'unit.trx') -ErrorAction Ignore
    & dotnet test (Join-Path $Root 'tests/Chinook.Migration.Tests') -c $Configuration --nologo `
        --logger 'trx;LogFileName=unit.trx' --results-directory $results | Out-Host
    if (-not (Test-Path (Join-Path $results 'unit.trx'))) { return [pscustomobject]@{ Passed = 0; Failed = 1 } }
    [xml] $trx = Get-Content (Join-Path $results 'unit.trx')
    $counters = $trx.TestRun.ResultSummary.Counters
    return [pscustomobject]@{ Passed = [int]$counters.passed; Failed = [int]$counters.failed + [int]$counters.error }
}

function Invoke-PesterTest {
    $pester = Get-PesterModulePath
    $paths = if ($PesterPath) { $PesterPath | ForEach-Object { (Resolve-Path $_).Path } }
             else { @((Join-Path $Root 'tests/Pester'), (Join-Path $Root 'examples')) | Where-Object { Test-Path $_ } }
    $resultFile = Join-Path $Out 'test-results/pester.json'
    New-Item -ItemType Directory -Force (Split-Path $resultFile) | Out-Null
    # The tests must leave the user's home as they found it: checkpoints go to a scratch folder, and the user's data
    # folder is moved to a scratch one for the run, which must then hold nothing of the module's.
    $userData = Join-Path ([Environment]::GetFolderPath('LocalApplicationData')) 'ChinookMigration'
    $userDataBefore = Get-FolderSnapshot $userData
    $scratch = New-Item -ItemType Directory -Force (Join-Path ([System.IO.Path]::GetTempPath()) "chinook-pester-home-$([guid]::NewGuid().ToString('N'))")
    $server = Start-LocalDynamo
    try {
        $env:CHINOOK_CHECKPOINT_FOLDER = Join-Path $scratch 'checkpoints'
        if (-not $IsWindows -and -not $IsMacOS) { $env:XDG_DATA_HOME = Join-Path $scratch 'data' }
        $env:CHINOOK_TEST_ENDPOINT = $server.EndpointUrl
        $env:CHINOOK_MODULE_PATH = Join-Path $ModuleDir 'ChinookMigration.psd1'
        $env:CHINOOK_REPO_ROOT = $Root
        # A fresh pwsh, as a user would import the module; nothing of this build session leaks in. The
        # script goes as text (not a script block, whose streams would come back serialized and print twice).
        $env:CHINOOK_PESTER_PATHS = $paths -join [System.IO.Path]::PathSeparator
        $script = @"
Import-Module '$pester' -RequiredVersion 5.7.1
`$config = New-PesterConfiguration
`$config.Run.Path = `$env:CHINOOK_PESTER_PATHS -split [System.IO.Path]::PathSeparator
`$config.Run.PassThru = `$true
`$config.Output.Verbosity = 'Detailed'
`$result = Invoke-Pester -Configuration `$config
@{ Passed = `$result.PassedCount; Failed = `$result.FailedCount + `$result.FailedBlocksCount + `$result.FailedContainersCount } |
    ConvertTo-Json | Set-Content '$resultFile'
"@
        $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($script))
        & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -OutputFormat Text -EncodedCommand $encoded | Out-Host
    }
    finally {
        $server | Stop-LocalDynamo
        Remove-Item Env:CHINOOK_TEST_ENDPOINT, Env:CHINOOK_MODULE_PATH, Env:CHINOOK_REPO_ROOT, Env:CHINOOK_PESTER_PATHS, Env:CHINOOK_CHECKPOINT_FOLDER -ErrorAction Ignore
        if (-not $IsWindows -and -not $IsMacOS) { Remove-Item Env:XDG_DATA_HOME -ErrorAction Ignore }
    }
    $homeFailures = @(Test-HomeUntouched -UserData $userData -Before $userDataBefore -ScratchData (Join-Path $scratch 'data/ChinookMigration') -Endpoint $server.EndpointUrl)
    Remove-Item $scratch -Recurse -Force -ErrorAction Ignore
    if (-not (Test-Path $resultFile)) { return [pscustomobject]@{ Passed = 0; Failed = 1 + $homeFailures.Count } }
    $result = Get-Content -Raw $resultFile | ConvertFrom-Json
    $result.Failed += $homeFailures.Count
    return $result
}

function Get-FolderSnapshot {
    <# Every file under a folder with its size and last write time, as comparable lines; none when it does not exist. #>
    param([string] $Path)
    if (-not (Test-Path $Path)) { return @() }
    @(Get-ChildItem $Path -Recurse -File -Force | ForEach-Object { "$($_.FullName) $($_.Length) $($_.LastWriteTimeUtc.Ticks)" } | Sort-Object)
}

function Test-HomeUntouched {
    <#
    One line per failure: a file of the module created or changed in the user's data folder by this run, or left in
    the run's scratch data folder. A checkpoint that names neither this repository, nor a scratch folder of the
    tests, nor this run's endpoint was written by another process meanwhile (another checkout's tests): it is shown,
    not counted.
    #>
    param([string] $UserData, [string[]] $Before, [string] $ScratchData, [string] $Endpoint)
    $changed = @(Get-FolderSnapshot $UserData | Where-Object { $_ -notin @($Before) })
    $temp = [System.IO.Path]::GetTempPath()
    foreach ($line in $changed) {
        $file = $line.Substring(0, $line.LastIndexOf(' ', $line.LastIndexOf(' ') - 1))
        $checkpoint = try { Get-Content -Raw $file | ConvertFrom-Json } catch { $null }
        $ours = -not $checkpoint -or "$($checkpoint.SourcePath)".StartsWith($Root) -or "$($checkpoint.SourcePath)".StartsWith($temp) -or
            "$($checkpoint.Selection)".Contains("target=$Endpoint;")
        if (-not $ours) {
            Write-Host "Note: $file changed during the run, by another process (its source is $($checkpoint.SourcePath)); not counted."
            continue
        }
        $message = "FAILED: the Pester run created or changed a file in the user's data folder: $line"
        Write-Host $message -ForegroundColor Red
        $message
    }
    foreach ($line in (Get-FolderSnapshot $ScratchData)) {
        $message = "FAILED: a test wrote to the default data folder instead of a temporary one: $line"
        Write-Host $message -ForegroundColor Red
        $message
    }
    if ($changed.Count -eq 0) { Write-Host "The user's data folder $UserData is as the Pester run found it." }
}

function Invoke-Demo {
    $demo = Join-Path $Root 'examples/Demo.ps1'
    $demoArgs = @('-ModulePath', (Join-Path $ModuleDir 'ChinookMigration.psd1'))
    if ($EndpointUrl) { $demoArgs += '-EndpointUrl', $EndpointUrl }
    if ($Region) { $demoArgs += '-Region', $Region }
    if ($ProfileName) { $demoArgs += '-ProfileName', $ProfileName }
    # A fresh pwsh, as an admin would run it.
    & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File $demo @demoArgs
    if ($LASTEXITCODE -ne 0) { throw "The demo failed (exit code $LASTEXITCODE)." }
}

$summary = [ordered]@{ Passed = 0; Failed = 0 }
foreach ($name in $Task) {
    switch ($name) {
        'Clean' { Remove-Item $Out -Recurse -Force -ErrorAction Ignore }
        'Build' { Invoke-Build }
        'UnitTest' { $r = Invoke-UnitTest; $summary.Passed += $r.Passed; $summary.Failed += $r.Failed }
        'PesterTest' { Invoke-Build; $r = Invoke-PesterTest; $summary.Passed += $r.Passed; $summary.Failed += $r.Failed }
        'Test' {
            Invoke-Build
            foreach ($r in (Invoke-UnitTest), (Invoke-PesterTest)) { $summary.Passed += $r.Passed; $summary.Failed += $r.Failed }
        }
        'Demo' { Invoke-Build; Invoke-Demo }
        'Bench' { Invoke-Build; & (Join-Path $Root 'bench/Invoke-Benchmark.ps1') -ModulePath (Join-Path $ModuleDir 'ChinookMigration.psd1') | Out-Host }
    }
}
if ($Task | Where-Object { $_ -in 'Test', 'UnitTest', 'PesterTest' }) {
    Write-Host "Tests: $($summary.Passed) passed, $($summary.Failed) failed"
    if ($summary.Failed -gt 0) { exit 1 }
}
