using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Chinook.Migration.Items;
using Chinook.Migration.Readback;
using Chinook.Migration.Target;
using Chinook.Migration.Validation;
using Xunit;

namespace Chinook.Migration.Tests.Readback
{
    public class TargetScannerTests
    {
        [Fact]
        public async Task EveryPageOfEverySegmentOfEveryTableIsReadConsistently()
        {
            var fake = ScanDynamo.Create(pageSize: 7);
            fake.Put("MusicCatalog", 100);
            fake.Put("Playlists", 23);
            var reports = new ConcurrentQueue<ScanProgress>();
            var snapshot = await Scan(new TargetScanner(fake.Client, segments: 3, maxConcurrency: 2), new[] { "MusicCatalog", "Playlists" },
                new SynchronousProgress<ScanProgress>(reports.Enqueue));

            Assert.Equal(123, snapshot.Items.Count);
            Assert.Equal(100, snapshot.ItemsOf("MusicCatalog").Count());
            Assert.Equal(fake.Stored("Playlists").Select(m => m["PK"].S).OrderBy(k => k), snapshot.ItemsOf("Playlists").Select(i => i.PK).OrderBy(k => k));
            Assert.All(fake.Requests, r => Assert.True(r.ConsistentRead));
            Assert.All(fake.Requests, r => Assert.Equal(3, r.TotalSegments));
            Assert.Equal(new[] { 0, 1, 2 }, fake.Requests.Select(r => r.Segment!.Value).Distinct().OrderBy(s => s));
            Assert.True(fake.Requests.Count > 6, "more than one page per segment");
            Assert.Equal(123, reports.Max(r => r.ItemsRead));
            Assert.Contains(reports, r => r.Table == "Playlists" && r.TableFinished && r.TableItemsRead == 23);
        }

        [Fact]
        public async Task NoMoreCallsThanAllowedAreInFlight()
        {
            var fake = ScanDynamo.Create(pageSize: 2, delay: TimeSpan.FromMilliseconds(5));
            fake.Put("MusicCatalog", 60);
            fake.Put("CustomerOrders", 60);
            await Scan(new TargetScanner(fake.Client, segments: 4, maxConcurrency: 3), new[] { "MusicCatalog", "CustomerOrders" });
            Assert.InRange(fake.MaxInFlight, 1, 3);
        }

        [Fact]
        public async Task OneSegmentMeansAnOrdinaryScan()
        {
            var fake = ScanDynamo.Create(pageSize: 10);
            fake.Put("Playlists", 25);
            var snapshot = await Scan(new TargetScanner(fake.Client, segments: 1, maxConcurrency: 1), new[] { "Playlists" });
            Assert.Equal(25, snapshot.Count);
            Assert.Equal(3, fake.Requests.Count);
            Assert.All(fake.Requests, r => Assert.Null(r.TotalSegments));
        }

        [Fact]
        public async Task AnItemThatIsNoChinookItemIsKeptAsUnreadable()
        {
            var fake = ScanDynamo.Create(pageSize: 10);
            fake.Put("Playlists", 2);
            fake.Stored("Playlists").Add(new Dictionary<string, AttributeValue> { ["PK"] = new AttributeValue { S = "X" }, ["SK"] = new AttributeValue { S = "Y" }, ["Tags"] = new AttributeValue { SS = new List<string> { "a" } } });
            var snapshot = await Scan(new TargetScanner(fake.Client, 1, 1), new[] { "Playlists" });
            Assert.Equal(2, snapshot.Items.Count);
            var unreadable = Assert.Single(snapshot.Unreadable);
            Assert.Equal("PK=X, SK=Y", unreadable.Key);
            Assert.Contains("set or binary", unreadable.Reason);
        }

        [Fact]
        public async Task AMissingTableIsTheErrorSeenNotTheCancellationsItCaused()
        {
            var fake = ScanDynamo.Create(pageSize: 1, delay: TimeSpan.FromMilliseconds(2));
            fake.Put("MusicCatalog", 50);
            var error = await Assert.ThrowsAsync<DynamoOperationException>(() =>
                Scan(new TargetScanner(fake.Client, 4, 4), new[] { "MusicCatalog", "Playlists" }));
            Assert.Equal(DynamoProblem.NotFound, error.Problem);
            Assert.Equal("Playlists", error.TableName);
        }

