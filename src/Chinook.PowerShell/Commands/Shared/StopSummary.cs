using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Host;
using Chinook.Migration.Target.Writing;

namespace Chinook.PowerShell.Commands.Shared
{
    /// <summary>
    /// What Export-ChinookToDynamo tells the user after Ctrl+C. A stopping command may write nothing to the
    /// pipeline or its streams (PowerShell throws instead), so this one line goes straight to the host.
    /// </summary>
    internal static class StopSummary
    {
        /// <param name="checkpointPath">The checkpoint just saved for -Resume, or null when there is none.</param>
        public static string Describe(IReadOnlyList<TableWriteResult> tables, string? checkpointPath)
        {
            var written = tables.Sum(t => t.ItemsWritten);
            // Received but neither written nor replaced by a later item: gathered, queued, in flight or failed.
            var notWritten = tables.Sum(t => t.ItemsReceived - t.ItemsWritten - t.DuplicatesFolded);
            var perTable = string.Join(", ", tables.Select(t => $"{t.TableName} {t.ItemsWritten:N0}"));
            var text = $"Export-ChinookToDynamo stopped: {Items(written)} written ({perTable}); {Items(notWritten)} received but not written.";
            return checkpointPath is null
                ? text
                : text + $" Run the same command with -Resume to continue from checkpoint '{checkpointPath}'.";
        }

        private static string Items(long count) => count == 1 ? "1 item" : $"{count:N0} items";

        /// <summary>Shows the text as a warning line; a host without a user interface (a hosted runspace) shows nothing.</summary>
        public static void Show(PSHost? host, string text)
        {
            try
            {
                host?.UI?.WriteWarningLine(text);
            }
            catch (Exception ex) when (ex is HostException || ex is NotImplementedException)
            {
                // A custom host that cannot show a line: the checkpoint and the tables still hold the partial result.
            }
        }
    }
}
