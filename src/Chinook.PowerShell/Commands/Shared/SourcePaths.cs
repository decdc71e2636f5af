using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;

namespace Chinook.PowerShell.Commands.Shared
{
    /// <summary>
    /// Resolves source database paths the way FileSystem cmdlets do: wildcards in -Path, -LiteralPath as
    /// given, relative paths against the PowerShell location; none given means the shipped database.
    /// Each path that resolves to nothing, or to a folder, gets its own non-terminating error.
    /// </summary>
    internal static class SourcePaths
    {
        /// <summary>The database in the module's data folder, beside the manifest.</summary>
        private static string ShippedDatabase(PSCmdlet cmdlet) =>
            System.IO.Path.Combine(cmdlet.MyInvocation.MyCommand.Module?.ModuleBase ?? ".", "data", "Chinook_Sqlite.sqlite");

        /// <param name="reportError">Takes each path's error in place of WriteError (Test-ChinookMigration -Quiet answers false instead).</param>
        public static IEnumerable<string> Resolve(PSCmdlet cmdlet, string[]? path, string[]? literalPath, Action<ErrorRecord>? reportError = null)
        {
            reportError ??= cmdlet.WriteError;
            if (literalPath is not null)
            {
                foreach (var literal in literalPath)
                {
                    var file = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(literal);
                    if (Directory.Exists(file))
                    {
                        reportError(ErrorRecords.SourceIsFolder(literal));
                        continue;
                    }
                    yield return file;
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
                foreach (var file in ResolvePattern(cmdlet, pattern, reportError))
                {
                    yield return file;
                }
            }
        }

        private static IReadOnlyList<string> ResolvePattern(PSCmdlet cmdlet, string pattern, Action<ErrorRecord> reportError)
        {
            try
            {
                var paths = cmdlet.GetResolvedProviderPathFromPSPath(pattern, out var provider);
                if (provider.Name != "FileSystem")
                {
                    reportError(ErrorRecords.SourceNotFileSystem(pattern, provider.Name));
                    return Array.Empty<string>();
                }
                var files = paths.Where(p => !Directory.Exists(p)).ToList();
                if (files.Count == 0)
                {
                    // A wildcard may match folders beside the databases; only a pattern that names folders alone is an error.
                    reportError(paths.Count == 0 ? ErrorRecords.SourceNotFound(pattern) : ErrorRecords.SourceIsFolder(pattern));
                }
                return files;
            }
            catch (ItemNotFoundException)
            {
                reportError(ErrorRecords.SourceNotFound(pattern));
                return Array.Empty<string>();
            }
            catch (System.Management.Automation.DriveNotFoundException)
            {
                reportError(ErrorRecords.SourceNotFound(pattern));
                return Array.Empty<string>();
            }
        }
    }
}
