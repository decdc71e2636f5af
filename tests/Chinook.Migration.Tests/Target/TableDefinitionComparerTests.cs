using System.Collections.Generic;
using System.Linq;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Chinook.Migration.Target;
using Xunit;

namespace Chinook.Migration.Tests.Target
{
    /// <summary>Existing tables as DescribeTable reports them, compared with the module's definitions.</summary>
    public class TableDefinitionComparerTests
    {
        /// <summary>What DynamoDB describes after creating the definition: attributes in another order, statuses, capacity 0 on demand.</summary>
        private static TableDescription Described(TableDefinition definition)
        {
            var request = definition.ToCreateTableRequest();
            var onDemand = request.BillingMode == BillingMode.PAY_PER_REQUEST;
            return new TableDescription
            {
                TableName = request.TableName,
                TableStatus = TableStatus.ACTIVE,
                TableArn = "arn:aws:dynamodb:us-east-1:000000000000:table/" + request.TableName,
                AttributeDefinitions = Enumerable.Reverse(request.AttributeDefinitions).ToList(),
                KeySchema = request.KeySchema,
                BillingModeSummary = onDemand ? new BillingModeSummary { BillingMode = BillingMode.PAY_PER_REQUEST } : null,
                ProvisionedThroughput = Throughput(request.ProvisionedThroughput),
                GlobalSecondaryIndexes = request.GlobalSecondaryIndexes?.Select(index => new GlobalSecondaryIndexDescription
                {
                    IndexName = index.IndexName,
                    KeySchema = index.KeySchema,
                    Projection = index.Projection,
                    IndexStatus = IndexStatus.ACTIVE,
                    ProvisionedThroughput = Throughput(index.ProvisionedThroughput),
                }).ToList(),
            };
        }

        private static ProvisionedThroughputDescription Throughput(ProvisionedThroughput? throughput) =>
            new ProvisionedThroughputDescription { ReadCapacityUnits = throughput?.ReadCapacityUnits ?? 0, WriteCapacityUnits = throughput?.WriteCapacityUnits ?? 0 };

        private static IReadOnlyList<string> Compare(TableDefinition expected, TableDescription actual) =>
            TableDefinitionComparer.Differences(expected, TableDefinitionMapping.FromDescription(actual));

        [Theory]
        [InlineData("MusicCatalog")]
        [InlineData("CustomerOrders")]
        [InlineData("Playlists")]
        [InlineData("EmployeeManagement")]
        public void ATableCreatedFromItsDefinitionMatchesIt(string table)
        {
            var definition = TableDefinitions.For(table, "dev-");
            Assert.Empty(Compare(definition, Described(definition)));
            var provisioned = TableDefinitions.For(table, "dev-", TableBilling.Provisioned(5, 5));
            Assert.Empty(Compare(provisioned, Described(provisioned)));
        }

        [Fact]
        public void OtherProvisionedCapacityIsNoDifference()
        {
            var actual = Described(TableDefinitions.For("MusicCatalog", null, TableBilling.Provisioned(50, 20)));
            Assert.Empty(Compare(TableDefinitions.For("MusicCatalog", null, TableBilling.Provisioned(5, 5)), actual));
        }

        [Fact]
        public void AMissingSortKeyIsNamed()
        {
            var definition = TableDefinitions.For("Playlists", null);
            var actual = Described(definition);
            actual.KeySchema = new List<KeySchemaElement> { new KeySchemaElement("PK", KeyType.HASH) };
            Assert.Equal("key schema is (PK HASH), expected (PK HASH, SK RANGE)", Assert.Single(Compare(definition, actual)));
        }

        [Fact]
        public void AKeyAttributeOfAnotherTypeIsNamed()
        {
            var definition = TableDefinitions.For("EmployeeManagement", null);
            var actual = Described(definition);
            actual.AttributeDefinitions = new List<AttributeDefinition> { new AttributeDefinition("PK", ScalarAttributeType.N), new AttributeDefinition("SK", ScalarAttributeType.S) };
            Assert.Equal("key attribute PK has type N, expected S", Assert.Single(Compare(definition, actual)));
        }

