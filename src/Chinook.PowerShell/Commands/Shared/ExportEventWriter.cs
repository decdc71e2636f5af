using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Chinook.Migration.Export;

namespace Chinook.PowerShell.Commands.Shared
{
    /// <summary>Shows what an export run reports in the cmdlet's streams: progress bars, verbose lines, warnings and errors.</summary>
    internal sealed class ExportEventWriter
    {
        private const int OverallId = 1;
        private readonly PSCmdlet cmdlet;
        private readonly Dictionary<string, int> tableIds = new Dictionary<string, int>(StringComparer.Ordinal);

        public ExportEventWriter(PSCmdlet cmdlet) => this.cmdlet = cmdlet;

        public void Write(ExportEvent reported)
        {
            switch (reported)
            {
                case ExportMessage { Level: ExportMessageLevel.Warning } message:
                    cmdlet.WriteWarning(message.Text);
                    break;
                case ExportMessage message:
                    cmdlet.WriteVerbose(message.Text);
                    break;
                case ExportProgress progress:
                    cmdlet.WriteProgress(Record(OverallId, progress.Overall));
                    foreach (var table in progress.Tables)
                    {
                        var record = Record(TableId(table.Name), table);
                        record.ParentActivityId = OverallId;
                        cmdlet.WriteProgress(record);
                    }
                    break;
                case ExportProgressEnded:
                    foreach (var id in tableIds.Values.Append(OverallId))
                    {
                        cmdlet.WriteProgress(new ProgressRecord(id, ExportProgress.Activity, "Done") { RecordType = ProgressRecordType.Completed });
                    }
                    break;
                case ItemWriteFailed failed:
                    cmdlet.WriteError(ErrorRecords.ItemNotWritten(failed.Failure));
                    break;
                case WriterGaveUp gaveUp:
                    cmdlet.WriteError(ErrorRecords.WriterAborted(gaveUp.Reason, gaveUp.Results));
                    break;
                case CheckpointRefused refused:
                    cmdlet.WriteError(ErrorRecords.CheckpointUnusable(refused.Error, refused.Path));
                    break;
                case SourceReadFailed failed:
                    cmdlet.WriteError(ErrorRecords.FromSource(failed.Error));
                    break;
                case ConversionProblemFound found:
                    ConversionProblemReport.Write(cmdlet, found.Problem, found.DatabasePath);
                    break;
                case ItemTableRefused refused:
                    cmdlet.WriteError(ErrorRecords.ItemTableMismatch(refused.Error, refused.ItemTable));
                    break;
            }
        }

        private static ProgressRecord Record(int id, ProgressLine line)
        {
            var record = new ProgressRecord(id, line.Name, line.Status);
            if (line.PercentComplete is int percent)
            {
                record.PercentComplete = percent;
            }
            if (line.SecondsRemaining is int seconds)
            {
                record.SecondsRemaining = seconds;
            }
            return record;
        }

        /// <summary>Each table keeps the activity id it first got, under the overall bar.</summary>
        private int TableId(string tableName)
        {
            if (!tableIds.TryGetValue(tableName, out var id))
            {
                id = OverallId + tableIds.Count + 1;
                tableIds.Add(tableName, id);
            }
            return id;
        }
    }
}
