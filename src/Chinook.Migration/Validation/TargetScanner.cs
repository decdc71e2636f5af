using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Chinook.Migration.Items;
using Chinook.Migration.Target;

namespace Chinook.Migration.Validation
{
    /// <summary>How far a scan has read: items of the current table, and of all tables.</summary>
    public sealed class ScanProgress
    {
        public ScanProgress(string table, long tableItemsRead, long itemsRead, bool tableFinished)
        {
            Table = table;
            TableItemsRead = tableItemsRead;
            ItemsRead = itemsRead;
            TableFinished = tableFinished;
        }

        public string Table { get; }
        public long TableItemsRead { get; }
        public long ItemsRead { get; }

        /// <summary>Every segment of <see cref="Table"/> has read its last page.</summary>
        public bool TableFinished { get; }
    }

    /// <summary>
    /// Reads every item of whole tables: parallel Scan segments, each following LastEvaluatedKey to its last page
    /// (one Scan call answers at most 1 MB), with strongly consistent reads so that what was just written is seen.
    /// At most <see cref="MaxConcurrency"/> Scan calls are in flight, over all tables and segments together.
    /// </summary>
    public sealed class TargetScanner
    {
        private readonly IAmazonDynamoDB client;

        public TargetScanner(DynamoConnection connection, int segments = 4, int maxConcurrency = 4)
            : this(connection.Client, segments, maxConcurrency)
        {
        }

        internal TargetScanner(IAmazonDynamoDB client, int segments, int maxConcurrency)
        {
            if (segments < 1 || segments > 1_000_000)
            {
                throw new ArgumentOutOfRangeException(nameof(segments), segments, "DynamoDB takes 1 to 1,000,000 scan segments.");
            }
            if (maxConcurrency < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(maxConcurrency), maxConcurrency, "At least one call must be allowed in flight.");
            }
            this.client = client;
            Segments = segments;
            MaxConcurrency = maxConcurrency;
        }

        public int Segments { get; }
        public int MaxConcurrency { get; }

        /// <summary>Every item of the given tables (names with their prefix).</summary>
        /// <exception cref="DynamoOperationException">A table does not exist, access is denied, or DynamoDB does not answer.</exception>
        public async Task<TargetSnapshot> ScanAsync(IEnumerable<string> tableNames, IProgress<ScanProgress>? progress = null, CancellationToken cancellationToken = default)
        {
            var tables = tableNames.ToList();
            var snapshot = new TargetSnapshot(tables);
            using var gate = new SemaphoreSlim(MaxConcurrency);
            var counter = new ReadCounter(progress);
            using var failed = new FirstFailure(cancellationToken);
            var results = await failed.WhenAll(tables.Select(table => ScanTableAsync(table, gate, counter, failed))).ConfigureAwait(false);
            foreach (var item in results.SelectMany(r => r))
            {
                if (item.Item is not null)
                {
                    snapshot.Add(item.Item);
                }
                else
                {
                    snapshot.Add(item.Unreadable!);
                }
            }
            return snapshot;
        }

        private async Task<List<ScannedItem>> ScanTableAsync(string table, SemaphoreSlim gate, ReadCounter counter, FirstFailure failed)
        {
            var tableCounter = new TableCounter(table, counter);
            var segments = Enumerable.Range(0, Segments).Select(segment => ScanSegmentAsync(table, segment, gate, tableCounter, failed));
            var items = (await failed.WhenAll(segments).ConfigureAwait(false)).SelectMany(s => s).ToList();
            tableCounter.Finish();
            return items;
        }

        private async Task<List<ScannedItem>> ScanSegmentAsync(string table, int segment, SemaphoreSlim gate, TableCounter counter, FirstFailure failed)
        {
            var items = new List<ScannedItem>();
            Dictionary<string, AttributeValue>? startKey = null;
            do
            {
                var request = new ScanRequest
                {
                    TableName = table,
                    ConsistentRead = true,
                    ExclusiveStartKey = startKey,
                };
                if (Segments > 1)
                {
                    request.Segment = segment;
                    request.TotalSegments = Segments;
                }
                ScanResponse response;
                await gate.WaitAsync(failed.Token).ConfigureAwait(false);
                try
                {
                    response = await DynamoErrors.Call(table, "scan", () => client.ScanAsync(request, failed.Token), failed.Token).ConfigureAwait(false);
                }
                finally
                {
                    gate.Release();
                }
                var page = response.Items ?? new List<Dictionary<string, AttributeValue>>();
                items.AddRange(page.Select(map => Read(table, map)));
                counter.Add(page.Count);
                startKey = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
            }
            while (startKey is not null);
            return items;
        }

        private static ScannedItem Read(string table, Dictionary<string, AttributeValue> map)
        {
            try
            {
                return new ScannedItem(ItemAttributeMapper.FromAttributeMap(table, map), null);
            }
            catch (ArgumentException ex)
            {
                string Part(string name) => map.TryGetValue(name, out var value) ? value.S ?? value.N ?? "(not a string)" : "(none)";
                return new ScannedItem(null, new UnreadableItem(table, $"PK={Part(ChinookKeys.PartitionKeyName)}, SK={Part(ChinookKeys.SortKeyName)}", ex.Message));
            }
        }

        private sealed class ScannedItem
        {
            public ScannedItem(ChinookItem? item, UnreadableItem? unreadable)
            {
                Item = item;
                Unreadable = unreadable;
            }

            public ChinookItem? Item { get; }
            public UnreadableItem? Unreadable { get; }
        }

        private sealed class ReadCounter
        {
            private readonly IProgress<ScanProgress>? progress;
            private long total;

            public ReadCounter(IProgress<ScanProgress>? progress) => this.progress = progress;

            public void Report(string table, long tableItems, long added, bool finished) =>
                progress?.Report(new ScanProgress(table, tableItems, Interlocked.Add(ref total, added), finished));
        }

        private sealed class TableCounter
        {
            private readonly string table;
            private readonly ReadCounter overall;
            private long read;

            public TableCounter(string table, ReadCounter overall)
            {
                this.table = table;
                this.overall = overall;
            }

            public void Add(int count) => overall.Report(table, Interlocked.Add(ref read, count), count, false);

            public void Finish() => overall.Report(table, Interlocked.Read(ref read), 0, true);
        }
    }
}
