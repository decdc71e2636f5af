using System.Collections.Generic;
using System.Linq;
using Chinook.Migration.Target.Writing;

namespace Chinook.Migration.Export
{
    /// <summary>What an export run tells the user after it was stopped (Ctrl+C): what was written, and how to go on.</summary>
    public static class StopSummary
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
    }
}
