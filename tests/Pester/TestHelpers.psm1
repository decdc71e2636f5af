# Shared set-up for the Pester tests: the built module, scratch databases, the local DynamoDB endpoint.

function Get-ChinookTestModulePath {
    if ($env:CHINOOK_MODULE_PATH) { return $env:CHINOOK_MODULE_PATH }
    return Join-Path $PSScriptRoot '../../out/ChinookMigration/ChinookMigration.psd1'
}

function Get-ShippedDatabasePath {
    return Join-Path (Split-Path (Get-ChinookTestModulePath)) 'data/Chinook_Sqlite.sqlite'
}

function Get-TestEndpoint {
    if (-not $env:CHINOOK_TEST_ENDPOINT) { throw 'CHINOOK_TEST_ENDPOINT is not set: run the tests through ./build.ps1 Test, which starts the local DynamoDB.' }
    return $env:CHINOOK_TEST_ENDPOINT
}

function Get-NuGetPackagePath {
    <# A package folder in the NuGet cache, found as build.ps1 finds it (restored by the test project's PackageDownload). #>
    param([Parameter(Mandatory)] [string] $Id, [Parameter(Mandatory)] [string] $Version)
    $root = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { (& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '' }
    $path = Join-Path $root.Trim() "$($Id.ToLowerInvariant())/$Version"
    if (-not (Test-Path $path)) { throw "$Id $Version is not in the NuGet cache ($path): run 'dotnet restore tests/Chinook.Migration.Tests'." }
    return $path
}

function New-ScratchFolder {
    $folder = Join-Path ([System.IO.Path]::GetTempPath()) ("chinook-pester-" + [guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory -Path $folder | Out-Null
    return $folder
}

function Invoke-FreshPwsh {
    <# Runs a script in a new pwsh process and returns its output lines. #>
    param([Parameter(Mandatory)] [string] $Script)
    $pwsh = Join-Path $PSHOME 'pwsh.dll'
    $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($Script))
    & dotnet $pwsh -NoProfile -NonInteractive -EncodedCommand $encoded 2>&1
}

function Invoke-Sqlite {
    <# Changes a scratch database (never the shipped one) through the module's own SQLite, loaded in a child pwsh. #>
    param([Parameter(Mandatory)] [string] $Path, [Parameter(Mandatory)] [string] $Sql)
    $deps = Join-Path (Split-Path (Get-ChinookTestModulePath)) 'deps'
    $arch = if ([System.Runtime.InteropServices.RuntimeInformation]::ProcessArchitecture -eq 'Arm64') { 'arm64' } else { 'x64' }
    $native = if ($IsWindows) { "win-$arch/native/e_sqlite3.dll" } elseif ($IsMacOS) { "osx-$arch/native/libe_sqlite3.dylib" } else { "linux-$arch/native/libe_sqlite3.so" }
    $script = @"
`$ErrorActionPreference = 'Stop'
Add-Type -Path '$deps/SQLitePCLRaw.core.dll','$deps/SQLitePCLRaw.provider.e_sqlite3.dll','$deps/SQLitePCLRaw.batteries_v2.dll','$deps/Microsoft.Data.Sqlite.dll'
[System.Runtime.InteropServices.NativeLibrary]::SetDllImportResolver([SQLitePCL.SQLite3Provider_e_sqlite3].Assembly, { param(`$n) [System.Runtime.InteropServices.NativeLibrary]::Load('$deps/runtimes/$native') })
`$c = [Microsoft.Data.Sqlite.SqliteConnection]::new('Data Source=$Path;Pooling=False;Foreign Keys=False')
`$c.Open(); `$cmd = `$c.CreateCommand(); `$cmd.CommandText = @'
$Sql
'@
[void]`$cmd.ExecuteNonQuery(); `$c.Close()
"@
    $output = Invoke-FreshPwsh $script
    if ($LASTEXITCODE -ne 0) { throw "SQL against $Path failed: $output" }
}

Export-ModuleMember -Function *
