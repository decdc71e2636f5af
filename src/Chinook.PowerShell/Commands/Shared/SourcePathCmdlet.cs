using System;
using System.Collections.Generic;
using System.Management.Automation;

namespace Chinook.PowerShell.Commands.Shared
{
    /// <summary>
    /// Binds the source database parameters the way FileSystem cmdlets do: -Path with wildcards, -LiteralPath,
    /// pipeline input from Get-ChildItem, relative paths against the PowerShell location; none given means
    /// the Chinook database shipped with the module.
    /// </summary>
    public abstract class SourcePathCmdlet : PSCmdlet
    {
        protected const string PathSet = "Path";
        protected const string LiteralPathSet = "LiteralPath";

        [Parameter(ParameterSetName = PathSet, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[]? Path { get; set; }

        [Parameter(ParameterSetName = LiteralPathSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[]? LiteralPath { get; set; }

        internal static string ShippedDatabasePath =>
            System.IO.Path.Combine(System.IO.Path.GetDirectoryName(typeof(SourcePathCmdlet).Assembly.Location) ?? ".", "data", "Chinook_Sqlite.sqlite");

        /// <summary>Resolves the bound paths; each one that resolves to nothing gets its own non-terminating error.</summary>
        protected IEnumerable<string> ResolveSourcePaths()
        {
            if (LiteralPath is not null)
            {
                foreach (var literal in LiteralPath)
                {
                    yield return SessionState.Path.GetUnresolvedProviderPathFromPSPath(literal);
                }
                yield break;
            }
            if (Path is null)
            {
                WriteVerbose($"No -Path given: using the Chinook database shipped with the module, '{ShippedDatabasePath}'.");
                yield return ShippedDatabasePath;
                yield break;
            }
            foreach (var pattern in Path)
            {
                var resolved = Resolve(pattern);
                foreach (var path in resolved)
                {
                    yield return path;
                }
            }
        }

        private IReadOnlyList<string> Resolve(string pattern)
        {
            try
            {
                var paths = GetResolvedProviderPathFromPSPath(pattern, out var provider);
                if (provider.Name != "FileSystem")
                {
                    WriteError(ErrorRecords.SourceNotFileSystem(pattern, provider.Name));
                    return Array.Empty<string>();
                }
                if (paths.Count == 0)
                {
                    WriteError(ErrorRecords.SourceNotFound(pattern));
                }
                return paths;
            }
            catch (ItemNotFoundException)
            {
                WriteError(ErrorRecords.SourceNotFound(pattern));
                return Array.Empty<string>();
            }
            catch (System.Management.Automation.DriveNotFoundException)
            {
                WriteError(ErrorRecords.SourceNotFound(pattern));
                return Array.Empty<string>();
            }
        }

        protected static string DisplayName(string path) => System.IO.Path.GetFileName(path);
    }
}
