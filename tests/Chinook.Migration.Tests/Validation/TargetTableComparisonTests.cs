using System.Collections.Generic;
using System.Linq;
using Chinook.Migration.Items;
using Chinook.Migration.Readback;
using Chinook.Migration.Validation;
using Xunit;

namespace Chinook.Migration.Tests.Validation
{
    /// <summary>The items the source implies against the items of a target held in memory, attribute by attribute.</summary>
    public class TargetTableComparisonTests
    {
        private static Dictionary<string, ValidationResult> Compare(List<ChinookItem> target) =>
            TargetTableComparison.Compare(ShippedTarget.Expected, TargetSnapshot.Of(target), ShippedTarget.Tables, 5).ToDictionary(r => r.Entity);

        [Fact]
        public void ACleanMigrationHasEveryItemAndNothingElse()
        {
            var results = Compare(ShippedTarget.Items());
            Assert.Equal(new[] { "MusicCatalog", "CustomerOrders", "Playlists", "EmployeeManagement" }, results.Keys);
            Assert.All(results.Values, r => Assert.True(r.Passed, r.Message));
            Assert.All(results.Values, r => Assert.Equal(r.Expected, r.Actual));
            Assert.Equal(ShippedTarget.Expected.Count, results.Values.Sum(r => r.Expected));
            Assert.Equal("MusicCatalog items", results["MusicCatalog"].Check);
        }

        [Fact]
        public void AnAlbumsArtistNameChangedIsADifferingItemNamedByItsKey()
        {
            var target = ShippedTarget.Items();
            target.Change("ARTIST#1", "ALBUM#1", a => a["ArtistName"] = "ACDC");
            var results = Compare(target);
            var catalog = results["MusicCatalog"];
            Assert.False(catalog.Passed);
            Assert.Equal(new[] { "PK=ARTIST#1, SK=ALBUM#1" }, catalog.FailingKeys);
            Assert.Contains("ArtistName: 'AC/DC' in the source, 'ACDC' in the target", catalog.Message);
            Assert.Equal(catalog.Expected - 1, catalog.Actual);
            Assert.True(results["CustomerOrders"].Passed);
        }

        [Fact]
        public void AStrayItemIsOneNoSourceRowExplains()
        {
            var target = ShippedTarget.Items();
            target.Add(new ChinookItem("CustomerOrders", "CUSTOMER#1", "NOTE#1", new Dictionary<string, object?> { ["Text"] = "left behind" }));
            var orders = Compare(target)["CustomerOrders"];
            Assert.False(orders.Passed);
            Assert.Equal(new[] { "PK=CUSTOMER#1, SK=NOTE#1" }, orders.FailingKeys);
            Assert.Contains("1 not explained by any source row", orders.Message);
            Assert.Equal(orders.Expected, orders.Actual);
        }

        [Fact]
        public void AnItemThatCannotBeReadIsReportedNotThrown()
        {
            var snapshot = TargetSnapshot.Of(ShippedTarget.Items());
            snapshot.Add(new UnreadableItem("Playlists", "PK=PLAYLIST#1, SK=(none)", "The item has no string key attribute SK."));
            var playlists = TargetTableComparison.Compare(ShippedTarget.Expected, snapshot, ShippedTarget.Tables, 5).Single(r => r.Entity == "Playlists");
            Assert.False(playlists.Passed);
            Assert.Equal(new[] { "PK=PLAYLIST#1, SK=(none)" }, playlists.FailingKeys);
        }

        [Fact]
        public void AMissingPlaylistPageAndALineRemovedFromAnOrderAreNamedByTheirItems()
        {
            var target = ShippedTarget.Items();
            target.Remove("PLAYLIST#13", "PAGE#00001");
            var order = target.Single(i => i.EntityType == "Order" && (long)i.Attributes["InvoiceId"]! == 1);
            target.Change(order.PK, order.SK, a => a["LineItems"] = ((IReadOnlyList<object?>)a["LineItems"]!).Take(1).ToList());
            var results = Compare(target);
            Assert.Equal(new[] { "PK=PLAYLIST#13, SK=PAGE#00001" }, results["Playlists"].FailingKeys);
            Assert.Contains("1 missing", results["Playlists"].Message);
            Assert.Equal(new[] { $"PK={order.PK}, SK={order.SK}" }, results["CustomerOrders"].FailingKeys);
            Assert.Contains("LineItems: 2 elements in the source, 1 in the target", results["CustomerOrders"].Message);
        }

        [Fact]
        public void APlaylistWhoseTotalDurationIsNotTheSumOfItsTracksIsNamed()
        {
            var target = ShippedTarget.Items();
            target.Change("PLAYLIST#1", "METADATA", a => a["TotalDuration"] = (long)a["TotalDuration"]! + 1);
            var playlists = Compare(target)["Playlists"];
            Assert.False(playlists.Passed);
            Assert.Equal(new[] { "PK=PLAYLIST#1, SK=METADATA" }, playlists.FailingKeys);
            Assert.Contains("TotalDuration: 877683083 in the source, 877683084 in the target", playlists.Message);
        }

        [Fact]
        public void OnlyTheFirstDifferingItemOfATableIsReadAgainToNameItsAttributes()
        {
            var target = ShippedTarget.Items();
            target.Change("ARTIST#1", "ALBUM#1", a => a["Title"] = "x");
            target.Change("ARTIST#1", "ALBUM#4", a => a["Title"] = "y");
            using var store = Chinook.Migration.Comparison.TargetFingerprintStore.Create();
            TargetFingerprintSink.FileInto(store, target);
            var fetched = new List<ItemKey>();

            var catalog = TargetTableComparison.Compare(ShippedTarget.Expected, store, new List<UnreadableItem>(), ShippedTarget.Tables, 5,
                key => { fetched.Add(key); return null; }).Single(r => r.Entity == "MusicCatalog");

            Assert.Equal(new[] { new ItemKey("MusicCatalog", "ARTIST#1", "ALBUM#1") }, fetched);
            Assert.Equal(new[] { "PK=ARTIST#1, SK=ALBUM#1", "PK=ARTIST#1, SK=ALBUM#4" }, catalog.FailingKeys);
            Assert.Contains("2 differing (first: PK=ARTIST#1, SK=ALBUM#1: gone from the target when read again)", catalog.Message);
        }

        [Fact]
        public void TablesAreMatchedWithTheirPrefix()
        {
            var prefixed = ShippedTarget.Items().Select(i => new ChinookItem("dev-" + i.TableName, i.PK, i.SK, i.Attributes)).ToList();
            var expected = ShippedTarget.Expected.Select(i => new ChinookItem("dev-" + i.TableName, i.PK, i.SK, i.Attributes));
            var tables = ShippedTarget.Tables.Select(t => (t.BaseName, "dev-" + t.BaseName)).ToList();
            var results = TargetTableComparison.Compare(expected, TargetSnapshot.Of(prefixed), tables, 5);
            Assert.All(results, r => Assert.True(r.Passed, r.Message));
            Assert.Equal("dev-Playlists", results[2].Entity);
            Assert.Equal("Playlists items", results[2].Check);
        }
    }
}
