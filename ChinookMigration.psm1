# The root module. The loader assembly is the module's only assembly in the session's default load context: it
# loads the cmdlets, the core and every dependency into the module's own context, whose cmdlets are imported
# here and exported by the manifest.
$reload = [bool]('Chinook.PowerShell.Loader.ModuleLoadContext' -as [type])
if (-not $reload) {
    Add-Type -LiteralPath ([System.IO.Path]::Combine($PSScriptRoot, 'Chinook.PowerShell.Loader.dll'))
}
$cmdlets = Import-Module -Assembly ([Chinook.PowerShell.Loader.ModuleLoadContext]::Initialize()) -PassThru

if ($reload) {
    # On a second import in the same process (Import-Module -Force), pwsh reuses the assembly's module from the
    # first and no longer hands its cmdlets to this one (PowerShell issue 20710), so the module would export
    # nothing. Until that is fixed, add them to this module's exports as the first import does.
    $addExportedCmdlet = [System.Management.Automation.PSModuleInfo].GetMethod(
        'AddExportedCmdlet', [System.Reflection.BindingFlags]'Instance, NonPublic')
    if ($addExportedCmdlet) {
        foreach ($cmdlet in $cmdlets.ExportedCmdlets.Values) {
            $addExportedCmdlet.Invoke($ExecutionContext.SessionState.Module, @(, $cmdlet))
        }
    }
}
