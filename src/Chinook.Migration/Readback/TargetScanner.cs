using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Chinook.Migration.Items;
using Chinook.Migration.Target;

namespace Chinook.Migration.Readback
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
    /// <remarks>
    /// The items stream: each page goes through a bounded channel to the caller's thread, which hands every item to
    /// every sink in turn, so that one scan serves every consumer and memory holds a few pages, not the table.
    /// </remarks>
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

        /// <summary>
        /// Hands every item of the given tables (names with their prefix) to every sink, on the calling flow; the
        /// progress reports that a table is finished only after its last item reached the sinks.
        /// </summary>
        /// <returns>How many items were read.</returns>
        /// <exception cref="DynamoOperationException">A table does not exist, access is denied, or DynamoDB does not answer.</exception>
        public async Task<long> ScanAsync(IEnumerable<string> tableNames, IReadOnlyList<IScannedItemSink> sinks, IProgress<ScanProgress>? progress = null,
            CancellationToken cancellationToken = default)
        {
            var tables = tableNames.ToList();
            var pages = Channel.CreateBounded<ScannedPage>(new BoundedChannelOptions(MaxConcurrency) { SingleReader = true });
            using var gate = new SemaphoreSlim(MaxConcurrency);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var failed = new FirstFailure(stop.Token);
            var reading = ReadAllAsync(tables, pages.Writer, gate, failed);
            var counter = new ReadCounter(progress);
            var tableCounters = tables.ToDictionary(t => t, t => new TableCounter(t, counter), StringComparer.Ordinal);
            long delivered = 0;
            try
            {
                await foreach (var page in pages.Reader.ReadAllAsync(failed.Token).ConfigureAwait(false))
                {
                    foreach (var item in page.Items)
                    {
                        foreach (var sink in sinks)
                        {
                            if (item.Item is not null)
                            {
                                sink.Add(item.Item);
                            }
                            else
                            {
                                sink.Add(item.Unreadable!);
                            }
                        }
                    }
                    delivered += page.Items.Count;
                    var tableCounter = tableCounters[page.Table];
                    tableCounter.Add(page.Items.Count);
                    if (page.LastOfTable)
                    {
                        tableCounter.Finish();
                    }
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // A segment failed and cancelled the reading: its error, awaited below, is the one to see.
            }
            catch
            {
                // A sink failed, or the caller cancelled: the segments stop before this scan ends.
                stop.Cancel();
                await reading.ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
                throw;
            }
            await reading.ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return delivered;
        }

        private async Task ReadAllAsync(List<string> tables, ChannelWriter<ScannedPage> pages, SemaphoreSlim gate, FirstFailure failed)
        {
            try
            {
                await failed.WhenAll(tables.Select(table => ScanTableAsync(table, pages, gate, failed))).ConfigureAwait(false);
            }
            finally
            {
                // Completed without the error, which the caller sees from this task: the reader ends, then awaits it.
                pages.Complete();
            }
        }

        private async Task<bool> ScanTableAsync(string table, ChannelWriter<ScannedPage> pages, SemaphoreSlim gate, FirstFailure failed)
        {
            await failed.WhenAll(Enumerable.Range(0, Segments).Select(segment => ScanSegmentAsync(table, segment, pages, gate, failed))).ConfigureAwait(false);
            await pages.WriteAsync(new ScannedPage(table, new List<ScannedItem>(), lastOfTable: true), failed.Token).ConfigureAwait(false);
            return true;
        }

        private async Task<bool> ScanSegmentAsync(string table, int segment, ChannelWriter<ScannedPage> pages, SemaphoreSlim gate, FirstFailure failed)
        {
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
                // A page holds its place among the calls in flight until the channel takes it: the pages alive at once are
                // bounded by the calls allowed and the channel's capacity, however many tables and segments wait.
                await gate.WaitAsync(failed.Token).ConfigureAwait(false);
                try
                {
                    var response = await DynamoErrors.Call(table, "scan", () => client.ScanAsync(request, failed.Token), failed.Token).ConfigureAwait(false);
                    var page = response.Items ?? new List<Dictionary<string, AttributeValue>>();
                    await pages.WriteAsync(new ScannedPage(table, page.Select(map => Read(table, map)).ToList(), lastOfTable: false), failed.Token).ConfigureAwait(false);
                    startKey = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
                }
                finally
                {
                    gate.Release();
                }
            }
            while (startKey is not null);
            return true;
        }

        private static ScannedItem Read(string table, Dictionary<string, AttributeValue> map)
        {
            try
            {
                return new ScannedItem(ItemAttributeMapper.FromAttributeMap(table, map), null);
            }
            catch (ArgumentException ex)
            {
                return new ScannedItem(null, new UnreadableItem(table, ItemAttributeMapper.DescribeKey(map), ex.Message));
            }
        }

        private sealed class ScannedPage
        {
            public ScannedPage(string table, List<ScannedItem> items, bool lastOfTable)
            {
                Table = table;
                Items = items;
                LastOfTable = lastOfTable;
            }

            public string Table { get; }
            public List<ScannedItem> Items { get; }
            public bool LastOfTable { get; }
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
                progress?.Report(new ScanProgress(table, tableItems, total += added, finished));
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

            public void Add(int count) => overall.Report(table, read += count, count, false);

            public void Finish() => overall.Report(table, read, 0, true);
        }
    }
}
