using System.Collections.Generic;
using System.IO;
using System.Linq;
using Amazon.DynamoDBv2.Model;
using Chinook.Migration.Comparison;
using Chinook.Migration.Items;
using Xunit;

namespace Chinook.Migration.Tests.Comparison
{
    public class TargetFingerprintStoreTests
    {
        private static Dictionary<string, AttributeValue> Item(string pk, string sk, string name) => new Dictionary<string, AttributeValue>
        {
            ["PK"] = new AttributeValue { S = pk },
            ["SK"] = new AttributeValue { S = sk },
            ["Name"] = new AttributeValue { S = name },
        };

        [Fact]
        public void MatchesByKeyAndContentAndLeavesWhatNoSourceItemNamed()
        {
            using var store = TargetFingerprintStore.Create(Path.GetTempPath());
            store.Add("MusicCatalog", Item("ARTIST#1", "METADATA", "AC/DC"), 40);
            store.Add("MusicCatalog", Item("ARTIST#2", "METADATA", "Accept"), 41);
            store.Add("MusicCatalog", Item("ARTIST#3", "METADATA", "Aerosmith"), 2_000);
            store.Add("Playlists", Item("ARTIST#1", "METADATA", "same key, another table"), 50);

            Assert.Equal(ItemChange.Unchanged, store.Match(new ItemKey("MusicCatalog", "ARTIST#1", "METADATA"), ItemFingerprint.Of(Item("ARTIST#1", "METADATA", "AC/DC"))));
            Assert.Equal(ItemChange.Changed, store.Match(new ItemKey("MusicCatalog", "ARTIST#2", "METADATA"), ItemFingerprint.Of(Item("ARTIST#2", "METADATA", "Accept!"))));
            Assert.Equal(ItemChange.Added, store.Match(new ItemKey("MusicCatalog", "ARTIST#4", "METADATA"), ItemFingerprint.Of(Item("ARTIST#4", "METADATA", "New"))));

            Assert.Equal(new[] { new UnmatchedItem(new ItemKey("MusicCatalog", "ARTIST#3", "METADATA"), 2_000) }, store.Unmatched("MusicCatalog"));
            Assert.Single(store.Unmatched("Playlists"));
            Assert.Equal(3, store.Count("MusicCatalog"));
        }

        [Fact]
        public void KeepsItsItemsOnDiskAndDeletesTheFileWhenDone()
        {
            string path;
            using (var store = TargetFingerprintStore.Create(Path.GetTempPath()))
            {
                path = store.Path;
                for (var i = 0; i < 25_000; i++)
                {
                    store.Add("CustomerOrders", Item("CUSTOMER#" + i, "PROFILE", "name " + i), 100);
                }
                Assert.Equal(25_000, store.Count("CustomerOrders"));
                Assert.True(new FileInfo(path).Length > 25_000 * ItemFingerprint.Length);
            }
            Assert.False(File.Exists(path));
        }

        [Fact]
        public void AnItemWithoutAStringKeyIsSetAsideNamed()
        {
            using var store = TargetFingerprintStore.Create(Path.GetTempPath());
            var item = Item("PLAYLIST#1", "x", "no sort key");
            item["SK"] = new AttributeValue { N = "5" };
            store.Add("Playlists", item, 30);
            Assert.Equal(new[] { new UnkeyedItem("Playlists", "PK=PLAYLIST#1, SK=5") }, store.Unkeyed);
            Assert.Empty(store.Unmatched("Playlists"));
        }
    }
}
