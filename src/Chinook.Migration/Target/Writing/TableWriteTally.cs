using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Chinook.Migration.Items;

namespace Chinook.Migration.Target.Writing
{
    /// <summary>Running counts per table, updated by the workers and read by the pipeline thread.</summary>
    internal sealed class TableWriteTally
    {
        private readonly object _lock = new object();
        private readonly Dictionary<string, Counts> _tables = new Dictionary<string, Counts>(StringComparer.Ordinal);
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        private sealed class Counts
        {
            public long Received, Written, WriteUnits, Retries, Failed, Folded, ThrottledCalls;
            public double ConsumedWriteUnits;
            public TimeSpan First, Last;
            public readonly List<ItemKey> FailedKeys = new List<ItemKey>();
        }

        public void Received(string table, bool folded) => Update(table, c =>
        {
            c.Received++;
            if (folded)
            {
                c.Folded++;
            }
        });

        public void Written(PendingWrite item) => Update(item.TableName, c =>
        {
            c.Written++;
            c.WriteUnits += item.WriteUnits;
            c.Last = _clock.Elapsed;
        });

        public void Retried(string table, int items) => Update(table, c => c.Retries += items);

        /// <summary>Write units DynamoDB said a call took for this table (ConsumedCapacity).</summary>
        public void Consumed(string table, double units) => Update(table, c => c.ConsumedWriteUnits += units);

        public void Throttled(string table) => Update(table, c => c.ThrottledCalls++);

        public void Failed(PendingWrite item) => Update(item.TableName, c =>
        {
            c.Failed++;
            c.FailedKeys.Add(item.Key);
            c.Last = _clock.Elapsed;
        });

        /// <param name="concurrency">Calls in flight the writer ended with; null for a plan.</param>
        /// <param name="writeRate">The write units per second each table was held to at the end, when any.</param>
        public IReadOnlyList<TableWriteResult> Snapshot(bool stopped, bool whatIf, int? concurrency = null, Func<string, double?>? writeRate = null)
        {
            lock (_lock)
            {
                return _tables.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t =>
                {
                    var c = t.Value;
                    var status = whatIf ? TableWriteStatus.WhatIf
                        : stopped ? TableWriteStatus.Stopped
                        : c.Failed == 0 ? TableWriteStatus.Written
                        : c.Written == 0 ? TableWriteStatus.Failed
                        : TableWriteStatus.Partial;
                    var end = c.Last > c.First ? c.Last : _clock.Elapsed;
                    return new TableWriteResult(t.Key, status, c.Received, c.Written, c.WriteUnits, c.Retries, c.Failed, c.Folded,
                        end - c.First, c.FailedKeys.ToArray())
                    {
                        ConsumedWriteUnits = c.ConsumedWriteUnits,
                        ThrottledCalls = c.ThrottledCalls,
                        Concurrency = concurrency,
                        WriteUnitsPerSecondLimit = writeRate?.Invoke(t.Key) is double rate ? Math.Round(rate, 1) : null,
                    };
                }).ToList();
            }
        }

        /// <summary>For -WhatIf: the write units an item would cost, with nothing written.</summary>
        public void WouldWrite(PendingWrite item) => Update(item.TableName, c => c.WriteUnits += item.WriteUnits);

        private void Update(string table, Action<Counts> change)
        {
            lock (_lock)
            {
                if (!_tables.TryGetValue(table, out var counts))
                {
                    counts = new Counts { First = _clock.Elapsed };
                    _tables.Add(table, counts);
                }
                change(counts);
            }
        }
    }
}
