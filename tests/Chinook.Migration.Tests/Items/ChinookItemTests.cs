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
            Assert.Throws<ArgumentException>(() => new ChinookItem("T", "P", "S", Map(("Lines", List(Map(("UnitPrice", 0.99f)))))));
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
    }
}
