using System;
using System.Collections.Generic;
using Chinook.Migration.Items;
using Xunit;
using static Chinook.Migration.Tests.Items.PlainValueAssert;

namespace Chinook.Migration.Tests.Items
{
    public class ChinookItemTests
    {
        [Fact]
        public void NullsAreLeftOutAndTheEntityTypeIsReadFromTheAttributes()
        {
            var item = new ChinookItem("MusicCatalog", "ALBUM#1", "TRACK#1", Map(("EntityType", "Track"), ("Composer", null), ("Name", "x")));
            Assert.Equal("Track", item.EntityType);
            Assert.False(item.Attributes.ContainsKey("Composer"));
            Assert.Equal(new[] { "EntityType", "Name" }, new List<string>(item.Attributes.Keys));
        }

        [Fact]
        public void NestedNullsAreLeftOutToo()
        {
            var item = new ChinookItem("T", "P", "S", Map(("Lines", List(Map(("TrackId", 1L), ("TrackName", null))))));
            Equal(List(Map(("TrackId", 1L))), item.Attributes["Lines"]);
        }

        [Fact]
        public void TheItemKeepsItsOwnCopyOfWhatItIsGiven()
        {
            var lines = List(Map(("TrackId", 1L)));
            var attributes = Map(("Lines", lines));
            var item = new ChinookItem("T", "P", "S", attributes);
            lines.Add(Map(("TrackId", 2L)));
            attributes["Other"] = "x";
            Assert.Single((IReadOnlyList<object?>)item.Attributes["Lines"]!);
            Assert.False(item.Attributes.ContainsKey("Other"));
        }

        [Fact]
        public void BinaryFloatingPointIsRefused()
        {
            var ex = Assert.Throws<ArgumentException>(() => new ChinookItem("T", "P", "S", Map(("UnitPrice", 0.99))));
            Assert.Contains("UnitPrice", ex.Message);
            var nested = Assert.Throws<ArgumentException>(() => new ChinookItem("T", "P", "S", Map(("Lines", List(Map(("TrackId", 1L)), Map(("UnitPrice", 0.99f)))))));
            Assert.StartsWith("Lines[1].UnitPrice is binary floating point", nested.Message);
        }

        [Fact]
        public void AnItemFromGivenValuesHoldsExactlyWhatTheCopyingConstructorMakes()
        {
            var inItemForm = new List<object?> { new Dictionary<string, object?>(StringComparer.Ordinal) { ["TrackId"] = 1L, ["UnitPrice"] = 0.99m } };
            var attributes = Map(("EntityType", "Order"), ("Composer", null), ("Count", 3), ("Lines", inItemForm),
                ("Pages", List(Map(("PageNumber", 1), ("Name", null)))), ("Names", new System.Collections.ObjectModel.ReadOnlyCollection<object?>(new object?[] { "a", 2 })));
            var copied = new ChinookItem("T", "P", "S", attributes);
            var given = ChinookItem.FromGivenValues("T", "P", "S", attributes);
            Equal(copied.Attributes, given.Attributes);
            Assert.Equal(copied.SizeBytes, given.SizeBytes);
            Assert.Equal(copied.EntityType, given.EntityType);
            var refused = Assert.Throws<ArgumentException>(() => ChinookItem.FromGivenValues("T", "P", "S", Map(("Lines", List(Map(("UnitPrice", 0.99)))))));
            Assert.StartsWith("Lines[0].UnitPrice is binary floating point", refused.Message);
        }

        [Fact]
        public void KeysAreGivenApartFromTheAttributesAndMustNotBeEmpty()
        {
            Assert.Throws<ArgumentException>(() => new ChinookItem("T", "P", "S", Map(("PK", "again"))));
            Assert.Throws<ArgumentException>(() => new ChinookItem("T", "", "S", Map()));
        }

        [Fact]
        public void SizeAndWriteUnitsFollowDynamoDbsRules()
        {
            var item = new ChinookItem("MusicCatalog", "ARTIST#1", "METADATA", Map(("EntityType", "Artist"), ("ArtistId", 1L), ("Name", new string('x', 1000))));
            Assert.Equal(10 + 10 + 16 + 10 + 4 + 1000, item.SizeBytes);
            Assert.Equal(2, item.WriteUnits);
            Assert.Equal("MusicCatalog ARTIST#1 METADATA", item.ToString());
        }
   
        [Fact]
        public void LimitViolationsNameWhatDynamoDbWouldRefuse()
        {
            var fine = new ChinookItem("T", "P", "S", Map(("GSI1PK", "x"), ("GSI1SK", "y")));
            Assert.Empty(ItemLimits.Violations(fine));

            var bad = new ChinookItem("T", new string('p', 2049), "S", Map(("GSI1PK", ""), ("GSI1SK", new string('s', 1025)), ("Big", new string('b', 409_600))));
            Assert.Equal(new[]
            {
                "the item is 412,694 bytes, over 409,600", // 2+2049 + 2+1 + 6+0 + 6+1025 + 3+409600
                "key attribute PK is 2,049 bytes, over 2,048",
                "key attribute GSI1PK is empty", "key attribute GSI1SK is 1,025 bytes, over 1,024",
            }, ItemLimits.Violations(bad));
        }
    }
}
