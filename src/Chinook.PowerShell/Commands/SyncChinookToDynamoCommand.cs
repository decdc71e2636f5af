using System;
using System.Collections.Generic;
using System.Management.Automation;
using Chinook.Migration;
using Chinook.Migration.Export;
using Chinook.Migration.Items;
using Chinook.Migration.Source;
using Chinook.Migration.Sync;
using Chinook.Migration.Target;
using Chinook.Migration.Transform;
using Chinook.PowerShell.Commands.Shared;

namespace Chinook.PowerShell.Commands
{
    /// <summary>
    /// Brings migrated tables up to date with their source: writes the items that are new or changed, deletes those
    /// the source no longer gives (only in tables the module manages), and leaves the rest alone. One result per table.
    /// </summary>
    [Cmdlet(VerbsData.Sync, "ChinookToDynamo", SupportsShouldProcess = true, DefaultParameterSetName = PathSet)]
    [OutputType(typeof(SyncTableResult))]
    public sealed class SyncChinookToDynamoCommand : BatchWriteCmdlet
    {
        private const string Activity = "Comparing the source with the target";

        private SyncRun? activeRun;

        protected override void ProcessRecord()
        {
            foreach (var path in SourcePaths.Resolve(this, Path, LiteralPath))
            {
                try
                {
                    WriteVerbose($"Opening '{path}' read-only.");
                    using var source = SourceDatabase.Open(path);
                    Sync(source);
                }
                catch (SourceDatabaseException ex)
                {
                    WriteError(ErrorRecords.FromSource(ex));
                }
                catch (DynamoOperationException ex)
                {
                    WriteError(ErrorRecords.FromTableOperation(ex, ex.TableName));
                }
            }
        }

        protected override void StopProcessing()
        {
            base.StopProcessing();
            activeRun?.Stop();
        }

        private void Sync(SourceDatabase source)
        {
            var options = new SyncOptions { TablePrefix = TablePrefix, Writer = WriterOptions(), Target = TargetDescription };
            using var run = new SyncRun(source, Connection, options);
            activeRun = run;
            var database = System.IO.Path.GetFileName(source.Path);
            WriteVerbose($"Comparing '{database}' with {string.Join(", ", run.TargetTableNames)} at {Connection.Endpoint}: every item is read, then compared by key and content.");
            var progress = ProgressOnPipeline<SyncProgress>(p => WriteProgress(Progress(database, p)));
            var problems = ProgressOnPipeline<ConversionProblem>(p => ConversionProblemReport.Write(this, p, source.Path));
            var plan = Run(cancellationToken => run.PlanAsync(progress, problems.Report, cancellationToken));
            WriteProgress(new ProgressRecord(1, Activity, "Done") { RecordType = ProgressRecordType.Completed });
            Describe(plan);
            var streams = new ExportEventWriter(this);
            try
            {
                var results = run.Apply(plan, Confirm, new SynchronousProgress<ExportEvent>(streams.Write), Cancellation);
                WriteObject(results, enumerateCollection: true);
            }
            catch (Exception ex) when (IsStop(ex))
            {
                run.WaitStopped();
                HostWarningLine.Show(Host, "Sync-ChinookToDynamo stopped: part of the changes may be written. Run the same command again: it compares afresh and sends only what still differs.");
                throw new PipelineStoppedException();
            }
            finally
            {
                activeRun = null;
            }
        }

        /// <summary>One confirmation per table that has work, in words that say what will be written and deleted.</summary>
        private bool Confirm(SyncTablePlan table) => ShouldProcess(table.TableName, table.Action.Substring(0, 1).ToUpperInvariant() + table.Action.Substring(1));

        /// <summary>What the comparison found, table by table, with the keys in the verbose stream.</summary>
        private void Describe(SyncPlan plan)
        {
            foreach (var item in plan.Unreadable)
            {
                WriteWarning($"{item.Table} {item.Key} is not a Chinook item ({item.Reason}); Sync leaves it as it is.");
            }
            foreach (var item in plan.Unkeyed)
            {
                WriteWarning($"{item.TableName} {item.Key} has no string key; Sync leaves it as it is.");
            }
            foreach (var table in plan.Tables)
            {
                var diff = table.Diff;
                WriteVerbose($"{table.TableName}: {diff.Unchanged:N0} unchanged, {diff.Added:N0} new, {diff.Changed:N0} changed, {diff.Deleted:N0} no longer in the source; " +
                    $"the scan read {table.ReadUnits:N0} read units.");
                if (!table.Managed && diff.Deleted > 0)
                {
                    WriteWarning($"Table '{table.TableName}' was not created by ChinookMigration (it lacks the tag {ManagedTag.Key}={ManagedTag.Value}): " +
                        $"its {diff.Deleted:N0} item(s) that the source no longer gives are left in place.");
                }
                VerboseKeys(table.TableName, "new", diff.AddedKeys, diff.Added);
                VerboseKeys(table.TableName, "changed", diff.ChangedKeys, diff.Changed);
                VerboseKeys(table.TableName, table.Managed ? "to delete" : "not in the source (kept: table not managed)", diff.DeletedKeys, diff.Deleted);
            }
        }

        private void VerboseKeys(string table, string what, IReadOnlyList<ItemKey> keys, long count)
        {
            foreach (var key in keys)
            {
                WriteVerbose($"{table} {what}: PK={key.PartitionKey}, SK={key.SortKey}");
            }
            if (count > keys.Count)
            {
                WriteVerbose($"{table} {what}: {count - keys.Count:N0} more.");
            }
        }

        private static ProgressRecord Progress(string database, SyncProgress progress)
        {
            var record = new ProgressRecord(1, $"{Activity} of {database}", progress.Status);
            if (progress.PercentComplete is int percent)
            {
                record.PercentComplete = Math.Clamp(percent, 0, 100);
            }
            return record;
        }
    }
}
