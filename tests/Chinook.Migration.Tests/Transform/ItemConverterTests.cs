using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Chinook.Migration.Items;
using Chinook.Migration.Source;
using Chinook.Migration.Transform;
using Xunit;

namespace Chinook.Migration.Tests.Transform
{
    /// <summary>Selection, prefix, streaming, progress and cancellation of a conversion.</summary>
    public class ItemConverterTests
    {
        private sealed class RecordingProgress : IProgress<ConversionProgress>
        {
            public List<object> Events { get; } = new List<object>();

            public void Report(ConversionProgress value) => Events.Add(value);
        }

        [Fact]
        public void TheFirstItemComesOutWhileTheSourceIsStillBeingRead()
        {
            var progress = new RecordingProgress();
            using var database = SourceDatabase.Open(TestDatabases.Shipped);
            foreach (var output in ItemConverter.Convert(database, new ConversionOptions { Entities = new[] { ChinookEntity.Track } }, progress))
            {
                progress.Events.Add(output);
            }
            var firstItem = progress.Events.FindIndex(e => e is ConversionOutput);
            var reports = progress.Events.OfType<ConversionProgress>().ToList();
            var readingAfterFirstItem = progress.Events.Skip(firstItem).OfType<ConversionProgress>().Where(p => p.Stage == ConversionStage.Reading).ToList();
            Assert.NotEmpty(readingAfterFirstItem);
            Assert.All(readingAfterFirstItem, p => Assert.InRange(p.RowsRead, 1, p.RowsTotal));
            Assert.True(readingAfterFirstItem[0].RowsRead < 3503);
            Assert.Equal(ConversionStage.StepFinished, reports.Last().Stage);
        }

        [Fact]
        public void ProgressCountsRowsAndItemsUpToTheTotals()
        {
            var progress = new RecordingProgress();
            using var database = SourceDatabase.Open(TestDatabases.Shipped);
            var items = ItemConverter.Convert(database, null, progress).Count();
            var reports = progress.Events.OfType<ConversionProgress>().ToList();
            var finished = reports.Where(p => p.Stage == ConversionStage.StepFinished).ToList();

            Assert.All(finished, p => Assert.Equal(p.RowsTotal, p.RowsRead));
            Assert.Equal(reports[0].StepCount, finished.Count);
            Assert.Equal(100, finished.Last().PercentComplete);
            Assert.Equal(items, finished.Last().ItemsEmitted);
            Assert.Equal(reports.Select(p => p.PercentComplete).OrderBy(p => p), reports.Select(p => p.PercentComplete));
            Assert.Contains(reports, p => p.SourceTable == "Track" && p.Description.Contains("AlbumId, TrackId order"));
        }

        [Fact]
        public void ProgressCountsEachTargetTablesRowsUpToItsTotal()
        {
            var progress = new RecordingProgress();
            using var database = SourceDatabase.Open(TestDatabases.Shipped);
            var itemTables = ItemConverter.Convert(database, null, progress).Where(o => o.Item != null)
                .Select(o => o.Item!.TableName).Distinct().ToList();
            var reports = progress.Events.OfType<ConversionProgress>().ToList();
            var lastPerTable = reports.GroupBy(p => p.TargetTable).ToDictionary(g => g.Key, g => g.Last());

            Assert.Equal(itemTables.OrderBy(t => t), lastPerTable.Keys.OrderBy(t => t));
            Assert.All(lastPerTable.Values, p => Assert.Equal(p.TargetRowsTotal, p.TargetRowsRead));
            Assert.Equal(reports.Last().RowsTotalOverall, lastPerTable.Values.Sum(p => p.TargetRowsTotal));
            Assert.All(reports, p => Assert.InRange(p.TargetRowsRead, 0, p.TargetRowsTotal));
            foreach (var table in reports.GroupBy(p => p.TargetTable))
            {
                Assert.Equal(table.Select(p => p.TargetRowsRead).OrderBy(r => r), table.Select(p => p.TargetRowsRead));
            }
        }

        [Fact]
        public void EntitySelectionReadsOnlyWhatItNeeds()
        {
            var progress = new RecordingProgress();
            using var database = SourceDatabase.Open(TestDatabases.Shipped);
            var items = ItemConverter.Convert(database, new ConversionOptions { Entities = new[] { ChinookEntity.Artist } }, progress)
                .Select(o => o.Item!).ToList();
            Assert.Equal(275, items.Count);
            Assert.All(items, i => Assert.Equal("Artist", i.EntityType));
            Assert.Equal(new[] { "Artist" }, progress.Events.OfType<ConversionProgress>().Select(p => p.SourceTable).Distinct());
        }

        [Fact]
        public void TableSelectionAndEntitySelectionCombine()
        {
            var playlists = Conversion.Of(TestDatabases.Shipped, new ConversionOptions { Tables = new[] { "Playlists" } });
            Assert.Equal(new[] { "Playlist", "PlaylistPage" }, playlists.Items.Select(i => i.EntityType).Distinct().OrderBy(e => e));

            var both = Conversion.Of(TestDatabases.Shipped, new ConversionOptions
            {
                Tables = new[] { "MusicCatalog", "EmployeeManagement" }, Entities = new[] { ChinookEntity.Genre, ChinookEntity.Employee, ChinookEntity.Order },
            });
            Assert.Equal(new[] { "Employee", "Genre" }, both.Items.Select(i => i.EntityType).Distinct().OrderBy(e => e));

            var metadataOnly = Conversion.Of(TestDatabases.Shipped, new ConversionOptions { Entities = new[] { ChinookEntity.Playlist } });
            Assert.Equal(18, metadataOnly.Items.Count);
            Assert.Equal(1L, metadataOnly.Single("PLAYLIST#1", "METADATA").Attributes["PageCount"]);
        }

        [Fact]
        public void ThePrefixGoesOnEveryTableName()
        {
            var result = Conversion.Of(TestDatabases.Shipped, new ConversionOptions { TablePrefix = "dev-", Entities = new[] { ChinookEntity.Genre, ChinookEntity.Employee } });
            Assert.Equal(new[] { "dev-EmployeeManagement", "dev-MusicCatalog" }, result.Items.Select(i => i.TableName).Distinct().OrderBy(t => t));
        }

        [Theory]
        [InlineData("bad prefix!", null)]
        [InlineData(null, "Music")]
        public void BadOptionsAreRefusedBeforeAnythingIsRead(string? prefix, string? table)
        {
            using var database = SourceDatabase.Open(TestDatabases.Shipped);
            var options = new ConversionOptions { TablePrefix = prefix, Tables = table is null ? null : new[] { table } };
            Assert.Throws<ArgumentException>(() => ItemConverter.Convert(database, options));
        }

        [Fact]
        public void CancellationStopsTheStream()
        {
            using var cancellation = new CancellationTokenSource();
            using var database = SourceDatabase.Open(TestDatabases.Shipped);
            var seen = 0;
            Assert.ThrowsAny<OperationCanceledException>(() =>
            {
                foreach (var unused in ItemConverter.Convert(database, null, null, cancellation.Token))
                {
                    seen++;
                    cancellation.Cancel();
                }
            });
            Assert.InRange(seen, 1, 10);
        }

        [Fact]
        public void ConvertingLeavesTheSourceByteIdentical()
        {
            var path = TestDatabases.CopyOfShipped();
            var before = File.ReadAllBytes(path);
            Conversion.Of(path);
            Assert.Equal(before, File.ReadAllBytes(path));
        }
    }
}
