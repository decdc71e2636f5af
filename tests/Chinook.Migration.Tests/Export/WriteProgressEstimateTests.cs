using System;
using Chinook.Migration.Items;
using Chinook.Migration.Export;
using Chinook.Migration.Target.Writing;
using Xunit;

namespace Chinook.Migration.Tests.Export
{
    public class WriteProgressEstimateTests
    {
        [Fact]
        public void HalfTheInputReadGivesTwiceTheItemsReceivedToExpect()
        {
            var line = ProgressLine.Estimated("T", "status", inputFraction: 0.5, received: 100, written: 50, rate: 10);

            // 200 items expected, 50 written: a quarter done, 150 left at 10 items/s.
            Assert.Equal(25, line.PercentComplete);
            Assert.Equal(15, line.SecondsRemaining);
        }

        [Fact]
        public void TimeLeftRoundsUpAndNeverExpectsFewerThanWritten()
        {
            var line = ProgressLine.Estimated("T", "status", inputFraction: 1.0, received: 90, written: 100, rate: 7);

            Assert.Equal(100, line.PercentComplete);
            Assert.Equal(0, line.SecondsRemaining);
            Assert.Equal(22, ProgressLine.Estimated("T", "s", 0.5, 100, 51, 7).SecondsRemaining);
        }

        [Theory]
        [InlineData(null, 100, 10.0)]
        [InlineData(0.0, 100, 10.0)]
        [InlineData(0.5, 0, 10.0)]
        [InlineData(0.5, 100, 0.0)]
        public void WithoutAShareOfInputItemsOrARateThereIsNoEstimate(double? fraction, long received, double rate)
        {
            var line = ProgressLine.Estimated("T", "status", fraction, received, written: 10, rate);

            Assert.Null(line.PercentComplete);
            Assert.Null(line.SecondsRemaining);
        }

        [Fact]
        public void OverallAndPerTableLinesComeFromTheirOwnFractionsAndRates()
        {
            var clock = new ScriptedClock();
            var estimator = new WriteProgressEstimator(clock) { InputFraction = 0.25 };
            estimator.SetTableInputFraction("MusicCatalog", 0.5);
            clock.Advance(TimeSpan.FromSeconds(10));
            var table = new TableWriteResult("MusicCatalog", TableWriteStatus.Written, itemsReceived: 100, itemsWritten: 50, writeUnits: 50,
                retries: 2, failed: 1, duplicatesFolded: 0, duration: TimeSpan.FromSeconds(5), failedKeys: Array.Empty<ItemKey>());

            var progress = estimator.Describe(new[] { table });

            // Overall: 50 written in 10 s is 5 items/s; a quarter of the input gave 100 items, so 400 are expected.
            Assert.Equal(new ProgressLine(ExportProgress.Activity, "50 items written, 5 items/s", 12, 70), progress.Overall);
            // The table: 50 written in its 5 s is 10 items/s; half its input gave 100 items, so 200 are expected.
            Assert.Equal(new ProgressLine("MusicCatalog", "50 written, 10 items/s, 2 retries, 1 failed", 25, 15), Assert.Single(progress.Tables));
        }

        [Fact]
        public void ATableWhoseInputShareIsUnknownHasNoEstimate()
        {
            var clock = new ScriptedClock();
            var estimator = new WriteProgressEstimator(clock) { InputFraction = 0.5 };
            clock.Advance(TimeSpan.FromSeconds(1));
            var table = new TableWriteResult("Staff", TableWriteStatus.Written, 10, 5, 5, 0, 0, 0, TimeSpan.FromSeconds(1), Array.Empty<ItemKey>());

            var line = Assert.Single(estimator.Describe(new[] { table }).Tables);

            Assert.Null(line.PercentComplete);
            Assert.Null(line.SecondsRemaining);
        }
    }
}
