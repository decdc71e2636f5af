# Child processes of the benchmark: every measurement runs in a process of its own, started here, waited
# for with a time limit, and killed by its id (with its children) if it overruns. Nothing is left running.

function Invoke-BenchProcess {
    <#
    .SYNOPSIS
    Runs a program to its end and returns its exit code, standard output and standard error.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $FilePath,
        [string[]] $ArgumentList = @(),
        [int] $TimeoutSeconds = 900
    )
    $info = [System.Diagnostics.ProcessStartInfo]::new($FilePath)
    foreach ($argument in $ArgumentList) { $info.ArgumentList.Add($argument) }
    $info.UseShellExecute = $false
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $process = [System.Diagnostics.Process]::Start($info)
    try {
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit($TimeoutSeconds * 1000)) {
            throw "$FilePath $($ArgumentList -join ' ') did not finish within $TimeoutSeconds seconds."
        }
        $process.WaitForExit()
        [pscustomobject]@{
            ExitCode  = $process.ExitCode
            StdOut    = $stdout.GetAwaiter().GetResult()
            StdErr    = $stderr.GetAwaiter().GetResult()
            ProcessId = $process.Id
        }
    }
    finally {
        if (-not $process.HasExited) { $process.Kill($true); $process.WaitForExit(10000) | Out-Null }
        $process.Dispose()
    }
}

function Invoke-BenchTool {
    <#
    .SYNOPSIS
    Runs a subcommand of Chinook.Bench and returns its JSON report as an object (exit code 3, items left
    unwritten, still returns the report; the caller sees it in UnwrittenItems).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $BenchDll,
        [Parameter(Mandatory)] [string[]] $ArgumentList,
        [int] $TimeoutSeconds = 900
    )
    $run = Invoke-BenchProcess -FilePath 'dotnet' -ArgumentList (@($BenchDll) + $ArgumentList) -TimeoutSeconds $TimeoutSeconds
    if ($run.ExitCode -notin 0, 3) {
        throw "Chinook.Bench $($ArgumentList -join ' ') failed with exit code $($run.ExitCode): $($run.StdErr)"
    }
    Write-Verbose $run.StdErr
    return $run.StdOut | ConvertFrom-Json
}

function Invoke-PwshStage {
    <#
    .SYNOPSIS
    Runs a measurement in a fresh pwsh, as an admin would run the command, and returns what it measured.
    .DESCRIPTION
    The child imports the module, runs $Body (which fills $result and may restart $clock where the timed part
    begins), and reports $result with the time on $clock and the peak working set of its own process (VmHWM on
    Linux): the memory of exactly the process that did the work.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $ModulePath,
        [Parameter(Mandatory)] [AllowEmptyString()] [string] $Body,
        [hashtable] $Variables = @{},
        [int] $TimeoutSeconds = 900
    )
    $assignments = foreach ($name in $Variables.Keys) {
        "`$$name = '$(([string]$Variables[$name]).Replace("'", "''"))'"
    }
    $script = @"
`$ErrorActionPreference = 'Stop'
`$ProgressPreference = 'SilentlyContinue'
`$ConfirmPreference = 'None'
$($assignments -join "`n")
`$result = [ordered]@{}
`$importClock = [System.Diagnostics.Stopwatch]::StartNew()
Import-Module '$($ModulePath.Replace("'", "''"))'
`$result.ImportSeconds = `$importClock.Elapsed.TotalSeconds
`$clock = [System.Diagnostics.Stopwatch]::StartNew()
$Body
`$result.Seconds = `$clock.Elapsed.TotalSeconds
`$result.PeakWorkingSetBytes = [System.Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64
'BENCH-RESULT ' + (`$result | ConvertTo-Json -Compress -Depth 5)
"@
    $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($script))
    $pwsh = Join-Path $PSHOME 'pwsh.dll'
    $run = Invoke-BenchProcess -FilePath 'dotnet' -ArgumentList @($pwsh, '-NoProfile', '-NonInteractive', '-EncodedCommand', $encoded) -TimeoutSeconds $TimeoutSeconds
    $line = $run.StdOut -split "`r?`n" | Where-Object { $_.StartsWith('BENCH-RESULT ') } | Select-Object -Last 1
    if ($run.ExitCode -ne 0 -or -not $line) {
        $why = (($run.StdErr, $run.StdOut) -join "`n").Trim()
        throw "The measurement failed (exit code $($run.ExitCode)): $($why.Substring(0, [Math]::Min(2000, $why.Length)))"
    }
    return $line.Substring('BENCH-RESULT '.Length) | ConvertFrom-Json
}

Export-ModuleMember -Function Invoke-BenchProcess, Invoke-BenchTool, Invoke-PwshStage
