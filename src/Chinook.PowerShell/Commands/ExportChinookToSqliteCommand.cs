using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using Chinook.Migration.Readback;
using Chinook.Migration.Target;
using Chinook.PowerShell.Commands.Shared;

namespace Chinook.PowerShell.Commands
{
    /// <summary>
    /// The way back: reads the four target tables and rebuilds the 11 Chinook tables into a new SQLite file with
    /// Chinook's own schema. An item whose rows cannot come back is a non-terminating error naming its key; the rest
    /// still comes back. Emits one summary, with the foreign-key findings as objects.
    /// </summary>
    [Cmdlet(VerbsData.Export, "ChinookToSqlite", SupportsShouldProcess = true)]
    [OutputType(typeof(RebuildSummary))]
    public sealed class ExportChinookToSqliteCommand : DynamoCmdlet
    {
        private const string Activity = "Reading the target back into SQLite";

        /// <summary>The SQLite file to write.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>Replace the file if it exists (only once the new one is complete).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void EndProcessing()
        {
            var destination = GetUnresolvedProviderPathFromPSPath(Path);
            if (!Force && File.Exists(destination))
            {
                ThrowTerminatingError(ErrorRecords.SqliteDestinationExists(destination));
            }
            var export = new SqliteExport(Connection, TablePrefix);
            if (!ShouldProcess(destination, $"Rebuild the Chinook database from {string.Join(", ", export.TargetTableNames)}"))
            {
                return;
            }
            WriteVerbose($"Reading {string.Join(", ", export.TargetTableNames)} at {Connection.Endpoint} into '{destination}' (a temporary file beside it until complete).");
            var tableIds = new Dictionary<string, int>(StringComparer.Ordinal);
            var progress = ProgressOnPipeline<ScanProgress>(p => ReportProgress(p, tableIds));
            var problems = ProgressOnPipeline<ReadbackProblem>(problem => WriteError(ErrorRecords.ItemNotReadBack(problem)));
            RebuildSummary summary;
            try
            {
                summary = Run(cancellationToken => export.RunAsync(destination, Force, progress, problems.Report, null, cancellationToken));
            }
            catch (DynamoOperationException ex)
            {
                WriteError(ErrorRecords.FromTableOperation(ex, ex.TableName));
                return;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                WriteError(ErrorRecords.SqliteDestinationUnwritable(ex, destination));
                return;
            }
            finally
            {
                WriteProgress(new ProgressRecord(1, Activity, "Done") { RecordType = ProgressRecordType.Completed });
            }
            if (summary.ForeignKeyFindings.Count > 0)
            {
                WriteWarning($"{summary.ForeignKeyFindings.Count:N0} rebuilt rows name rows that do not exist (see ForeignKeyFindings), for example {summary.ForeignKeyFindings[0]}.");
            }
            WriteVerbose($"Wrote {summary.RowCount:N0} rows from {summary.ItemsRead:N0} items into '{summary.Path}'; {summary.ProblemCount:N0} items did not come back.");
            WriteObject(summary);
        }

        private void ReportProgress(ScanProgress progress, Dictionary<string, int> tableIds)
        {
            if (!tableIds.TryGetValue(progress.Table, out var id))
            {
                id = tableIds.Count + 2;
                tableIds.Add(progress.Table, id);
            }
            WriteProgress(new ProgressRecord(1, Activity, $"{progress.ItemsRead:N0} items read"));
            WriteProgress(new ProgressRecord(id, $"Reading {progress.Table}", progress.TableFinished
                ? $"{progress.TableItemsRead:N0} items, every page read"
                : $"{progress.TableItemsRead:N0} items read")
            {
                ParentActivityId = 1,
                RecordType = progress.TableFinished ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            });
            if (progress.TableFinished)
            {
                WriteVerbose($"Read {progress.Table}: {progress.TableItemsRead:N0} items.");
            }
        }
    }
}
