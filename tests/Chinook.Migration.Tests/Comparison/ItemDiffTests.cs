using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Chinook.Migration.Comparison;
using Chinook.Migration.Items;
using Chinook.Migration.Source;
using Chinook.Migration.Tests.Validation;
using Chinook.Migration.Transform;
using Xunit;

namespace Chinook.Migration.Tests.Comparison
{
    /// <summary>
    /// A target migrated from the shipped database, compared with a copy of it that the application went on
    /// changing: the changes ripple through every denormalized copy, and the diff names each item they touch.
    /// </summary>
    public class ItemDiffTests
    {
        private static Dictionary<string, TableDiff> Diff(string sql, out ItemDiff diff, out List<ComparedItem> compared)
        {
            using var store = TargetFingerprintStore.Create(Path.GetTempPath());
            foreach (var item in ShippedTarget.Items())
            {
                store.Add(item.TableName, ItemAttributeMapper.ToAttributeMap(item), item.SizeBytes);
            }
            using var source = SourceDatabase.Open(TestDatabases.ShippedWith(sql));
            diff = new ItemDiff(store, TableNames.BaseNames, keysKept: 100);
            compared = diff.CompareSource(source, new ConversionOptions(), null, null, CancellationToken.None).ToList();
            foreach (var table in TableNames.BaseNames)
            {
                diff.Deleted(table).ToList();
            }
            return diff.Tables.ToDictionary(t => t.TableName);
        }

        private static string[] Keys(IEnumerable<ItemKey> keys) => keys.Select(k => $"{k.PartitionKey} {k.SortKey}").ToArray();

        [Fact]
        public void AnUnchangedSourceIsInSyncEverywhere()
        {
            var tables = Diff("SELECT 1", out _, out var compared);
            Assert.All(tables.Values, t => Assert.True(t.InSync, t.TableName));
            Assert.Equal(ShippedTarget.Expected.Count, tables.Values.Sum(t => t.Unchanged));
            Assert.All(compared, c => Assert.Equal(ItemChange.Unchanged, c.Change));
        }

        [Fact]
        public void AChangedPriceChangesTheTrackAndThePlaylistPagesThatCopyIt()
        {
            var tables = Diff("UPDATE Track SET UnitPrice = 1.29 WHERE TrackId = 1", out _, out var compared);
            Assert.Equal(new[] { "ALBUM#1 TRACK#1" }, Keys(tables["MusicCatalog"].ChangedKeys));
            Assert.Equal(1, tables["MusicCatalog"].Changed);
            Assert.True(tables["Playlists"].Changed > 0);
            Assert.All(tables["Playlists"].ChangedKeys, k => Assert.StartsWith("PLAYLIST#", k.PartitionKey));
            // Order lines keep the price the invoice was paid at.
            Assert.True(tables["CustomerOrders"].InSync);
            Assert.True(tables["EmployeeManagement"].InSync);
            Assert.Equal(tables.Values.Sum(t => t.Changed), compared.Count(c => c.Change == ItemChange.Changed));
        }

        [Fact]
        public void ADeletedPlaylistLeavesItsItemsToDeleteAndANewCustomerIsAdded()
        {
            var tables = Diff(
                "DELETE FROM PlaylistTrack WHERE PlaylistId = 18; DELETE FROM Playlist WHERE PlaylistId = 18;" +
                "INSERT INTO Customer (CustomerId, FirstName, LastName, Email, SupportRepId) VALUES (60, 'Ada', 'Lovelace', 'ada@example.com', 3);",
                out _, out _);
            var playlists = tables["Playlists"];
            Assert.Equal(0, playlists.Added + playlists.Changed);
            Assert.True(playlists.Deleted >= 1);
            Assert.All(playlists.DeletedKeys, k => Assert.Equal("PLAYLIST#18", k.PartitionKey));
            Assert.Equal(playlists.Deleted, playlists.DeleteWriteUnits);
            Assert.Contains("CUSTOMER#60 PROFILE", Keys(tables["CustomerOrders"].AddedKeys));
            Assert.Equal(0, tables["CustomerOrders"].Deleted);
        }
    }
}
