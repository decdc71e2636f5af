using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Chinook.Bench.Loading
{
    /// <summary>
    /// The four target tables as the project decided them (docs: shared DESIGN.md, "Decided keys"): PK and SK
    /// on every table, on-demand billing, and the same global secondary indexes, so a loader writing here
    /// pays the same index upkeep as the module. The benchmark prefers New-ChinookDynamoTable where the
    /// module has it; these serve the sweep and standalone use.
    /// </summary>
    public static class TargetTables
    {
        private static readonly (string Table, (string Name, string Hash, string? Range)[] Indexes)[] Layout =
        {
            ("MusicCatalog", new[] { ("GSI1-NameSearch", "GSI1PK", (string?)"GSI1SK"), ("GSI2-GenreSearch", "GSI2PK", null) }),
            ("CustomerOrders", new[] { ("GSI1-EmailSearch", "GSI1PK", (string?)"GSI1SK") }),
            ("Playlists", Array.Empty<(string, string, string?)>()),
            ("EmployeeManagement", Array.Empty<(string, string, string?)>()),
        };

        public static IReadOnlyList<string> BaseNames { get; } = Layout.Select(l => l.Table).ToList();

        /// <summary>The base name of a table name that may carry a prefix ("dev-MusicCatalog" -> "MusicCatalog").</summary>
        public static string BaseNameOf(string name) =>
            BaseNames.FirstOrDefault(b => name.EndsWith(b, StringComparison.Ordinal))
            ?? throw new ArgumentException($"'{name}' is none of the target tables {string.Join(", ", BaseNames)}.", nameof(name));

        public static async Task Create(IAmazonDynamoDB client, string prefix)
        {
            foreach (var (table, indexes) in Layout)
            {
                var keys = new[] { "PK", "SK" }.Concat(indexes.SelectMany(i => new[] { i.Hash, i.Range })).OfType<string>().Distinct();
                await client.CreateTableAsync(new CreateTableRequest
                {
                    TableName = prefix + table,
                    BillingMode = BillingMode.PAY_PER_REQUEST,
                    KeySchema = KeySchema("PK", "SK"),
                    AttributeDefinitions = keys.Select(k => new AttributeDefinition(k, ScalarAttributeType.S)).ToList(),
                    GlobalSecondaryIndexes = indexes.Length == 0 ? null : indexes.Select(i => new GlobalSecondaryIndex
                    {
                        IndexName = i.Name,
                        KeySchema = KeySchema(i.Hash, i.Range),
                        Projection = new Projection { ProjectionType = ProjectionType.ALL },
                    }).ToList(),
                }).ConfigureAwait(false);
            }
            foreach (var (table, _) in Layout)
            {
                await WaitUntilActive(client, prefix + table).ConfigureAwait(false);
            }
        }

        public static async Task Delete(IAmazonDynamoDB client, string prefix)
        {
            foreach (var (table, _) in Layout)
            {
                try
                {
                    await client.DeleteTableAsync(prefix + table).ConfigureAwait(false);
                }
                catch (ResourceNotFoundException)
                {
                    // Already gone: deleting is how a run frees the local server's memory, nothing more.
                }
            }
        }

        private static List<KeySchemaElement> KeySchema(string hash, string? range)
        {
            var schema = new List<KeySchemaElement> { new KeySchemaElement(hash, KeyType.HASH) };
            if (range != null)
            {
                schema.Add(new KeySchemaElement(range, KeyType.RANGE));
            }
            return schema;
        }

        private static async Task WaitUntilActive(IAmazonDynamoDB client, string table)
        {
            var clock = Stopwatch.StartNew();
            while (true)
            {
                var description = (await client.DescribeTableAsync(table).ConfigureAwait(false)).Table;
                var indexesActive = description.GlobalSecondaryIndexes?.All(i => i.IndexStatus == IndexStatus.ACTIVE) ?? true;
                if (description.TableStatus == TableStatus.ACTIVE && indexesActive)
                {
                    return;
                }
                if (clock.Elapsed > TimeSpan.FromSeconds(60))
                {
                    throw new TimeoutException($"Table {table} did not become ACTIVE within 60 seconds.");
                }
                await Task.Delay(100).ConfigureAwait(false);
            }
        }
    }
}