        [Fact]
        public void MissingExtraAndChangedIndexesAreNamed()
        {
            var definition = TableDefinitions.For("MusicCatalog", null);
            var actual = Described(definition);
            var nameSearch = actual.GlobalSecondaryIndexes[0];
            nameSearch.KeySchema = new List<KeySchemaElement> { new KeySchemaElement("GSI1PK", KeyType.HASH) };
            nameSearch.Projection = new Projection { ProjectionType = ProjectionType.KEYS_ONLY };
            actual.GlobalSecondaryIndexes[1] = new GlobalSecondaryIndexDescription
            {
                IndexName = "GSI3-Composer",
                KeySchema = new List<KeySchemaElement> { new KeySchemaElement("GSI3PK", KeyType.HASH) },
                Projection = new Projection { ProjectionType = ProjectionType.ALL },
            };

            Assert.Equal(new[]
            {
                "index GSI1-NameSearch key schema is (GSI1PK HASH), expected (GSI1PK HASH, GSI1SK RANGE)",
                "index GSI1-NameSearch projects KEYS_ONLY, expected ALL",
                "index GSI2-GenreSearch (GSI2PK HASH) is missing",
                "index GSI3-Composer (GSI3PK HASH) is not in the definition",
            }, Compare(definition, actual));
        }

        [Fact]
        public void ATableWithoutIndexesWhereTheDefinitionHasThemMissesThemAll()
        {
            var definition = TableDefinitions.For("CustomerOrders", null);
            var actual = Described(definition);
            actual.GlobalSecondaryIndexes = null;
            Assert.Equal("index GSI1-EmailSearch (GSI1PK HASH, GSI1SK RANGE) is missing", Assert.Single(Compare(definition, actual)));
        }

        [Fact]
        public void AnotherBillingModeIsNamedUnlessLeftOut()
        {
            var actual = Described(TableDefinitions.For("Playlists", null, TableBilling.Provisioned(1, 1)));
            var onDemand = TableDefinitions.For("Playlists", null);
            Assert.Equal("billing mode is PROVISIONED, expected PAY_PER_REQUEST", Assert.Single(Compare(onDemand, actual)));
            Assert.Empty(TableDefinitionComparer.Differences(onDemand, TableDefinitionMapping.FromDescription(actual), includeBillingMode: false));
        }

        [Fact]
        public void ATableWithoutBillingSummaryIsProvisioned()
        {
            var actual = Described(TableDefinitions.For("Playlists", null));
            actual.BillingModeSummary = null;
            Assert.Equal("PROVISIONED", TableDefinitionMapping.FromDescription(actual).BillingMode);
        }

        [Fact]
        public void TheCreateRequestCarriesTheWholeDefinition()
        {
            var request = TableDefinitions.For("MusicCatalog", "qa.", TableBilling.Provisioned(7, 3)).ToCreateTableRequest();

            Assert.Equal("qa.MusicCatalog", request.TableName);
            Assert.Equal(BillingMode.PROVISIONED, request.BillingMode);
            Assert.Equal(7, request.ProvisionedThroughput.ReadCapacityUnits);
            Assert.Equal(new[] { "GSI1-NameSearch", "GSI2-GenreSearch", "GSI3-LowerName" }, request.GlobalSecondaryIndexes.Select(i => i.IndexName));
            Assert.All(request.GlobalSecondaryIndexes, i => Assert.Equal(3, i.ProvisionedThroughput.WriteCapacityUnits));
            Assert.Equal("chinook-migration:managed", Assert.Single(request.Tags).Key);
        }

        [Fact]
        public void AnOnDemandCreateRequestSendsNoCapacityAndATableWithoutIndexesNoIndexList()
        {
            var request = TableDefinitions.For("Playlists", null).ToCreateTableRequest();
            Assert.Equal(BillingMode.PAY_PER_REQUEST, request.BillingMode);
            Assert.Null(request.ProvisionedThroughput);
            Assert.Null(request.GlobalSecondaryIndexes);
        }
    }
}
