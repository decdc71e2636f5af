using System;
using Chinook.Migration.Items;
using Chinook.Migration.Export;
using Chinook.Migration.Target.Writing;
using Xunit;

namespace Chinook.Migration.Tests.Export
{
    public class StopSummaryTests
    {
        private static TableWriteResult Table(string name, long received, long written, long folded = 0) =>
            new TableWriteResult(name, TableWriteStatus.Stopped, received, written, written, 0, 0, folded, TimeSpan.FromSeconds(1), Array.Empty<ItemKey>());

        [Fact]
        public void WithACheckpointItSaysHowToResume()
        {
            var text = StopSummary.Describe(new[] { Table("MusicCatalog", 5, 2), Table("CustomerOrders", 3, 0) }, "/tmp/cp.json");

            Assert.Equal("Export-ChinookToDynamo stopped: 2 items written (MusicCatalog 2, CustomerOrders 0); 6 items received but not written." +
                " Run the same command with -Resume to continue from checkpoint '/tmp/cp.json'.", text);
        }

        [Fact]
        public void WithoutACheckpointItOffersNoResume()
        {
            var text = StopSummary.Describe(new[] { Table("Playlists", 4, 3) }, checkpointPath: null);

            Assert.Equal("Export-ChinookToDynamo stopped: 3 items written (Playlists 3); 1 item received but not written.", text);
        }

        [Fact]
        public void OneItemIsSingularAndAnItemReplacedByALaterOneIsNotCountedAsUnwritten()
        {
            var text = StopSummary.Describe(new[] { Table("Staff", 3, 1, folded: 2) }, checkpointPath: null);

            Assert.Equal("Export-ChinookToDynamo stopped: 1 item written (Staff 1); 0 items received but not written.", text);
        }
    }
}
