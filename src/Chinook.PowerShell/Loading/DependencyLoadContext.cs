using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace Chinook.PowerShell.Loading
{
    /// <summary>
    /// Keeps the module's dependencies (AWS SDK, SQLite) to itself, so that another module's AWSSDK.Core or
    /// SQLite bindings in the same session cannot replace ours, nor ours theirs. Only the core library is
    /// handed to the session's default context; everything it needs is then found in the deps folder.
    /// </summary>
    internal sealed class DependencyLoadContext : AssemblyLoadContext
    {
        private const string CoreAssemblyName = "Chinook.Migration";

        private static readonly string DependencyDirectory = Path.Combine(
            Path.GetDirectoryName(typeof(DependencyLoadContext).Assembly.Location) ?? ".", "deps");

        private static readonly string FrameworkDirectory = RuntimeEnvironment.GetRuntimeDirectory();

        private static readonly Lazy<DependencyLoadContext> Instance = new Lazy<DependencyLoadContext>(() => new DependencyLoadContext());

        internal static Assembly? ResolveFromDefault(AssemblyLoadContext defaultContext, AssemblyName name)
        {
            return string.Equals(name.Name, CoreAssemblyName, StringComparison.Ordinal)
                ? Instance.Value.LoadFromAssemblyName(name)
                : null;
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            // What the runtime ships (System.Text.Json, System.Memory, ...) must stay the framework's own copy,
            // or types such as Span<T> would exist twice.
            if (File.Exists(Path.Combine(FrameworkDirectory, assemblyName.Name + ".dll")))
            {
                return null;
            }
            var path = Path.Combine(DependencyDirectory, assemblyName.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }

        protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
        {
            var path = NativeLibraryPath(unmanagedDllName);
            return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
        }

        // PowerShell does not probe NuGet's runtimes/<rid>/native layout, so the module finds SQLite itself.
        private static string? NativeLibraryPath(string name)
        {
            string os, prefix, extension;
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                os = "win"; prefix = ""; extension = ".dll";
            }
            else if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
            {
                os = "osx"; prefix = "lib"; extension = ".dylib";
            }
            else
            {
                os = "linux"; prefix = "lib"; extension = ".so";
            }
            var architecture = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "arm64" : "x64";
            var fileName = name.EndsWith(extension, StringComparison.OrdinalIgnoreCase) ? name : prefix + name + extension;
            var path = Path.Combine(DependencyDirectory, "runtimes", os + "-" + architecture, "native", fileName);
            return File.Exists(path) ? path : null;
        }
    }
}