        [Fact]
        public async Task CancellationStopsTheScan()
        {
            var fake = ScanDynamo.Create(pageSize: 1, delay: TimeSpan.FromMilliseconds(5));
            fake.Put("MusicCatalog", 200);
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(30));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                Scan(new TargetScanner(fake.Client, 2, 2), new[] { "MusicCatalog" }, null, cancel.Token));
        }

        [Fact]
        public async Task EverySinkSeesEveryItemOnceFromOneScan()
        {
            var fake = ScanDynamo.Create(pageSize: 4);
            fake.Put("MusicCatalog", 30);
            fake.Put("Playlists", 9);
            var first = new TargetSnapshot(Array.Empty<string>());
            var second = new TargetSnapshot(Array.Empty<string>());
            var read = await new TargetScanner(fake.Client, 2, 2).ScanAsync(new[] { "MusicCatalog", "Playlists" }, new IScannedItemSink[] { first, second });
            Assert.Equal(39, read);
            Assert.Equal(first.Items.Keys.OrderBy(k => k.ToString()), second.Items.Keys.OrderBy(k => k.ToString()));
            Assert.Equal(39, first.Count);
            Assert.Equal(fake.Requests.Count, fake.Requests.Select(r => (r.TableName, r.Segment, r.ExclusiveStartKey?["PK"].S)).Distinct().Count());
        }

        [Fact]
        public async Task ASinkThatFailsStopsTheScanWithItsOwnError()
        {
            var fake = ScanDynamo.Create(pageSize: 1, delay: TimeSpan.FromMilliseconds(1));
            fake.Put("MusicCatalog", 100);
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                new TargetScanner(fake.Client, 2, 2).ScanAsync(new[] { "MusicCatalog" }, new IScannedItemSink[] { new FailingSink() }));
            Assert.Equal("disk full", error.Message);
            Assert.True(fake.Requests.Count < 100, "the segments stopped");
        }

        private static async Task<TargetSnapshot> Scan(TargetScanner scanner, string[] tables, IProgress<ScanProgress>? progress = null, CancellationToken cancellationToken = default)
        {
            var snapshot = new TargetSnapshot(tables);
            await scanner.ScanAsync(tables, new[] { snapshot }, progress, cancellationToken);
            return snapshot;
        }

        private sealed class FailingSink : IScannedItemSink
        {
            public void Add(ChinookItem item) => throw new InvalidOperationException("disk full");

            public void Add(UnreadableItem item) => throw new InvalidOperationException("disk full");
        }

        /// <summary>Scan over tables in memory, paged, each item in the segment its PK hashes to, as DynamoDB does.</summary>
        public class ScanDynamo : DispatchProxy
        {
            private readonly Dictionary<string, List<Dictionary<string, AttributeValue>>> tables = new Dictionary<string, List<Dictionary<string, AttributeValue>>>();
            private int inFlight;
            private int pageSize;
            private TimeSpan delay;

            public IAmazonDynamoDB Client { get; private set; } = null!;
            public ConcurrentBag<ScanRequest> Requests { get; } = new ConcurrentBag<ScanRequest>();
            public int MaxInFlight;

            public static ScanDynamo Create(int pageSize, TimeSpan delay = default)
            {
                var client = Create<IAmazonDynamoDB, ScanDynamo>();
                var fake = (ScanDynamo)(object)client;
                fake.Client = client;
                fake.pageSize = pageSize;
                fake.delay = delay;
                return fake;
            }

            public void Put(string table, int count)
            {
                var items = Enumerable.Range(1, count).Select(i => ItemAttributeMapper.ToAttributeMap(new ChinookItem(table, $"P#{i}", "S",
                    new Dictionary<string, object?> { ["EntityType"] = "Test", ["N"] = (long)i }))).ToList();
                tables[table] = items;
            }

            public List<Dictionary<string, AttributeValue>> Stored(string table) => tables[table];

            /// <summary>Holds these items (as DynamoDB hands them back) in the table, in place of what it held.</summary>
            public void Put(string table, IEnumerable<Dictionary<string, AttributeValue>> items) => tables[table] = items.ToList();

            protected override object? Invoke(MethodInfo? method, object?[]? args)
            {
                if (args![0] is ScanRequest request)
                {
                    return ScanAsync(request, (CancellationToken)args[1]!);
                }
                if (args[0] is GetItemRequest get)
                {
                    // The item check reads a differing item again to name what differs in it.
                    var found = tables.GetValueOrDefault(get.TableName)?.FirstOrDefault(item => get.Key.All(k => item.TryGetValue(k.Key, out var v) && v.S == k.Value.S));
                    return Task.FromResult(new GetItemResponse { Item = found, IsItemSet = found is not null });
                }
                throw new NotSupportedException(method!.Name);
            }

            private async Task<ScanResponse> ScanAsync(ScanRequest request, CancellationToken cancellationToken)
            {
                Requests.Add(request);
                var now = Interlocked.Increment(ref inFlight);
                lock (Requests)
                {
                    MaxInFlight = Math.Max(MaxInFlight, now);
                }
                try
                {
                    if (delay > TimeSpan.Zero)
                    {
                        await Task.Delay(delay, cancellationToken);
                    }
                    if (!tables.TryGetValue(request.TableName, out var all))
                    {
                        throw new ResourceNotFoundException("Requested resource not found");
                    }
                    static string Part(Dictionary<string, AttributeValue> item, string name) => item.TryGetValue(name, out var value) ? value.S ?? string.Empty : string.Empty;
                    var segment = all.Where(i => request.TotalSegments is null || Math.Abs(Part(i, "PK").GetHashCode()) % request.TotalSegments == request.Segment).ToList();
                    var start = request.ExclusiveStartKey is { Count: > 0 } key
                        ? segment.FindIndex(i => Part(i, "PK") == Part(key, "PK") && Part(i, "SK") == Part(key, "SK")) + 1
                        : 0;
                    var page = segment.Skip(start).Take(pageSize).ToList();
                    var more = start + page.Count < segment.Count;
                    return new ScanResponse
                    {
                        Items = page,
                        LastEvaluatedKey = more
                            ? new Dictionary<string, AttributeValue> { ["PK"] = new AttributeValue { S = Part(page.Last(), "PK") }, ["SK"] = new AttributeValue { S = Part(page.Last(), "SK") } }
                            : null,
                    };
                }
                finally
                {
                    Interlocked.Decrement(ref inFlight);
                }
            }
        }
    }
}
