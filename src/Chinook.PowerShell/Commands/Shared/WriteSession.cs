using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Chinook.Migration.Items;
using Chinook.Migration.Target;
using Chinook.Migration.Target.Writing;

namespace Chinook.PowerShell.Commands.Shared
{
    /// <summary>
    /// One run of the batch writer as the pipeline thread sees it: asks ShouldProcess once per table, hands
    /// items to the writer (or, for -WhatIf, to the planner), and reports what the workers did (progress,
    /// verbose lines, one error record per item not written) on the pipeline thread, the only one that may
    /// write to the host.
    /// </summary>
    internal sealed class WriteSession : IDisposable
    {
        private const string Activity = "Writing items to DynamoDB";

        private readonly PSCmdlet cmdlet;
        private readonly Func<DynamoBatchWriter> createWriter;
        private readonly Dictionary<string, bool> tableDecisions = new Dictionary<string, bool>(StringComparer.Ordinal);
        private readonly Dictionary<string, int> progressIds = new Dictionary<string, int>(StringComparer.Ordinal);
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private readonly WritePlanner planner = new WritePlanner();
        private DynamoBatchWriter? writer;
        private readonly ProgressThrottle progressThrottle = new ProgressThrottle();
        private bool anyPlanned;

        public WriteSession(PSCmdlet cmdlet, Func<DynamoBatchWriter> createWriter)
        {
            this.cmdlet = cmdlet;
            this.createWriter = createWriter;
        }

        private readonly Dictionary<string, double> tableInputFractions = new Dictionary<string, double>(StringComparer.Ordinal);

        /// <summary>The share of the input already seen, when the caller knows it (0..1); it gives the time left.</summary>
        public double? InputFraction { get; set; }

        /// <summary>The share of one table's input already seen (0..1); it gives that table's time left.</summary>
        public void SetTableInputFraction(string tableName, double fraction) => tableInputFractions[tableName] = fraction;

        /// <summary>How many items, counted from the first, are settled; what a checkpoint records.</summary>
        public long SettledThrough => writer?.SettledThrough ?? 0;

        public bool Started => writer != null;

        /// <summary>The writer gave up (the server could not be reached): feeding it more is pointless.</summary>
        public bool Aborted => writer?.AbortReason != null;

        public void Add(ChinookItem item, string tableName)
        {
            var write = PendingWrite.FromItem(item, tableName);
            if (ShouldWrite(tableName))
            {
                writer ??= createWriter();
                writer.Add(write);
            }
            else
            {
                planner.Add(write);
                anyPlanned = true;
            }
            Report(final: false);
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
                    Task.WaitAny(writer.Completion, writer.Events.WaitToReadAsync().AsTask(), Task.Delay(ProgressThrottle.Interval));
                    Report(final: false);
                }
                Report(final: true);
                results.AddRange(writer.Results());
                if (writer.AbortReason is string reason)
                {
                    cmdlet.WriteError(ErrorRecords.WriterAborted(reason, results));
                }
            }
            if (anyPlanned)
            {
                results.AddRange(planner.Results());
            }
            foreach (var id in progressIds.Values.Append(0))
            {
                cmdlet.WriteProgress(new ProgressRecord(id + 1, Activity, "Done") { RecordType = ProgressRecordType.Completed });
            }
            return results;
        }

        /// <summary>Cancels calls in flight; what was not written is reported as such in the results.</summary>
        public void Stop() => writer?.Stop();

        /// <summary>
        /// After Ctrl+C: stops the writer and waits until its workers have ended, so that the counts, and what
        /// a checkpoint records, are final. Writes to no stream: PowerShell refuses that while stopping.
        /// </summary>
        public void WaitStopped()
        {
            if (writer != null)
            {
                writer.Stop();
                writer.Completion.Wait();
            }
        }

        /// <summary>After <see cref="WaitStopped"/>: tells the user, through the host, what was written and how to go on.</summary>
        public void ShowStopSummary(string? checkpointPath)
        {
            if (writer != null)
            {
                StopSummary.Show(cmdlet.Host, StopSummary.Describe(writer.Results(), checkpointPath));
            }
        }

        public void Dispose()
        {
            writer?.Dispose();
            writer = null;
        }

        private bool ShouldWrite(string tableName)
        {
            if (!tableDecisions.TryGetValue(tableName, out var decision))
            {
                decision = cmdlet.ShouldProcess(tableName, "Write items with BatchWriteItem");
                tableDecisions.Add(tableName, decision);
            }
            return decision;
        }

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
                        cmdlet.WriteVerbose(
                            $"Batch {batch.BatchNumber}: wrote {string.Join(", ", batch.WrittenPerTable.Select(t => $"{t.Value} to {t.Key}"))}, " +
                            $"{batch.WriteUnits} write units, {batch.Calls} call(s), {batch.Duration.TotalMilliseconds:N0} ms.");
                        break;
                    case ItemNotWritten failure when failure.Reason != WriteFailureReason.Cancelled:
                        cmdlet.WriteError(ErrorRecords.ItemNotWritten(failure));
                        break;
                }
            }
            if (!final && !progressThrottle.Due())
            {
                return;
            }
            WriteProgress(writer.Results());
        }

        /// <summary>
        /// Percent written and time left. The items to expect are extrapolated from those received for the input
        /// read so far (reading runs ahead of writing by the queue), and the rest is assumed to go at the rate so far.
        /// </summary>
        private static void Estimate(ProgressRecord record, double? inputFraction, long received, long written, double rate)
        {
            if (inputFraction is double fraction && fraction > 0 && received > 0 && rate > 0)
            {
                var expected = Math.Max(received / fraction, written);
                record.PercentComplete = (int)(100 * written / expected);
                record.SecondsRemaining = (int)Math.Ceiling((expected - written) / rate);
            }
        }

        private void WriteProgress(IReadOnlyList<TableWriteResult> tables)
        {
            var written = tables.Sum(t => t.ItemsWritten);
            var rate = clock.Elapsed.TotalSeconds > 0 ? written / clock.Elapsed.TotalSeconds : 0;
            var overall = new ProgressRecord(1, Activity, $"{written:N0} items written, {rate:N0} items/s");
            Estimate(overall, InputFraction, tables.Sum(t => t.ItemsReceived), written, rate);
            cmdlet.WriteProgress(overall);
            foreach (var table in tables)
            {
                if (!progressIds.TryGetValue(table.TableName, out var id))
                {
                    id = progressIds.Count + 1;
                    progressIds.Add(table.TableName, id);
                }
                var record = new ProgressRecord(id + 1, table.TableName,
                    $"{table.ItemsWritten:N0} written, {table.ItemsPerSecond:N0} items/s, {table.Retries:N0} retries, {table.Failed:N0} failed")
                {
                    ParentActivityId = 1,
                };
                Estimate(record, tableInputFractions.TryGetValue(table.TableName, out var fraction) ? fraction : (double?)null,
                    table.ItemsReceived, table.ItemsWritten, table.ItemsPerSecond);
                cmdlet.WriteProgress(record);
            }
        }
    }
}
