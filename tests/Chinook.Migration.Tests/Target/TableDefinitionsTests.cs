using System;
using System.Linq;
using Chinook.Migration.Target;
using Xunit;

namespace Chinook.Migration.Tests.Target
{
    public class TableDefinitionsTests
    {
        private static string Keys(TableDefinition table) => string.Join(", ", table.KeySchema);

        private static string Indexes(TableDefinition table) => string.Join("; ", table.GlobalSecondaryIndexes);

        [Fact]
        public void TheFourTablesHaveTheDecidedKeysAndIndexes()
        {
            var tables = TableDefinitions.All(null).ToDictionary(t => t.TableName);

            Assert.Equal(new[] { "MusicCatalog", "CustomerOrders", "Playlists", "EmployeeManagement" }, tables.Keys);
            Assert.All(tables.Values, t => Assert.Equal("PK HASH, SK RANGE", Keys(t)));
            Assert.Equal("GSI1-NameSearch (GSI1PK HASH, GSI1SK RANGE); GSI2-GenreSearch (GSI2PK HASH); GSI3-LowerName (GSI3PK HASH, GSI3SK RANGE)", Indexes(tables["MusicCatalog"]));
            Assert.Equal("GSI1-EmailSearch (GSI1PK HASH, GSI1SK RANGE)", Indexes(tables["CustomerOrders"]));
            Assert.Empty(tables["Playlists"].GlobalSecondaryIndexes);
            Assert.Empty(tables["EmployeeManagement"].GlobalSecondaryIndexes);
        }

        [Fact]
        public void EveryKeyAttributeIsAStringAndDefinedOnce()
        {
            var catalog = TableDefinitions.For("MusicCatalog", null);
            Assert.Equal(new[] { "PK:S", "SK:S", "GSI1PK:S", "GSI1SK:S", "GSI2PK:S", "GSI3PK:S", "GSI3SK:S" }, catalog.AttributeDefinitions.Select(a => a.ToString()));
            Assert.Equal(new[] { "PK:S", "SK:S", "GSI1PK:S", "GSI1SK:S" }, TableDefinitions.For("CustomerOrders", null).AttributeDefinitions.Select(a => a.ToString()));
            Assert.Equal(new[] { "PK:S", "SK:S" }, TableDefinitions.For("Playlists", null).AttributeDefinitions.Select(a => a.ToString()));
        }

        [Fact]
        public void IndexesProjectAllAttributes()
        {
            Assert.All(TableDefinitions.All(null).SelectMany(t => t.GlobalSecondaryIndexes), index => Assert.Equal("ALL", index.Projection.ProjectionType));
        }

        [Fact]
        public void OnDemandIsTheDefaultAndCarriesNoCapacity()
        {
            Assert.All(TableDefinitions.All(null), table =>
            {
                Assert.Equal("PAY_PER_REQUEST", table.BillingMode);
                Assert.Null(table.ProvisionedThroughput);
                Assert.All(table.GlobalSecondaryIndexes, index => Assert.Null(index.ProvisionedThroughput));
            });
        }

        [Fact]
        public void ProvisionedBillingGivesTheCapacityToEveryTableAndIndex()
        {
            var tables = TableDefinitions.All("dev-", TableBilling.Provisioned(10, 4));
            Assert.All(tables, table =>
            {
                Assert.Equal("PROVISIONED", table.BillingMode);
                Assert.Equal("10 RCU, 4 WCU", table.ProvisionedThroughput?.ToString());
                Assert.All(table.GlobalSecondaryIndexes, index => Assert.Equal("10 RCU, 4 WCU", index.ProvisionedThroughput?.ToString()));
            });
        }

        [Theory]
        [InlineData(0, 1)]
        [InlineData(1, 0)]
        public void ProvisionedCapacityBelowOneIsRefused(long read, long write)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => TableBilling.Provisioned(read, write));
        }

        [Fact]
        public void ThePrefixGoesBeforeEveryTableName()
        {
            Assert.Equal(new[] { "dev-MusicCatalog", "dev-CustomerOrders", "dev-Playlists", "dev-EmployeeManagement" },
                TableDefinitions.All("dev-").Select(t => t.TableName));
        }

        [Fact]
        public void EveryTableCarriesTheManagedTag()
        {
            Assert.All(TableDefinitions.All(null), table =>
                Assert.Equal("chinook-migration:managed=true", Assert.Single(table.Tags).ToString()));
        }

        [Theory]
        [InlineData("bad prefix ")]
        [InlineData("dev/")]
        public void APrefixDynamoDbWouldRefuseIsRefusedFirst(string prefix)
        {
            Assert.Throws<ArgumentException>(() => TableDefinitions.All(prefix));
        }

        [Fact]
        public void OnlyTheFourTablesHaveDefinitions()
        {
            var ex = Assert.Throws<ArgumentException>(() => TableDefinitions.For("Invoices", null));
            Assert.Contains("MusicCatalog", ex.Message);
        }
    }
}
