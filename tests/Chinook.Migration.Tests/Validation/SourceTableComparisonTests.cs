using System.Collections.Generic;
using System.Linq;
using Chinook.Migration.Items;
using Chinook.Migration.Readback;
using Chinook.Migration.Source;
using Chinook.Migration.Validation;
using Xunit;

namespace Chinook.Migration.Tests.Validation
{
    /// <summary>A source table against the rows rebuilt from items into a SQLite file, compared in SQL: counts, then field by field.</summary>
    public class SourceTableComparisonTests
    {
        private static (ValidationResult Count, ValidationResult Rows) Compare(string table, List<ChinookItem> items, int keys = 5, string? source = null)
        {
            var rebuilt = RebuildAssert.Rebuild(items, out _, out var problems);
            using var database = SourceDatabase.Open(source ?? TestDatabases.Shipped);
            using var comparison = new SourceTableComparison(database, rebuilt, problems.Where(p => p.Kind == ReadbackProblemKind.Conflict).ToList(), keys);
            return comparison.Compare(ChinookSchema.Table(table));
        }

        [Fact]
        public void ACleanMigrationMatchesEveryTableInCountAndContent()
        {
            var rebuilt = RebuildAssert.Rebuild(ShippedTarget.Items(), out _, out _);
            using var database = SourceDatabase.Open(TestDatabases.Shipped);
            using var comparison = new SourceTableComparison(database, rebuilt, new List<ReadbackProblem>(), 5);
            foreach (var table in ChinookSchema.Tables)
            {
                var (count, rows) = comparison.Compare(table);
                Assert.True(count.Passed, count.Message);
                Assert.True(rows.Passed, rows.Message);
                Assert.Equal(count.Expected, count.Actual);
                Assert.Equal(rows.Expected, rows.Actual);
                Assert.Empty(rows.FailingKeys);
            }
        }

        [Fact]
        public void TheEmbeddedRowsAreCountedOneByOne()
        {
            var items = ShippedTarget.Items();
            Assert.Equal(8715, Compare("PlaylistTrack", items).Count.Actual);
            Assert.Equal(2240, Compare("InvoiceLine", items).Count.Actual);
            Assert.Equal(3503, Compare("Track", items).Count.Expected);
        }

        [Fact]
        public void ADeletedTrackItemFailsTheCountAndTheRowsNamingTheTrack()
        {
            var items = ShippedTarget.Items();
            items.Remove("ALBUM#1", "TRACK#6");
            var (count, rows) = Compare("Track", items);
            Assert.False(count.Passed);
            Assert.Equal((3503L, 3502L), (count.Expected, count.Actual));
            Assert.Equal(new[] { "TrackId=6" }, count.FailingKeys);
            Assert.False(rows.Passed);
            Assert.Equal(new[] { "TrackId=6" }, rows.FailingKeys);
            Assert.Contains("1 missing (TrackId=6)", rows.Message);
        }

        [Fact]
        public void APriceChangedByACentFailsTheRowsNamingTheTrackAndTheColumnButNotTheCount()
        {
            var items = ShippedTarget.Items();
            items.Change("ALBUM#1", "TRACK#1", a => a["UnitPrice"] = 1.00m);
            var (count, rows) = Compare("Track", items);
            Assert.True(count.Passed);
            Assert.False(rows.Passed);
            Assert.Equal(new[] { "TrackId=1" }, rows.FailingKeys);
            Assert.Contains("TrackId=1: UnitPrice: 0.99 in the source, 1.00 in the target", rows.Message);
            Assert.Equal(3502, rows.Actual);
        }

        [Fact]
        public void ALineRemovedFromAnOrderIsAMissingInvoiceLine()
        {
            var items = ShippedTarget.Items();
            var order = items.Single(i => i.EntityType == "Order" && (long)i.Attributes["InvoiceId"]! == 1);
            items.Change(order.PK, order.SK, a => a["LineItems"] = ((IReadOnlyList<object?>)a["LineItems"]!).Take(1).ToList());
            var (count, rows) = Compare("InvoiceLine", items);
            Assert.Equal((2240L, 2239L), (count.Expected, count.Actual));
            Assert.Equal(new[] { "InvoiceLineId=2" }, rows.FailingKeys);
            Assert.True(Compare("Invoice", items).Rows.Passed);
        }

        [Fact]
        public void ARowNoSourceRowExplainsAndARowHeldTwiceAreNamed()
        {
            var items = ShippedTarget.Items();
            var track = items.Find("ALBUM#1", "TRACK#1");
            // The same track item copied under another album's partition: one row, held by two items.
            items.Add(new ChinookItem(track.TableName, "ALBUM#2", track.SK, track.Attributes));
            items.Add(new ChinookItem(track.TableName, "ALBUM#1", "TRACK#99999",
                track.Attributes.Select(a => a.Key == "TrackId" ? new KeyValuePair<string, object?>("TrackId", 99999L) : a)));
            var (count, rows) = Compare("Track", items);
            Assert.Equal((3503L, 3505L), (count.Expected, count.Actual));
            Assert.Equal(new[] { "TrackId=1", "TrackId=99999" }, count.FailingKeys);
            Assert.Equal(new[] { "TrackId=1", "TrackId=99999" }, rows.FailingKeys);
            Assert.Contains("1 held by more than one item (TrackId=1: 2 times)", rows.Message);
            Assert.Contains("1 not in the source (TrackId=99999)", rows.Message);
        }

        [Fact]
        public void NullAgainstEmptyTextAndAMovedTimeAreDifferencesButATimesOtherTextIsNot()
        {
            var source = TestDatabases.ShippedWith(
                "UPDATE Invoice SET InvoiceDate = '2021-01-01T00:00:00' WHERE InvoiceId = 1; UPDATE Track SET Composer = NULL WHERE TrackId = 2;");
            var items = ShippedTarget.Items();
            items.Change("ALBUM#2", "TRACK#2", a => a["Composer"] = "");
            var order = items.Single(i => i.EntityType == "Order" && (long)i.Attributes["InvoiceId"]! == 2);
            items.Change(order.PK, order.SK, a => a["InvoiceDate"] = "2021-01-02T00:00:01Z");

            var (_, tracks) = Compare("Track", items, source: source);
            Assert.Equal(new[] { "TrackId=2" }, tracks.FailingKeys);
            Assert.Contains("TrackId=2: Composer: none in the source, '' in the target", tracks.Message);
            var (_, invoices) = Compare("Invoice", items, source: source);
            Assert.Equal(new[] { "InvoiceId=2" }, invoices.FailingKeys);
            Assert.Contains("InvoiceDate: '2021-01-02 00:00:00' in the source, '2021-01-02 00:00:01' in the target", invoices.Message);
        }

        [Fact]
        public void FailingKeysStopAtTheNumberAskedFor()
        {
            var items = ShippedTarget.Items();
            items.RemoveAll(i => i.EntityType == "Track" && i.PK == "ALBUM#1");
            var (count, rows) = Compare("Track", items, keys: 3);
            Assert.Equal(new[] { "TrackId=1", "TrackId=6", "TrackId=7" }, rows.FailingKeys);
            Assert.Equal(3503 - 10, count.Actual);
            Assert.Contains("10 missing (first: TrackId=1)", rows.Message);
            Assert.Empty(Compare("Track", items, keys: 0).Rows.FailingKeys);
        }
    }
}
