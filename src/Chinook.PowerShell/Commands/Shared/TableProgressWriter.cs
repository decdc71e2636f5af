using System;
using System.Collections.Generic;
using System.Management.Automation;
using Chinook.Migration.Target;

namespace Chinook.PowerShell.Commands.Shared
{
    /// <summary>Shows each table's wait as its own progress bar, and says in -Verbose when a table moves to a new step.</summary>
    internal sealed class TableProgressWriter
    {
        private readonly Cmdlet cmdlet;
        private readonly Dictionary<string, int> activityIds = new Dictionary<string, int>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> lastStep = new Dictionary<string, string>(StringComparer.Ordinal);

        public TableProgressWriter(Cmdlet cmdlet) => this.cmdlet = cmdlet;

        /// <summary>Handles one report; call it on the pipeline thread only.</summary>
        public void Write(TableProgress progress)
        {
            if (!activityIds.TryGetValue(progress.TableName, out var id))
            {
                id = activityIds.Count + 1;
                activityIds.Add(progress.TableName, id);
            }
            var status = progress.TableStatus ?? "gone";
            if (progress.PendingIndexes.Count > 0)
            {
                status += "; indexes not yet ACTIVE: " + string.Join(", ", progress.PendingIndexes);
            }
            var step = progress.Activity + " " + status;
            if (!lastStep.TryGetValue(progress.TableName, out var previous) || previous != step)
            {
                lastStep[progress.TableName] = step;
                cmdlet.WriteVerbose($"{progress.TableName}: {progress.Activity}: {status} ({progress.Elapsed.TotalSeconds:0.0} s).");
            }
            cmdlet.WriteProgress(new ProgressRecord(id, $"{progress.Activity} {progress.TableName}", $"{status} ({progress.Elapsed.TotalSeconds:0} s)")
            {
                RecordType = progress.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            });
        }
    }
}
