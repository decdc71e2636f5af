using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Chinook.Migration.Items;
using Chinook.Migration.Source;
using Chinook.Migration.Target;
using Chinook.Migration.Target.Writing;
using Chinook.Migration.Transform;

namespace Chinook.Migration.Export
{
    /// <summary>
    /// One export to DynamoDB: from a whole source database (<see cref="ExportDatabase"/>, resumable through a
    /// checkpoint) or from items handed in one by one (<see cref="Add"/>, then <see cref="Finish"/>). Asks once
    /// per table whether to write it; a table refused is planned only, as -WhatIf shows it (or Declined, when the user said No). Everything the run
    /// tells goes to the progress sink on the calling thread: the writer's workers hand their outcomes back,
    /// and they are reported whenever the caller adds an item or waits in <see cref="Finish"/>.
    /// </summary>
    public sealed class ExportRun : IDisposable
    {
        /// <summary>How often a database run records its progress while it writes.</summary>
        public static readonly TimeSpan CheckpointInterval = TimeSpan.FromSeconds(2);

        private readonly Func<DynamoConnection> connect;
        private readonly ExportOptions options;
        private readonly Func<string, bool> shouldWrite;
        private readonly IProgress<ExportEvent> progress;
        private readonly CancellationToken cancellation;
        private readonly TimeProvider clock;
        private readonly Dictionary<string, bool> tableDecisions = new Dictionary<string, bool>(StringComparer.Ordinal);
        private readonly Dictionary<string, string?> targetTables = new Dictionary<string, string?>(StringComparer.Ordinal);
        private readonly WritePlanner planner = new WritePlanner();
        private readonly WriteProgressEstimator estimator;
        private readonly ProgressThrottle progressThrottle;
        private DynamoBatchWriter? writer;
        private bool anyPlanned;
        private long alreadySettled;
        private string? checkpointPath;
        private CheckpointFile? checkpoint;
        private long lastCheckpointSave;

        /// <param name="connect">Called once, when the first table is to be written: a dry run connects to nothing.</param>
        /// <param name="shouldWrite">Asked once per target table, on the calling thread.</param>
        public ExportRun(Func<DynamoConnection> connect, ExportOptions options, Func<string, bool> shouldWrite,
            IProgress<ExportEvent> progress, CancellationToken cancellation, TimeProvider clock)
        {
            this.connect = connect;
            this.options = options;
            this.shouldWrite = shouldWrite;
            this.progress = progress;
            this.cancellation = cancellation;
            this.clock = clock;
            estimator = new WriteProgressEstimator(clock);
            progressThrottle = new ProgressThrottle(clock);
        }

        /// <summary>
        /// Adds one pipeline item: it goes to its own table, which must carry the run's table prefix (or none, and
        /// gets it); items of a table that does not fit are refused, reported once per table.
        /// </summary>
        public void Add(ChinookItem item)
        {
            var table = TargetTable(item.TableName);
            if (table != null && !Aborted)
            {
                Write(item, table);
            }
        }

        /// <summary>Deletes the item at this key, through the same writer and the same per-table decision as <see cref="Add"/>.</summary>
        /// <param name="writeUnits">What the delete costs: the write units of the item it removes.</param>
        public void Delete(ItemKey key, int writeUnits)
        {
            var table = TargetTable(key.TableName);
            if (table != null && !Aborted)
            {
                Write(PendingWrite.Delete(key with { TableName = table }, writeUnits));
            }
        }

