using System.Collections.Generic;
using System.Linq;
using Amazon.DynamoDBv2.Model;
using Chinook.Migration.Items;
using Chinook.Migration.Target.Writing;
using Xunit;

namespace Chinook.Migration.Tests.Target
{
    /// <summary>Deletes go through the same writer as puts: batched with them, retried when unprocessed, counted in write units.</summary>
    public class DynamoBatchWriterDeleteTests
    {
        private static PendingWrite Put(int id) => new PendingWrite("A", $"PK#{id}", $"SK#{id}",
            new Dictionary<string, AttributeValue>
            {
                ["PK"] = new AttributeValue { S = $"PK#{id}" },
                ["SK"] = new AttributeValue { S = $"SK#{id}" },
                ["Value"] = new AttributeValue { S = "v" },
            },
            100, 1);

        private static PendingWrite Delete(int id) => PendingWrite.Delete(new ItemKey("A", $"PK#{id}", $"SK#{id}"), deletedItemWriteUnits: 3);

        [Fact]
        public void ADeleteIsSentAsADeleteRequestOfTheKeyAlone()
        {
            var client = new ScriptedDynamoClient((r, n, ct) => ScriptedDynamoClient.AllWritten());
            var (results, _) = DynamoBatchWriterTests.Run(client, new[] { Put(1), Delete(2) });

            var requests = client.Requests.SelectMany(r => r.RequestItems["A"]).ToList();
            Assert.Equal("PK#1", requests.Single(w => w.PutRequest is not null).PutRequest.Item["PK"].S);
            var delete = requests.Single(w => w.DeleteRequest is not null).DeleteRequest;
            Assert.Equal(new[] { "PK", "SK" }, delete.Key.Keys.OrderBy(k => k));
            Assert.Equal("SK#2", delete.Key["SK"].S);
            Assert.Equal(2, results.Single().ItemsWritten);
            Assert.Equal(1 + 3, results.Single().WriteUnits);
        }

        [Fact]
        public void UnprocessedDeletesAreRetriedUntilDone()
        {
            var client = new ScriptedDynamoClient((r, n, ct) => n < 4 ? ScriptedDynamoClient.HalfUnprocessed(r) : ScriptedDynamoClient.AllWritten());
            var deletes = Enumerable.Range(0, 60).Select(Delete).ToList();

            var (results, events) = DynamoBatchWriterTests.Run(client, deletes);

            Assert.Equal(60, results.Single().ItemsWritten);
            Assert.Equal(0, results.Single().Failed);
            Assert.True(results.Single().Retries > 0);
            Assert.DoesNotContain(events, e => e is ItemNotWritten);
            var deleted = client.Requests.SelectMany(r => r.RequestItems["A"]).Select(w => w.DeleteRequest.Key["PK"].S).Distinct();
            Assert.Equal(60, deleted.Count());
        }
    }
}
