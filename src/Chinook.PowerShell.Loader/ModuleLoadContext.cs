using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace Chinook.PowerShell.Loader
{
    /// <summary>
    /// The module's own load context. The cmdlet assembly, the core and their dependencies (AWS SDK, SQLite) load
    /// here from the module's bin folder, so that another module's AWSSDK.Core or SQLite in the same session
    /// cannot replace ours, nor ours theirs, whichever is imported first.
    /// </summary>
    public sealed class ModuleLoadContext : AssemblyLoadContext
    {
        private const string CmdletAssemblyName = "Chinook.PowerShell";

        private static readonly object Sync = new();
        private static ModuleLoadContext? instance;

        private readonly string binDirectory;
        private readonly string frameworkDirectory = RuntimeEnvironment.GetRuntimeDirectory();

        private ModuleLoadContext(string binDirectory)
            : base("ChinookMigration", isCollectible: false)
        {
            this.binDirectory = binDirectory;
        }

        /// <summary>
        /// The cmdlet assembly, loaded into the module's context; the root module imports its cmdlets. A second
        /// import in the same process (after Remove-Module) gets the same context: a context that is not
        /// collectible cannot be unloaded, and a second copy of the SDK would only cost memory.
        /// </summary>
        public static Assembly Initialize()
        {
            lock (Sync)
            {
                instance ??= new ModuleLoadContext(Path.Combine(
                    Path.GetDirectoryName(typeof(ModuleLoadContext).Assembly.Location) ?? ".", "bin"));
                return instance.LoadFromAssemblyName(new AssemblyName(CmdletAssemblyName));
            }
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            // PowerShell's own assemblies and what the runtime ships (System.Text.Json, System.Memory, ...) must
            // stay the session's copies, or types such as PSObject and Span<T> would exist twice.
            if (File.Exists(Path.Combine(frameworkDirectory, assemblyName.Name + ".dll")))
            {
                return null;
            }
            var path = Path.Combine(binDirectory, assemblyName.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }

        protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
        {
            var path = NativeLibraryPath(unmanagedDllName);
            return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
        }

        // The module ships SQLite for several platforms in NuGet's runtimes/<rid>/native layout, which
        // nothing probes for a context of our own.
        private string? NativeLibraryPath(string name)
        {
            var (os, prefix, extension) =
                RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? ("win", "", ".dll")
                : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? ("osx", "lib", ".dylib")
                : ("linux", "lib", ".so");
            var architecture = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "arm64" : "x64";
            var fileName = name.EndsWith(extension, StringComparison.OrdinalIgnoreCase) ? name : prefix + name + extension;
            var path = Path.Combine(binDirectory, "runtimes", os + "-" + architecture, "native", fileName);
            return File.Exists(path) ? path : null;
        }
    }
}
