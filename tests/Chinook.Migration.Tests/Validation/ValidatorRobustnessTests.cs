using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Amazon.DynamoDBv2.Model;
using Chinook.Migration.Items;
using Chinook.Migration.Source;
using Chinook.Migration.Target;
using Chinook.Migration.Tests.Readback;
using Chinook.Migration.Validation;
using Xunit;

namespace Chinook.Migration.Tests.Validation
{
    /// <summary>
    /// A validator never breaks on what it reads: target items mutated at random (from a seed) as a damaged or foreign
    /// writer could leave them are failed checks naming their keys, never an exception.
    /// </summary>
    public class ValidatorRobustnessTests
    {
        private static readonly string[] Mutations =
        {
            "set", "null in a list", "no PK", "no SK", "number for text", "empty map", "400 KB string", "map for a number", "bool for text", "empty list element map",
        };

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        public async Task RandomlyDamagedItemsAreFailedChecksNamingTheirKeysNeverAnError(int seed)
        {
            var random = new Random(seed);
            var maps = ShippedTarget.Items().Select(i => (i.TableName, Map: ItemAttributeMapper.ToAttributeMap(i))).ToList();
            var damaged = new List<(string Table, string PK, string SK, string Mutation)>();
            foreach (var index in Enumerable.Range(0, maps.Count).OrderBy(_ => random.Next()).Take(12))
            {
                var (table, map) = maps[index];
                var mutation = Mutations[random.Next(Mutations.Length)];
                damaged.Add((table, map["PK"].S, map["SK"].S, mutation));
                Mutate(map, mutation, random);
            }
            var fake = TargetScannerTests.ScanDynamo.Create(pageSize: 500);
            foreach (var table in TableNames.BaseNames)
            {
                fake.Put(table, maps.Where(m => m.TableName == table).Select(m => m.Map));
            }
            using var source = SourceDatabase.Open(TestDatabases.Shipped);
            var validator = new MigrationValidator(source, new DynamoConnection(fake.Client, "fake", "credentials: fake", "region: fake"), new ValidationOptions
            {
                Kinds = new[] { ValidationKind.RecordCount, ValidationKind.DataIntegrity, ValidationKind.Relationship },
                FailingKeyCount = 10_000,
            });

            var results = await validator.RunAsync();

            var failed = results.Where(r => !r.Passed).ToList();
            var named = failed.SelectMany(r => r.FailingKeys).ToHashSet(StringComparer.Ordinal);
            foreach (var (table, pk, sk, mutation) in damaged)
            {
                var key = mutation switch
                {
                    "no PK" => $"PK=(none), SK={sk}",
                    "no SK" => $"PK={pk}, SK=(none)",
                    _ => $"PK={pk}, SK={sk}",
                };
                Assert.True(named.Contains(key), $"seed {seed}: the {mutation} of {table} {pk} {sk} is named by no failed check; failed: " +
                    string.Join(" | ", failed.Select(r => $"{r.Check}: {r.Message}")));
            }
        }

        [Fact]
        public async Task ANullInEveryOrdersLineListFailsTheOrdersPatternNamingAnItemAndTheOtherPatternsStillRun()
        {
            var (store, connection) = Chinook.Migration.Tests.Access.FakeItemStore.Create(ShippedTarget.Items());
            foreach (var order in store.Tables["CustomerOrders"].Where(m => m["EntityType"].S == "Order"))
            {
                order["LineItems"].L[0] = new AttributeValue { NULL = true };
            }
            using var source = SourceDatabase.Open(TestDatabases.Shipped);
            var validator = new MigrationValidator(source, connection, new ValidationOptions { Kinds = new[] { ValidationKind.AccessPattern, ValidationKind.Latency }, Iterations = 1 });

            var results = await validator.RunAsync();

            var orders = results.Single(r => r.Kind == ValidationKind.AccessPattern && r.Check == "A customer's orders, most recent first");
            Assert.False(orders.Passed);
            Assert.Matches(@"Item CustomerOrders PK=CUSTOMER#\d+, SK=ORDER#[^ ]+ cannot be read: LineItems\[0\] is null", orders.Message);
            Assert.Contains(results, r => r.Kind == ValidationKind.AccessPattern && r.Check == "A track by name (GSI1-NameSearch)" && r.Passed);
            Assert.Equal(results.Count(r => r.Kind == ValidationKind.AccessPattern), results.Count(r => r.Kind == ValidationKind.Latency));
        }

        private static void Mutate(Dictionary<string, AttributeValue> map, string mutation, Random random)
        {
            var attributes = map.Keys.Where(k => k != "PK" && k != "SK").ToList();
            var name = attributes[random.Next(attributes.Count)];
            var list = map.Values.FirstOrDefault(v => v.L is { Count: > 0 });
            switch (mutation)
            {
                case "set":
                    map[name] = new AttributeValue { SS = new List<string> { "a", "b" } };
                    break;
                case "null in a list" when list is not null:
                    list.L[random.Next(list.L.Count)] = new AttributeValue { NULL = true };
                    break;
                case "empty list element map" when list is not null:
                    list.L[random.Next(list.L.Count)] = new AttributeValue { M = new Dictionary<string, AttributeValue>(), IsMSet = true };
                    break;
                case "no PK":
                    map.Remove("PK");
                    break;
                case "no SK":
                    map.Remove("SK");
                    break;
                case "number for text":
                case "map for a number":
                case "bool for text":
                case "empty map":
                case "400 KB string":
                default:
                    map[name] = mutation switch
                    {
                        "number for text" => new AttributeValue { N = "42" },
                        "map for a number" => new AttributeValue { M = new Dictionary<string, AttributeValue> { ["x"] = new AttributeValue { N = "1" } }, IsMSet = true },
                        "bool for text" => new AttributeValue { BOOL = true },
                        "400 KB string" => new AttributeValue { S = new string('x', 400 * 1024) },
                        _ => new AttributeValue { M = new Dictionary<string, AttributeValue>(), IsMSet = true },
                    };
                    break;
            }
        }
    }
}
