using System.Management.Automation;
using System.Runtime.Loader;

namespace Chinook.PowerShell.Loading
{
    /// <summary>Hooks dependency resolution on import and unhooks it on removal; import does no other work.</summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        public void OnImport() => AssemblyLoadContext.Default.Resolving += DependencyLoadContext.ResolveFromDefault;

        public void OnRemove(PSModuleInfo psModuleInfo) => AssemblyLoadContext.Default.Resolving -= DependencyLoadContext.ResolveFromDefault;
    }
}
