using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Chinook.Migration.Import;
using Chinook.Migration.Items;
using Chinook.Migration.Source;
using Chinook.Migration.Tests.Items;
using Chinook.Migration.Transform;
using Xunit;

namespace Chinook.Migration.Tests.Import
{
    public class S3ExportTests
    {
        private static readonly Lazy<IReadOnlyList<ChinookItem>> ShippedItems = new Lazy<IReadOnlyList<ChinookItem>>(() =>
        {
            using var database = SourceDatabase.Open(TestDatabases.Shipped);
            return ItemConverter.Convert(database, new ConversionOptions { TablePrefix = "t-" }).Where(o => o.Item is not null).Select(o => o.Item!).ToList();
        });

        private static S3ExportOptions Options(Action<S3ExportOptions>? change = null)
        {
            var options = new S3ExportOptions { BucketName = "memory", KeyPrefix = "exports/run1/", TablePrefix = "t-" };
            change?.Invoke(options);
            return options;
        }

        private static async Task<IReadOnlyList<S3ExportResult>> Export(InMemoryObjectStore store, S3ExportOptions options, List<S3ExportEvent>? events = null)
        {
            using var database = SourceDatabase.Open(TestDatabases.Shipped);
            return await new S3Export(store, options).ExportAsync(database, TableNames.BaseNames,
                new SynchronousProgress<S3ExportEvent>(e => events?.Add(e)), CancellationToken.None);
        }

        private static S3ExportManifest Manifest(InMemoryObjectStore store) => S3ExportManifest.FromJson(store.Objects["exports/run1/manifest.json"]);

        [Fact]
        public void ALineIsOneImportItemThatReadsBackAsTheItem()
        {
            foreach (var item in ShippedItems.Value)
            {
                var line = DynamoJsonLine.ToText(item);

                Assert.StartsWith("{\"Item\":{\"PK\":{\"S\":", line, StringComparison.Ordinal);
                Assert.DoesNotContain('\n', line);
                var back = DynamoJsonLine.Parse(item.TableName, line);
                Assert.Equal((item.PK, item.SK), (back.PK, back.SK));
                Assert.Equal(item.Attributes.Keys.OrderBy(k => k, StringComparer.Ordinal), back.Attributes.Keys.OrderBy(k => k, StringComparer.Ordinal));
            }
        }

        [Fact]
        public async Task EveryTablesObjectsHoldExactlyItsItemsAsLinesAndTheManifestCountsAndHashesThem()
        {
            var store = new InMemoryObjectStore();

            var results = await Export(store, Options());

            var manifest = Manifest(store);
            Assert.True(manifest.Complete);
            Assert.Equal(TableNames.BaseNames.Select(b => "t-" + b), results.Select(r => r.TableName));
            foreach (var result in results)
            {
                var table = Assert.Single(manifest.Tables, t => t.TableName == result.TableName);
                Assert.Equal($"exports/run1/{result.TableName}/", table.KeyPrefix);
                Assert.Equal(store.Objects.Keys.Where(k => k.StartsWith(table.KeyPrefix, StringComparison.Ordinal)), table.Objects.Select(o => o.Key));
                var expected = ShippedItems.Value.Where(i => i.TableName == result.TableName).Select(DynamoJsonLine.ToText).OrderBy(l => l, StringComparer.Ordinal);
                var actual = table.Objects.SelectMany(o => store.Lines(o.Key)).OrderBy(l => l, StringComparer.Ordinal);
                Assert.Equal(expected, actual);
                foreach (var entry in table.Objects)
                {
                    var lines = store.Lines(entry.Key);
                    Assert.Equal(lines.Count, entry.Items);
                    var bytes = Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n")));
                    Assert.Equal(Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant(), entry.Sha256);
                    Assert.Equal(bytes.Length, entry.LineBytes);
                    Assert.Equal(store.Objects[entry.Key].Length, entry.Bytes);
                }
                Assert.Equal(table.Items, result.Items);
                Assert.Equal(table.Objects.Count, result.Objects);
            }
            // The manifest lies outside every table's prefix, or an import would read it as data.
            Assert.DoesNotContain(manifest.Tables, t => "exports/run1/manifest.json".StartsWith(t.KeyPrefix, StringComparison.Ordinal));
        }

        [Fact]
        public async Task ObjectsStayWithinTheirItemLimitAndEachPartitionKeyLiesInOneShardWithItsItemsSpreadApart()
        {
            var store = new InMemoryObjectStore();

            await Export(store, Options(o => { o.MaxItemsPerObject = 400; o.ShuffleWindowBytes = 64 * 1024; }));

            var catalog = Assert.Single(Manifest(store).Tables, t => t.TableName == "t-MusicCatalog");
            Assert.All(catalog.Objects, o => Assert.InRange(o.Items, 1, 400));
            Assert.True(catalog.Objects.Count >= ShippedItems.Value.Count(i => i.TableName == "t-MusicCatalog") / 400);
            var shardsOfKey = catalog.Objects
                .SelectMany(o => store.Lines(o.Key).Select(l => (Shard: o.Key.Split('/')[^1].Substring(0, 7), Item: DynamoJsonLine.Parse("t-MusicCatalog", l))))
                .GroupBy(x => x.Item.PK)
                .ToDictionary(g => g.Key, g => g.Select(x => x.Shard).Distinct().Count());
            Assert.All(shardsOfKey.Values, shards => Assert.Equal(1, shards));
            Assert.True(catalog.Objects.Select(o => o.Key.Split('/')[^1].Substring(0, 7)).Distinct().Count() > 1, "the keys are spread over several shards");
            // The source yields an artist's items together; after the window, the first object's neighbours mostly differ in key.
            var first = store.Lines(catalog.Objects[0].Key).Select(l => DynamoJsonLine.Parse("t-MusicCatalog", l).PK).ToList();
            var sameAsNext = first.Zip(first.Skip(1), (a, b) => a == b).Count(x => x);
            Assert.True(sameAsNext < first.Count / 4, $"{sameAsNext} of {first.Count} neighbours share a partition key");
        }

