using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Chinook.Migration.Comparison;
using Chinook.Migration.Export;
using Chinook.Migration.Items;
using Chinook.Migration.Readback;
using Chinook.Migration.Source;
using Chinook.Migration.Target;
using Chinook.Migration.Target.Writing;
using Chinook.Migration.Transform;
using Chinook.Migration.Validation;

namespace Chinook.Migration.Sync
{
    /// <summary>How far a sync's reading and comparing is.</summary>
    public sealed record SyncProgress(string Status, int? PercentComplete);

    /// <summary>
    /// Brings a migrated target up to date with its source: reads every item of the four tables into fingerprints on
    /// disk, compares the items the source converts to with them (<see cref="PlanAsync"/>), then, in the tables the
    /// caller confirms, puts what is new or changed and deletes what the source no longer gives (<see cref="Apply"/>),
    /// through Export's writer. Deletes happen only in tables the module manages. Because the comparison is by
    /// content, a change follows every denormalized copy (an artist renamed reaches its tracks, orders and playlist
    /// pages), and a second sync finds nothing to do. Nothing is resumed: a stopped sync is simply run again.
    /// </summary>
    public sealed class SyncRun : IDisposable
    {
        /// <summary>A strongly consistent read unit reads 4 KB.</summary>
        private const long ReadUnitBytes = 4096;

        private readonly SourceDatabase source;
        private readonly DynamoConnection connection;
        private readonly SyncOptions options;
        private readonly TargetFingerprintStore store;
        private readonly List<string> tables;
        private ExportRun? writing;

        public SyncRun(SourceDatabase source, DynamoConnection connection, SyncOptions options)
        {
            this.source = source ?? throw new ArgumentNullException(nameof(source));
            this.connection = connection ?? throw new ArgumentNullException(nameof(connection));
            this.options = options ?? throw new ArgumentNullException(nameof(options));
            tables = TableNames.BaseNames.Select(t => TableNames.Qualify(options.TablePrefix, t)).ToList();
            store = TargetFingerprintStore.Create(options.ScratchFolder);
        }

        public IReadOnlyList<string> TargetTableNames => tables;

        /// <summary>Reads the target (its tags and every item) and compares the source with it. Sends only reads.</summary>
        /// <param name="onProblem">A source row the conversion kept with a change, or could not carry.</param>
        /// <exception cref="DynamoOperationException">A table is missing, access is denied, or DynamoDB does not answer.</exception>
        /// <exception cref="SourceDatabaseException">The source cannot be read.</exception>
        public async Task<SyncPlan> PlanAsync(IProgress<SyncProgress>? progress, Action<ConversionProblem>? onProblem, CancellationToken cancellationToken)
        {
            var managed = await ManagedTablesAsync(cancellationToken).ConfigureAwait(false);
            var (bytes, unreadable) = await ScanIntoStoreAsync(progress, cancellationToken).ConfigureAwait(false);
            var diff = new ItemDiff(store, tables, SyncOptions.KeysKept);
            var conversionProgress = new SynchronousProgress<ConversionProgress>(p => progress?.Report(new SyncProgress(
                $"Comparing the source with the target: {p.Description}.",
                p.RowsTotalOverall > 0 ? (int)(100 * p.RowsReadOverall / p.RowsTotalOverall) : null)));
            foreach (var _ in diff.CompareSource(source, Conversion, conversionProgress, onProblem, cancellationToken))
            {
            }
            foreach (var table in tables)
            {
                foreach (var _ in diff.Deleted(table))
                {
                }
            }
            var plans = tables.Select(t => new SyncTablePlan(diff.Of(t), managed[t], (bytes[t] + ReadUnitBytes - 1) / ReadUnitBytes)).ToList();
            return new SyncPlan(plans, unreadable, store.Unkeyed);
        }

