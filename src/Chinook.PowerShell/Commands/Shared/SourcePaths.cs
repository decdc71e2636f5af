using System;
using System.Collections.Generic;
using System.Management.Automation;

namespace Chinook.PowerShell.Commands.Shared
{
    /// <summary>
    /// Resolves source database paths the way FileSystem cmdlets do: wildcards in -Path, -LiteralPath as
    /// given, relative paths against the PowerShell location; none given means the shipped database.
    /// Each path that resolves to nothing gets its own non-terminating error.
    /// </summary>
    internal static class SourcePaths
    {
        /// <summary>The database in the module's data folder, beside the manifest.</summary>
        private static string ShippedDatabase(PSCmdlet cmdlet) =>
            System.IO.Path.Combine(cmdlet.MyInvocation.MyCommand.Module?.ModuleBase ?? ".", "data", "Chinook_Sqlite.sqlite");

        /// <param name="unresolved">Told of each pattern that resolves to nothing (after its error is written).</param>
        public static IEnumerable<string> Resolve(PSCmdlet cmdlet, string[]? path, string[]? literalPath, Action? unresolved = null)
        {
            if (literalPath is not null)
            {
                foreach (var literal in literalPath)
                {
                    yield return cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(literal);
                }
                yield break;
            }
            if (path is null)
            {
                var shipped = ShippedDatabase(cmdlet);
                cmdlet.WriteVerbose($"No -Path given: using the Chinook database shipped with the module, '{shipped}'.");
                yield return shipped;
                yield break;
            }
            foreach (var pattern in path)
            {
                var resolved = ResolvePattern(cmdlet, pattern);
                if (resolved.Count == 0)
                {
                    unresolved?.Invoke();
                }
                foreach (var file in resolved)
                {
                    yield return file;
                }
            }
        }

        private static IReadOnlyList<string> ResolvePattern(PSCmdlet cmdlet, string pattern)
        {
            try
            {
                var paths = cmdlet.GetResolvedProviderPathFromPSPath(pattern, out var provider);
                if (provider.Name != "FileSystem")
                {
                    cmdlet.WriteError(ErrorRecords.SourceNotFileSystem(pattern, provider.Name));
                    return Array.Empty<string>();
                }
                if (paths.Count == 0)
                {
                    cmdlet.WriteError(ErrorRecords.SourceNotFound(pattern));
                }
                return paths;
            }
            catch (ItemNotFoundException)
            {
                cmdlet.WriteError(ErrorRecords.SourceNotFound(pattern));
                return Array.Empty<string>();
            }
            catch (System.Management.Automation.DriveNotFoundException)
            {
                cmdlet.WriteError(ErrorRecords.SourceNotFound(pattern));
                return Array.Empty<string>();
            }
        }
    }
}
