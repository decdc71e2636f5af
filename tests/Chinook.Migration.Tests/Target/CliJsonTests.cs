using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Chinook.Migration.Target;
using Xunit;

namespace Chinook.Migration.Tests.Target
{
    /// <summary>The definitions' JSON must be input `aws dynamodb create-table --cli-input-json` accepts: its member names, no nulls, no empty index list.</summary>
    public class CliJsonTests
    {
        private static readonly string[] TableMembers = { "TableName", "AttributeDefinitions", "KeySchema", "GlobalSecondaryIndexes", "BillingMode", "ProvisionedThroughput", "Tags" };

        private static JsonElement Json(TableDefinition definition) => JsonDocument.Parse(JsonSerializer.Serialize(definition)).RootElement;

        private static IEnumerable<string> Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name);

        [Fact]
        public void AnOnDemandTableWithIndexesHasTheClisShape()
        {
            var json = Json(TableDefinitions.For("MusicCatalog", "dev-"));

            Assert.Equal(new[] { "TableName", "AttributeDefinitions", "KeySchema", "GlobalSecondaryIndexes", "BillingMode", "Tags" }, Names(json));
            Assert.Equal("dev-MusicCatalog", json.GetProperty("TableName").GetString());
            Assert.Equal("PAY_PER_REQUEST", json.GetProperty("BillingMode").GetString());
            Assert.Equal(new[] { "AttributeName", "AttributeType" }, Names(json.GetProperty("AttributeDefinitions")[0]));
            Assert.Equal(new[] { "AttributeName", "KeyType" }, Names(json.GetProperty("KeySchema")[0]));
            var index = json.GetProperty("GlobalSecondaryIndexes")[0];
            Assert.Equal(new[] { "IndexName", "KeySchema", "Projection" }, Names(index));
            Assert.Equal("ALL", index.GetProperty("Projection").GetProperty("ProjectionType").GetString());
            Assert.Equal(new[] { "Key", "Value" }, Names(json.GetProperty("Tags")[0]));
        }

        [Fact]
        public void ATableWithoutIndexesLeavesTheIndexListOut()
        {
            var json = Json(TableDefinitions.For("Playlists", null));
            Assert.DoesNotContain("GlobalSecondaryIndexes", Names(json));
        }

        [Fact]
        public void AProvisionedTableGivesCapacityToTheTableAndEachIndex()
        {
            var json = Json(TableDefinitions.For("CustomerOrders", null, TableBilling.Provisioned(3, 2)));

            Assert.Equal("PROVISIONED", json.GetProperty("BillingMode").GetString());
            Assert.Equal(3, json.GetProperty("ProvisionedThroughput").GetProperty("ReadCapacityUnits").GetInt64());
            Assert.Equal(2, json.GetProperty("ProvisionedThroughput").GetProperty("WriteCapacityUnits").GetInt64());
            var index = json.GetProperty("GlobalSecondaryIndexes")[0];
            Assert.Equal(new[] { "IndexName", "KeySchema", "Projection", "ProvisionedThroughput" }, Names(index));
        }

        [Fact]
        public void NoDefinitionHoldsANullOrAMemberTheCliDoesNotKnow()
        {
            foreach (var billing in new[] { TableBilling.OnDemand, TableBilling.Provisioned(1, 1) })
            {
                foreach (var table in TableDefinitions.All("x-", billing))
                {
                    var json = Json(table);
                    Assert.All(Names(json), name => Assert.Contains(name, TableMembers));
                    AssertNoNulls(json);
                }
            }
        }

        private static void AssertNoNulls(JsonElement element)
        {
            Assert.NotEqual(JsonValueKind.Null, element.ValueKind);
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    AssertNoNulls(property.Value);
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                Assert.NotEqual(0, element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    AssertNoNulls(item);
                }
            }
        }
    }
}