        /// <summary>
        /// Converts the database and writes its items, skipping those a resumed checkpoint says are settled, and
        /// records progress in the checkpoint while it writes and at the end, also when stopped or failed.
        /// </summary>
        /// <returns>One result per table; none when -Resume refused the checkpoint.</returns>
        public IReadOnlyList<TableWriteResult> ExportDatabase(SourceDatabase database)
        {
            // Connected before a row is read, so an unreachable target stops the run at once; and the tables' identity
            // binds the checkpoint to them. A dry run contacts nothing.
            var tables = options.SaveCheckpoint
                ? TableIdentity.ReadAsync(connect(), TargetTableNames(), cancellation).GetAwaiter().GetResult()
                : null;
            var checkpoint = ExportCheckpoint.Open(database, options, tables, progress);
            if (checkpoint is null)
            {
                return Array.Empty<TableWriteResult>();
            }
            checkpointPath = checkpoint.Path;
            this.checkpoint = checkpoint;
            lastCheckpointSave = clock.GetTimestamp();
            alreadySettled = checkpoint.Record.ItemsSettled;
            var finished = false;
            try
            {
                try
                {
                    ConvertAndWrite(database, checkpoint);
                }
                catch (SourceDatabaseException ex)
                {
                    // A damaged page, a lock: what was read so far is still written.
                    progress.Report(new SourceReadFailed(ex));
                }
                var results = Finish();
                finished = true;
                return results;
            }
            finally
            {
                if (writer != null)
                {
                    if (!finished)
                    {
                        // Stopped (Ctrl+C) or failed: the count recorded is final only once the workers have ended.
                        // Nothing is reported here: a stopping caller may not write anywhere.
                        WaitStopped();
                    }
                    checkpoint.Save(writer.SettledThrough);
                    if (finished)
                    {
                        Verbose($"Checkpoint '{checkpoint.Path}': {writer.SettledThrough:N0} items settled.");
                    }
                }
            }
        }

        /// <summary>Sends what is left, waits for the workers while reporting, and returns one result per table.</summary>
        public IReadOnlyList<TableWriteResult> Finish()
        {
            var results = new List<TableWriteResult>();
            if (writer != null)
            {
                writer.Complete();
                while (!writer.Completion.IsCompleted)
                {
                    Task.WaitAny(writer.Completion, writer.Events.WaitToReadAsync().AsTask(), Task.Delay(ProgressThrottle.Interval, clock));
                    Report(final: false);
                    // The writer may still be draining many items after the last one was read.
                    SaveCheckpointWhenDue();
                }
                Report(final: true);
                var written = writer.Results();
                foreach (var table in written)
                {
                    Verbose($"{table.TableName}: {table.ConsumedWriteUnits:N0} write units consumed, {table.ThrottledCalls:N0} throttled call(s)" +
                        (table.WriteUnitsPerSecondLimit is double limit ? $", ended at {limit:N0} write units per second." : ", no write-rate limit needed."));
                }
                Verbose($"Calls in flight settled at {writer.Concurrency}.");
                results.AddRange(written);
                if (writer.AbortReason is string reason)
                {
                    progress.Report(new WriterGaveUp(reason, results.ToArray()));
                }
            }
            if (anyPlanned)
            {
                // Outside a dry run, a table is planned only because the user said No to writing it.
                results.AddRange(planner.Results(declined: options.SaveCheckpoint));
            }
            progress.Report(new ExportProgressEnded());
            return results;
        }

        /// <summary>From any thread: cancels calls in flight; what was not written is reported as such in the results.</summary>
        public void Stop() => writer?.Stop();

        /// <summary>After a stop: waits until the workers have ended, so that the counts are final. Reports nothing.</summary>
        public void WaitStopped()
        {
            if (writer != null)
            {
                writer.Stop();
                writer.Completion.Wait();
            }
        }

        /// <summary>After <see cref="WaitStopped"/>: what was written and how to go on; null when nothing was sent.</summary>
        public string? DescribeStop() => writer is null ? null : StopSummary.Describe(writer.Results(), checkpointPath);

        public void Dispose()
        {
            writer?.Dispose();
            writer = null;
        }

        private IEnumerable<string> TargetTableNames() => TableNames.BaseNames.Select(name => TableNames.Qualify(options.TablePrefix, name));

        /// <summary>The writer gave up (the server could not be reached): feeding it more is pointless.</summary>
        private bool Aborted => writer?.AbortReason != null;

