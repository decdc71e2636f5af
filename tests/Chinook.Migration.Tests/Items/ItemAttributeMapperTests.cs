using System;
using System.Collections.Generic;
using Amazon.DynamoDBv2.Model;
using Chinook.Migration.Items;
using Xunit;
using static Chinook.Migration.Tests.Items.PlainValueAssert;

namespace Chinook.Migration.Tests.Items
{
    public class ItemAttributeMapperTests
    {
        private static ChinookItem Order() => new ChinookItem("dev-CustomerOrders", "CUSTOMER#1", "ORDER#2021-01-01T00:00:00Z#0000000001", Map(
            ("EntityType", "Order"), ("InvoiceId", 1L), ("Total", 1.98m), ("BillingCity", "São José dos Campos"), ("Paid", true),
            ("Lines", List(Map(("TrackId", 2L), ("UnitPrice", 0.99m), ("Quantity", 2L)))), ("Empty", List()), ("NoFields", Map())));

        [Fact]
        public void AnItemBecomesTheAttributeMapDynamoDbTakes()
        {
            var map = ItemAttributeMapper.ToAttributeMap(Order());
            Assert.Equal("CUSTOMER#1", map["PK"].S);
            Assert.Equal("ORDER#2021-01-01T00:00:00Z#0000000001", map["SK"].S);
            Assert.Equal("Order", map["EntityType"].S);
            Assert.Equal("1", map["InvoiceId"].N);
            Assert.Equal("1.98", map["Total"].N);
            Assert.Equal("São José dos Campos", map["BillingCity"].S);
            Assert.True(map["Paid"].BOOL);
            Assert.Equal("0.99", map["Lines"].L[0].M["UnitPrice"].N);
            Assert.True(map["Empty"].IsLSet);
            Assert.Empty(map["Empty"].L);
            Assert.True(map["NoFields"].IsMSet);
            Assert.Equal(new[] { "PK", "SK" }, new List<string>(ItemAttributeMapper.ToKey(Order()).Keys));
        }

        [Fact]
        public void AnAttributeMapReadsBackToTheSameItem()
        {
            var item = Order();
            var back = ItemAttributeMapper.FromAttributeMap(item.TableName, ItemAttributeMapper.ToAttributeMap(item));
            Assert.Equal((item.TableName, item.PK, item.SK, item.EntityType, item.SizeBytes), (back.TableName, back.PK, back.SK, back.EntityType, back.SizeBytes));
            Equal(item.Attributes, back.Attributes);
        }

        [Theory]
        [InlineData("2", 2L)]
        [InlineData("-7", -7L)]
        [InlineData("1E+2", 100L)]
        [InlineData("2.00", 2L)]
        public void WholeNumbersReadBackAsLong(string text, long expected) =>
            Assert.Equal(expected, ItemAttributeMapper.FromAttributeValue(new AttributeValue { N = text }));

        [Fact]
        public void OtherNumbersReadBackAsExactDecimals()
        {
            Assert.Equal(2328.6m, ItemAttributeMapper.FromAttributeValue(new AttributeValue { N = "2328.6" }));
            Assert.Equal(0.1m, ItemAttributeMapper.FromAttributeValue(new AttributeValue { N = "0.1" }));
        }

        [Fact]
        public void NullReadsAsAbsentAndSetsAreRefused()
        {
            var map = new Dictionary<string, AttributeValue>
            {
                ["PK"] = new AttributeValue { S = "P" }, ["SK"] = new AttributeValue { S = "S" }, ["Gone"] = new AttributeValue { NULL = true },
            };
            Assert.False(ItemAttributeMapper.FromAttributeMap("T", map).Attributes.ContainsKey("Gone"));

            map["Tags"] = new AttributeValue { SS = new List<string> { "a" } };
            Assert.Contains("Tags", Assert.Throws<ArgumentException>(() => ItemAttributeMapper.FromAttributeMap("T", map)).Message);
        }

        [Fact]
        public void AnItemWithoutStringKeysIsRefused()
        {
            var map = new Dictionary<string, AttributeValue> { ["PK"] = new AttributeValue { N = "1" }, ["SK"] = new AttributeValue { S = "S" } };
            Assert.Contains("PK", Assert.Throws<ArgumentException>(() => ItemAttributeMapper.FromAttributeMap("T", map)).Message);
        }
    }
}
