using System.Collections.Generic;
using System.IO;
using System.Linq;
using Amazon.DynamoDBv2.Model;
using Chinook.Migration.Comparison;
using Xunit;

namespace Chinook.Migration.Tests.Comparison
{
    /// <summary>What counts as the same content for a fingerprint: what DynamoDB would give back as equal, and nothing more.</summary>
    public class ItemFingerprintTests
    {
        private static AttributeValue S(string text) => new AttributeValue { S = text };
        private static AttributeValue N(string number) => new AttributeValue { N = number };
        private static AttributeValue M(params (string Key, AttributeValue Value)[] entries) =>
            new AttributeValue { M = entries.ToDictionary(e => e.Key, e => e.Value), IsMSet = true };
        private static AttributeValue L(params AttributeValue[] elements) => new AttributeValue { L = elements.ToList(), IsLSet = true };

        private static Dictionary<string, AttributeValue> Item(params (string Key, AttributeValue Value)[] attributes)
        {
            var item = new Dictionary<string, AttributeValue> { ["PK"] = S("ALBUM#1"), ["SK"] = S("TRACK#1") };
            foreach (var (key, value) in attributes)
            {
                item[key] = value;
            }
            return item;
        }

        private static bool Same(Dictionary<string, AttributeValue> a, Dictionary<string, AttributeValue> b) =>
            ItemFingerprint.Of(a).SequenceEqual(ItemFingerprint.Of(b));

        [Fact]
        public void AttributeAndMapEntryOrderDoNotMatter()
        {
            var one = Item(("Name", S("Balls to the Wall")), ("Line", M(("TrackId", N("1")), ("Name", S("x")))));
            var other = new Dictionary<string, AttributeValue>
            {
                ["Line"] = M(("Name", S("x")), ("TrackId", N("1"))),
                ["SK"] = S("TRACK#1"),
                ["Name"] = S("Balls to the Wall"),
                ["PK"] = S("ALBUM#1"),
            };
            Assert.True(Same(one, other));
            Assert.Equal(ItemFingerprint.Length, ItemFingerprint.Of(one).Length);
        }

        [Fact]
        public void NumbersCompareByValueAsDynamoDbKeepsNoScale()
        {
            Assert.True(Same(Item(("UnitPrice", N("1.50"))), Item(("UnitPrice", N("1.5")))));
            Assert.True(Same(Item(("Total", N("2"))), Item(("Total", N("2.00")))));
            Assert.False(Same(Item(("UnitPrice", N("0.99"))), Item(("UnitPrice", N("0.990001")))));
        }

        [Fact]
        public void TypesAreExact()
        {
            Assert.False(Same(Item(("Id", S("1"))), Item(("Id", N("1")))));
            Assert.False(Same(Item(("Lines", L())), Item(("Lines", M()))));
            Assert.False(Same(Item(("Flag", new AttributeValue { BOOL = true })), Item(("Flag", N("1")))));
            Assert.False(Same(Item(("Flag", new AttributeValue { BOOL = true })), Item(("Flag", new AttributeValue { BOOL = false }))));
            Assert.False(Same(Item(("Tags", new AttributeValue { SS = new List<string> { "a" } })), Item(("Tags", L(S("a"))))));
        }

        [Fact]
        public void AnyCharacterAListsOrderAndAMissingAttributeMakeADifference()
        {
            Assert.False(Same(Item(("Name", S("AC/DC"))), Item(("Name", S("ACDC")))));
            Assert.False(Same(Item(("Name", S("e\u0301"))), Item(("Name", S("\u00e9")))));
            Assert.False(Same(Item(("Lines", L(N("1"), N("2")))), Item(("Lines", L(N("2"), N("1"))))));
            Assert.False(Same(Item(("Name", S("x")), ("Composer", S("y"))), Item(("Name", S("x")))));
            // Keys and values cannot run into each other: {"ab": "c"} is not {"a": "bc"}.
            Assert.False(Same(Item(("ab", S("c"))), Item(("a", S("bc")))));
        }

        [Fact]
        public void SetElementsCompareInAnyOrder()
        {
            Assert.True(Same(Item(("Tags", new AttributeValue { SS = new List<string> { "a", "b" } })), Item(("Tags", new AttributeValue { SS = new List<string> { "b", "a" } }))));
            Assert.True(Same(Item(("Sizes", new AttributeValue { NS = new List<string> { "1.0", "2" } })), Item(("Sizes", new AttributeValue { NS = new List<string> { "2", "1" } }))));
            Assert.False(Same(Item(("Blob", new AttributeValue { B = new MemoryStream(new byte[] { 1 }) })), Item(("Blob", new AttributeValue { B = new MemoryStream(new byte[] { 2 }) }))));
        }
    }
}