        private void ConvertAndWrite(SourceDatabase database, CheckpointFile checkpoint)
        {
            var skip = checkpoint.Record.ItemsSettled;
            if (skip > 0)
            {
                Verbose($"Resuming: the first {skip:N0} items are settled by checkpoint '{checkpoint.Path}'.");
            }
            var conversionProgress = new SynchronousProgress<ConversionProgress>(p =>
            {
                estimator.InputFraction = p.RowsTotalOverall > 0 ? (double)p.RowsReadOverall / p.RowsTotalOverall : null;
                if (p.TargetRowsTotal > 0)
                {
                    estimator.SetTableInputFraction(TableNames.Qualify(options.TablePrefix, p.TargetTable), (double)p.TargetRowsRead / p.TargetRowsTotal);
                }
            });
            long seen = 0;
            var conversion = new ConversionOptions { TablePrefix = options.TablePrefix };
            foreach (var output in ItemConverter.Convert(database, conversion, conversionProgress, cancellation))
            {
                if (output.Problem is ConversionProblem problem)
                {
                    progress.Report(new ConversionProblemFound(problem, database.Path));
                    continue;
                }
                if (seen++ < skip)
                {
                    continue;
                }
                var item = output.Item!;
                Write(item, item.TableName);
                if (Aborted)
                {
                    break;
                }
                SaveCheckpointWhenDue();
            }
        }

        private void SaveCheckpointWhenDue()
        {
            if (writer != null && checkpoint != null && clock.GetElapsedTime(lastCheckpointSave) > CheckpointInterval)
            {
                checkpoint.Save(writer.SettledThrough);
                lastCheckpointSave = clock.GetTimestamp();
            }
        }

        private void Write(ChinookItem item, string tableName) => Write(PendingWrite.FromItem(item, tableName));

        private void Write(PendingWrite write)
        {
            if (ShouldWrite(write.TableName))
            {
                (writer ??= StartWriter()).Add(write);
            }
            else
            {
                planner.Add(write);
                anyPlanned = true;
            }
            Report(final: false);
        }

        private DynamoBatchWriter StartWriter()
        {
            var writerOptions = options.Writer;
            var concurrency = writerOptions.MinConcurrency == writerOptions.MaxConcurrency
                ? $"{writerOptions.MaxConcurrency} BatchWriteItem calls in flight"
                : $"{writerOptions.MinConcurrency} to {writerOptions.MaxConcurrency} BatchWriteItem calls in flight, as many as the server takes";
            Verbose($"Writing with {concurrency}" +
                (writerOptions.MaxWriteUnitsPerSecond is double rate ? $", at most {rate} write units per second." : "."));
            return new DynamoBatchWriter(connect(), writerOptions, cancellation, alreadySettled);
        }

        private bool ShouldWrite(string tableName)
        {
            if (!tableDecisions.TryGetValue(tableName, out var decision))
            {
                decision = shouldWrite(tableName);
                tableDecisions.Add(tableName, decision);
            }
            return decision;
        }

        /// <summary>The table a pipeline item goes to: its own, or its base name under the prefix; null when it does not fit.</summary>
        private string? TargetTable(string itemTable)
        {
            if (targetTables.TryGetValue(itemTable, out var known))
            {
                return known;
            }
            string? table = null;
            try
            {
                var (prefix, baseName) = TableNames.Resolve(itemTable, options.TablePrefix);
                table = TableNames.Qualify(prefix, baseName);
            }
            catch (ArgumentException ex)
            {
                progress.Report(new ItemTableRefused(itemTable, ex));
            }
            targetTables.Add(itemTable, table);
            return table;
        }

        /// <summary>Hands the workers' outcomes to the sink, and the progress when it is due (always when final).</summary>
        private void Report(bool final)
        {
            if (writer == null)
            {
                return;
            }
            while (writer.Events.TryRead(out var outcome))
            {
                switch (outcome)
                {
                    case BatchCompleted batch:
                        Verbose($"Batch {batch.BatchNumber}: wrote {string.Join(", ", batch.WrittenPerTable.Select(t => $"{t.Value} to {t.Key}"))}, " +
                            $"{batch.WriteUnits} write units, {batch.Calls} call(s), {batch.Duration.TotalMilliseconds:N0} ms.");
                        break;
                    case ItemNotWritten failure when failure.Reason != WriteFailureReason.Cancelled:
                        progress.Report(new ItemWriteFailed(failure));
                        break;
                }
            }
            if (final || progressThrottle.Due())
            {
                progress.Report(estimator.Describe(writer.Results()));
            }
        }

        private void Verbose(string text) => progress.Report(new ExportMessage(ExportMessageLevel.Verbose, text));
    }
}
