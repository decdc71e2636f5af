using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Chinook.Migration.Target.Writing;
using Xunit;

namespace Chinook.Migration.Tests.Target
{
    public class WriteCheckpointTests
    {
        [Fact]
        public void ProgressAdvancesOnlyOverItemsThatAreAllDone()
        {
            var progress = new ContiguousProgress(alreadyDone: 10);
            progress.Done(12);
            progress.Done(11);
            Assert.Equal(10, progress.Through);
            progress.Done(10);
            Assert.Equal(13, progress.Through);
            progress.Done(5);
            Assert.Equal(13, progress.Through);
        }

        [Fact]
        public void ACheckpointRoundTripsAndRefusesOtherWork()
        {
            var path = TestDatabases.ScratchPath(".json");
            var hash = new string('A', 64);
            new WriteCheckpoint { SourcePath = "x.sqlite", SourceSha256 = hash, Selection = "prefix=dev-", ItemsSettled = 4200 }.Save(path);
            new WriteCheckpoint { SourcePath = "x.sqlite", SourceSha256 = hash, Selection = "prefix=dev-", ItemsSettled = 5000 }.Save(path);

            var loaded = WriteCheckpoint.Load(path)!;
            Assert.Equal(5000, loaded.ItemsSettled);
            Assert.False(File.Exists(path + ".tmp"));
            loaded.EnsureMatches("elsewhere/x.sqlite", hash, "prefix=dev-", path);
            Assert.Throws<InvalidDataException>(() => loaded.EnsureMatches("x.sqlite", new string('B', 64), "prefix=dev-", path));
            Assert.Throws<InvalidDataException>(() => loaded.EnsureMatches("x.sqlite", hash, "prefix=prod-", path));
        }

        [Fact]
        public void ADamagedCheckpointIsAnErrorNotARestart()
        {
            var path = TestDatabases.ScratchPath(".json");
            File.WriteAllText(path, "{ \"Format\": 1, \"ItemsSettled\": 12");
            Assert.Throws<InvalidDataException>(() => WriteCheckpoint.Load(path));
            File.WriteAllText(path, "{ \"Format\": 1, \"ItemsSettled\": -3, \"SourceSha256\": \"\" }");
            Assert.Throws<InvalidDataException>(() => WriteCheckpoint.Load(path));
            Assert.Null(WriteCheckpoint.Load(TestDatabases.ScratchPath(".json")));
        }

        [Fact]
        public async Task TheWriterSettlesOnlyThePrefixBeforeAFailure()
        {
            // Call 1 answers at once; call 2 fails for good: items 25..49 are not written.
            var client = new ScriptedDynamoClient((r, n, ct) => n == 1
                ? ScriptedDynamoClient.AllWritten()
                : Task.FromException<Amazon.DynamoDBv2.Model.BatchWriteItemResponse>(new Amazon.DynamoDBv2.AmazonDynamoDBException("no") { ErrorCode = "ValidationException", StatusCode = System.Net.HttpStatusCode.BadRequest }));
            using var writer = new DynamoBatchWriter(client, new BatchWriterOptions { MaxConcurrency = 1 }, CancellationToken.None, alreadyWritten: 100);
            foreach (var i in Enumerable.Range(0, 50))
            {
                writer.Add(new PendingWrite("A", $"PK#{i}", "SK", new System.Collections.Generic.Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>(), 10, 1));
            }
            writer.Complete();
            await writer.Completion;

            Assert.Equal(125, writer.SettledThrough);
        }
    }
}