        [Fact]
        public async Task ALargeObjectGoesUpInPartsAndReadsTheSameAsOnePut()
        {
            var whole = new InMemoryObjectStore();
            var parted = new InMemoryObjectStore();

            await Export(whole, Options());
            await Export(parted, Options(o => o.PartSizeBytes = 16 * 1024));

            var catalog = Assert.Single(Manifest(parted).Tables, t => t.TableName == "t-MusicCatalog");
            Assert.Contains(catalog.Objects, o => o.Parts > 1);
            Assert.Contains(parted.Calls, c => c.StartsWith("UploadPart exports/run1/t-MusicCatalog/", StringComparison.Ordinal));
            Assert.Equal(0, parted.OpenUploads);
            foreach (var entry in catalog.Objects)
            {
                Assert.Equal(whole.Lines(entry.Key), parted.Lines(entry.Key));
            }
        }

        [Fact]
        public async Task AStoppedExportResumesFromItsManifestWithoutSendingCompleteObjectsAgain()
        {
            var fresh = new InMemoryObjectStore();
            await Export(fresh, Options(o => { o.MaxItemsPerObject = 500; o.PartSizeBytes = 16 * 1024; }));
            var store = new InMemoryObjectStore();
            // A dropped connection in the middle of a multipart object, after other objects are complete.
            store.Fails = call => call.StartsWith("UploadPart exports/run1/t-MusicCatalog/part-02-00001.json.gz", StringComparison.Ordinal);

            var stop = await Assert.ThrowsAsync<S3ExportException>(() => Export(store, Options(o => { o.MaxItemsPerObject = 500; o.PartSizeBytes = 16 * 1024; })));
            Assert.Equal(S3ExportProblem.RequestFailed, stop.Problem);
            Assert.Equal(0, store.OpenUploads);
            Assert.False(Manifest(store).Complete);
            var uploadedBefore = Manifest(store).Tables.SelectMany(t => t.Objects).Select(o => o.Key).ToList();
            Assert.NotEmpty(uploadedBefore);

            store.Fails = _ => false;
            store.Calls.Clear();
            var events = new List<S3ExportEvent>();
            var results = await Export(store, Options(o => { o.MaxItemsPerObject = 500; o.PartSizeBytes = 16 * 1024; o.Resume = true; }), events);

            Assert.True(Manifest(store).Complete);
            Assert.DoesNotContain(store.Calls, c => uploadedBefore.Any(k => c.EndsWith(" " + k, StringComparison.Ordinal) && !c.StartsWith("Get", StringComparison.Ordinal)));
            Assert.Equal(uploadedBefore.Count, results.Sum(r => r.ObjectsResumed));
            Assert.Equal(uploadedBefore.Count, events.OfType<S3ObjectWritten>().Count(e => e.Resumed));
            Assert.Equal(fresh.Objects.Keys, store.Objects.Keys);
            foreach (var key in fresh.Objects.Keys.Where(k => k.EndsWith(".gz", StringComparison.Ordinal)))
            {
                Assert.Equal(fresh.Lines(key), store.Lines(key));
            }
        }

        [Fact]
        public async Task ResumingOverObjectsThatDifferFromTheSourceStops()
        {
            var store = new InMemoryObjectStore();
            await Export(store, Options());
            var manifest = Manifest(store);
            var damaged = manifest.Tables[0].Objects[0];
            manifest.Tables[0].Objects[0] = damaged with { Sha256 = new string('0', 64) };
            store.Objects["exports/run1/manifest.json"] = manifest.ToJson();

            var error = await Assert.ThrowsAsync<S3ExportException>(() => Export(store, Options(o => o.Resume = true)));

            Assert.Equal(S3ExportProblem.ResumeMismatch, error.Problem);
            Assert.Equal("s3://memory/" + damaged.Key, error.Target);
        }

        [Fact]
        public async Task AKeyPrefixThatHoldsAnEarlierExportIsRefusedBeforeAnyUpload()
        {
            var store = new InMemoryObjectStore();
            store.Objects["exports/run1/t-Playlists/old.json.gz"] = new byte[1];

            var error = await Assert.ThrowsAsync<S3ExportException>(() => Export(store, Options()));

            Assert.Equal(S3ExportProblem.PrefixNotEmpty, error.Problem);
            Assert.DoesNotContain(store.Calls, c => c.StartsWith("Put", StringComparison.Ordinal) || c.StartsWith("Start", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData("/p/")]
        [InlineData("p")]
        public void AKeyPrefixMustBeAFolderWithoutALeadingSlash(string keyPrefix)
        {
            Assert.Throws<ArgumentException>(() => new S3Export(new InMemoryObjectStore(), Options(o => o.KeyPrefix = keyPrefix)));
        }
    }
}