        /// <summary>
        /// Puts the new and changed items and deletes the ones the source no longer gives, in each table that has
        /// work and that <paramref name="confirm"/> approves (asked once per such table, on the calling thread, with
        /// the plan's words). The source is compared again as it is written, so what is written is what differs now.
        /// Everything the writer reports goes to <paramref name="progress"/> on the calling thread.
        /// </summary>
        /// <returns>One result per table.</returns>
        public IReadOnlyList<SyncTableResult> Apply(SyncPlan plan, Func<SyncTablePlan, bool> confirm, IProgress<ExportEvent> progress, CancellationToken cancellationToken)
        {
            var confirmed = plan.Tables.ToDictionary(t => t.TableName, t => t.HasWork && confirm(t), StringComparer.Ordinal);
            if (!confirmed.Values.Any(c => c))
            {
                return plan.Tables.Select(t => Result(t, t.Diff, confirmed[t.TableName], null, TimeSpan.Zero)).ToList();
            }
            var clock = Stopwatch.StartNew();
            var exportOptions = new ExportOptions { Writer = options.Writer, TablePrefix = options.TablePrefix, Target = options.Target, SaveCheckpoint = false };
            using var run = new ExportRun(() => connection, exportOptions, table => confirmed[table], progress, cancellationToken, TimeProvider.System);
            writing = run;
            try
            {
                var diff = new ItemDiff(store, tables, SyncOptions.KeysKept);
                foreach (var compared in diff.CompareSource(source, Conversion, null, null, cancellationToken))
                {
                    if (compared.Change != ItemChange.Unchanged && confirmed[compared.Item.TableName])
                    {
                        run.Add(compared.Item);
                    }
                }
                foreach (var table in plan.Tables)
                {
                    var delete = confirmed[table.TableName] && table.Managed;
                    foreach (var gone in diff.Deleted(table.TableName))
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        if (delete)
                        {
                            run.Delete(gone.Key, ItemLimits.WriteUnits(gone.SizeBytes));
                        }
                    }
                }
                var written = run.Finish();
                return plan.Tables.Select(t => Result(t, diff.Of(t.TableName), confirmed[t.TableName],
                    written.FirstOrDefault(w => w.TableName == t.TableName), clock.Elapsed)).ToList();
            }
            finally
            {
                writing = null;
            }
        }

        /// <summary>From any thread: stops the writing (calls in flight are cancelled).</summary>
        public void Stop() => writing?.Stop();

        /// <summary>After a stop: waits until the writer's workers have ended.</summary>
        public void WaitStopped() => writing?.WaitStopped();

        public void Dispose() => store.Dispose();

        private ConversionOptions Conversion => new ConversionOptions { TablePrefix = options.TablePrefix };

        private static SyncTableResult Result(SyncTablePlan plan, TableDiff diff, bool confirmed, TableWriteResult? written, TimeSpan duration)
        {
            var deletesSkipped = plan.Managed ? 0 : diff.Deleted;
            var wouldWrite = diff.PutWriteUnits + (plan.Managed ? diff.DeleteWriteUnits : 0);
            var status = !confirmed ? (plan.HasWork ? SyncStatus.WhatIf : SyncStatus.Synced)
                : written is null || written.Failed == 0 ? SyncStatus.Synced
                : written.ItemsWritten == 0 ? SyncStatus.Failed
                : SyncStatus.Partial;
            return new SyncTableResult(plan.TableName, status, plan.Managed, diff.Unchanged, diff.Added, diff.Changed, diff.Deleted, deletesSkipped,
                written?.Failed ?? 0, confirmed ? written?.WriteUnits ?? 0 : wouldWrite, plan.ReadUnits, duration,
                diff.AddedKeys, diff.ChangedKeys, diff.DeletedKeys, written?.FailedKeys ?? Array.Empty<ItemKey>());
        }

        private async Task<Dictionary<string, bool>> ManagedTablesAsync(CancellationToken cancellationToken)
        {
            var manager = new TableManager(connection);
            var managed = new Dictionary<string, bool>(StringComparer.Ordinal);
            foreach (var baseName in TableNames.BaseNames)
            {
                var inspection = await manager.InspectAsync(TableDefinitions.For(baseName, options.TablePrefix), cancellationToken).ConfigureAwait(false);
                if (!inspection.Exists)
                {
                    throw new DynamoOperationException(DynamoProblem.NotFound, inspection.TableName,
                        $"Table '{inspection.TableName}' does not exist: Sync brings a migrated target up to date; create and fill the tables with New-ChinookDynamoTable and Export-ChinookToDynamo first.");
                }
                managed[inspection.TableName] = inspection.Managed;
            }
            return managed;
        }

        private async Task<(IReadOnlyDictionary<string, long> Bytes, IReadOnlyList<UnreadableItem> Unreadable)> ScanIntoStoreAsync(
            IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
        {
            var scanner = new TargetScanner(connection, options.ScanSegments, options.ScanConcurrency);
            var scanProgress = new SynchronousProgress<ScanProgress>(p => progress?.Report(new SyncProgress(
                p.TableFinished ? $"Scanned {p.Table}: {p.TableItemsRead:N0} items." : $"Scanning {p.Table}: {p.TableItemsRead:N0} items read.", null)));
            var filed = new TargetFingerprintSink(store, tables);
            await scanner.ScanAsync(tables, new IScannedItemSink[] { filed }, scanProgress, cancellationToken).ConfigureAwait(false);
            return (filed.BytesRead, filed.Unreadable);
        }
    }
}
