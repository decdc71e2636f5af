using System;
using System.Collections.Generic;
using System.Linq;
using Chinook.Migration.Items;
using Chinook.Migration.Readback;
using Chinook.Migration.Transform;
using Chinook.Migration.Tests.Transform;
using Chinook.Migration.Tests.Validation;
using Xunit;

namespace Chinook.Migration.Tests.Readback
{
    /// <summary>
    /// The way back: items (as DynamoDB hands them back) rebuilt into a new SQLite file give the source's 11 tables
    /// exactly, in Chinook's own schema; bad items are reported by key and the rest comes back.
    /// </summary>
    public class RoundTripTests
    {
        [Fact]
        public void TheRebuiltFileHasTheShippedSchemaStatementForStatement()
        {
            var rebuilt = RebuildAssert.Rebuild(Array.Empty<ChinookItem>(), out var summary, out _);
            Assert.Equal(Schema(TestDatabases.Shipped), Schema(rebuilt));
            Assert.All(summary.RowCounts.Values, count => Assert.Equal(0, count));
            Assert.Equal(11, summary.RowCounts.Count);
        }

        [Fact]
        public void TheShippedDatabaseComesBackExactlyFromItsItemsAsDynamoReturnsThem()
        {
            RebuildAssert.SourceEqualsRebuilt(TestDatabases.Shipped, ShippedTarget.Items());
        }

        [Fact]
        public void TheSqlComparisonSeesNullAgainstEmptyTextAndTextAgainstReal()
        {
            var rebuilt = RebuildAssert.Rebuild(ShippedTarget.Items(), out _, out _);
            TestDatabases.Execute(rebuilt, "UPDATE Track SET Composer = '' WHERE TrackId = 63; UPDATE Invoice SET Total = CAST(Total AS TEXT) || 'x' WHERE InvoiceId = 1;");
            var differences = RebuildAssert.SqlDifferences(TestDatabases.Shipped, rebuilt);
            Assert.True(differences.Count == 4, string.Join("\n", differences));
            Assert.Contains(differences, d => d.StartsWith("Track row only in the source: TrackId=63", StringComparison.Ordinal) && d.Contains("Composer= (null)"));
            Assert.Contains(differences, d => d.StartsWith("Track row only in the rebuilt file: TrackId=63", StringComparison.Ordinal) && d.Contains("Composer= (text)"));
            Assert.Contains(differences, d => d.StartsWith("Invoice row only in the source: InvoiceId=1", StringComparison.Ordinal) && d.Contains("Total=1.98 (real)"));
        }

        [Fact]
        public void AHardDatabaseComesBackExactly()
        {
            var longName = new string('n', 60_000);
            var path = TestDatabases.Empty();
            TestDatabases.Execute(path,
                "INSERT INTO Genre VALUES (1, 'Rock'), (2, 'Unused #genre'), (3, NULL); INSERT INTO MediaType VALUES (1, 'MPEG'), (2, 'Unused'); " +
                "INSERT INTO Artist VALUES (1, 'AC#DC 🎸'), (2, 'שלום עליכם'), (3, ''); INSERT INTO Album VALUES (1, 'e\u0301te\u0301 #1', 1), (2, 'Empty', 3); " +
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40) " +
                $"INSERT INTO Track (TrackId, Name, AlbumId, MediaTypeId, GenreId, Composer, Milliseconds, Bytes, UnitPrice) SELECT i, '{longName}' || i, " +
                "CASE WHEN i % 7 = 0 THEN NULL ELSE 1 END, 1, CASE WHEN i % 5 = 0 THEN NULL ELSE 1 END, CASE WHEN i % 3 = 0 THEN '' ELSE NULL END, i * 1000, NULL, " +
                "CASE WHEN i % 2 = 0 THEN 2 ELSE 0.99 END FROM n; " +
                "INSERT INTO Employee (EmployeeId, LastName, FirstName, ReportsTo, BirthDate, HireDate) VALUES (1, 'Boss', 'B', NULL, '1962-02-18 00:00:00', NULL), " +
                "(2, 'Rep', 'R', 1, NULL, '2002-08-14 09:30:00.5'); " +
                "INSERT INTO Customer (CustomerId, FirstName, LastName, Email, SupportRepId, Company) VALUES (1, 'Ann', 'Lee', 'Ann@Example.com', 2, ''), " +
                "(2, 'No', 'Invoices', 'none@example.com', NULL, NULL), (3, 'Only', 'Empty', 'e@example.com', 2, 'ACME #2'); " +
                "INSERT INTO Invoice (InvoiceId, CustomerId, InvoiceDate, BillingCity, Total) VALUES (1, 1, '2021-01-01 00:00:00', 'Köln', 1.98), " +
                "(2, 1, '2021-01-01 00:00:00', NULL, 3), (3, 3, '2021-02-01 12:00:00', '', 0); " +
                "INSERT INTO InvoiceLine VALUES (1, 1, 1, 0.99, 1), (2, 1, 7, 0.99, 1), (3, 2, 2, 2, 1), (4, 2, 4, 1, 1); " +
                $"INSERT INTO Playlist VALUES (1, '{longName}'), (2, 'Empty playlist'), (3, NULL); INSERT INTO PlaylistTrack SELECT 1, TrackId FROM Track; " +
                "INSERT INTO PlaylistTrack VALUES (3, 5);");
            var conversion = Conversion.Of(path);
            Assert.Empty(conversion.Errors);
            Assert.True(conversion.Entity(ChinookEntity.PlaylistPage).Count(p => p.PK == "PLAYLIST#1") > 1, "the large playlist is paged");

            RebuildAssert.SourceEqualsRebuilt(path, AsDynamoReturnsThem(conversion.Items));
        }

        [Fact]
        public void ATimeInAnotherTextIsReportedAtConversionAndComesBackAsTheSameInstantInSqlitesText()
        {
            var path = TestDatabases.Empty();
            TestDatabases.Execute(path,
                "INSERT INTO Customer (CustomerId, FirstName, LastName, Email) VALUES (1, 'Ann', 'Lee', 'a@b.c'); " +
                "INSERT INTO Invoice (InvoiceId, CustomerId, InvoiceDate, Total) VALUES (1, 1, '2021-01-01T10:00:00', 1), (2, 1, '2021-01-01 12:00:00+02:00', 1), " +
                "(3, 1, '2021-01-02 00:00:00', 1);");
            var conversion = Conversion.Of(path);

            Assert.Equal(new[] { "InvoiceId=1", "InvoiceId=2" },
                conversion.Warnings.Where(w => w.Kind == ConversionProblemKind.TimeRewritten).Select(w => w.RowKey));
            Assert.Contains("'2021-01-01T10:00:00' comes back as '2021-01-01 10:00:00'", conversion.Warnings.First().Message);
            var rebuilt = RebuildAssert.Rebuild(AsDynamoReturnsThem(conversion.Items), out _, out var problems);
            Assert.Empty(problems);
            Assert.Equal(new[] { "2021-01-01 10:00:00|text", "2021-01-01 10:00:00|text", "2021-01-02 00:00:00|text" },
                Query(rebuilt, "SELECT InvoiceDate || '|' || typeof(InvoiceDate) FROM Invoice ORDER BY InvoiceId"));
        }

        [Fact]
        public void BadItemsAreReportedByKeyAndEverythingElseComesBack()
        {
            var items = ShippedTarget.Items();
            // No layout: an EntityType that names nothing, and a line that is no map.
            items.Add(new ChinookItem("MusicCatalog", "ARTIST#1", "FAN#1", new Dictionary<string, object?> { ["EntityType"] = "Fan" }));
            items.Change("CUSTOMER#1", "ORDER#2022-03-11T00:00:00Z#0000000098", a => a["LineItems"] = new List<object?> { "not a line" });
            // Two profiles for one customer: CUSTOMER#2's profile says it is customer 3.
            items.Change("CUSTOMER#2", "PROFILE", a => a["CustomerId"] = 3L);
            // The same invoice in two orders of two customers.
            var order = items.First(i => i.PK == "CUSTOMER#4" && i.EntityType == "Order");
            var copy = order.Attributes.ToDictionary(a => a.Key, a => a.Value);
            copy["CustomerId"] = 5L;
            items.Add(new ChinookItem("CustomerOrders", "CUSTOMER#5", order.SK, copy));
            // A number where text belongs, and a line whose track is missing.
            items.Change("ARTIST#3", "METADATA", a => a["Name"] = 42L);
            var line = items.First(i => i.PK == "CUSTOMER#6" && i.EntityType == "Order");
            items.Change(line.PK, line.SK, a => a["LineItems"] = ((IReadOnlyList<object?>)a["LineItems"]!)
                .Cast<IReadOnlyDictionary<string, object?>>().Select(m => (object?)m.ToDictionary(e => e.Key, e => e.Key == "TrackId" ? 999_999L : e.Value)).ToList());
            // A Track item in the wrong table.
            var track = items.Find("ALBUM#1", "TRACK#1");
            items.Add(new ChinookItem("Playlists", track.PK, track.SK, track.Attributes));

            var rebuilt = RebuildAssert.Rebuild(items, out var summary, out var problems);

            Assert.Equal(new[]
            {
                (ReadbackProblemKind.NoLayout, "MusicCatalog", "PK=ARTIST#1, SK=FAN#1"),
                (ReadbackProblemKind.NoLayout, "CustomerOrders", "PK=CUSTOMER#1, SK=ORDER#2022-03-11T00:00:00Z#0000000098"),
                (ReadbackProblemKind.KeyContradiction, "CustomerOrders", "PK=CUSTOMER#2, SK=PROFILE"),
                (ReadbackProblemKind.Conflict, "CustomerOrders", $"PK=CUSTOMER#5, SK={order.SK}"),
                (ReadbackProblemKind.InvalidValue, "MusicCatalog", "PK=ARTIST#3, SK=METADATA"),
                (ReadbackProblemKind.WrongTable, "Playlists", "PK=ALBUM#1, SK=TRACK#1"),
            }.OrderBy(p => p.Item3), problems.Select(p => (p.Kind, p.Table, p.Key)).OrderBy(p => p.Item3));
            Assert.Contains("Name is the number 42, which is not text", problems.Single(p => p.Kind == ReadbackProblemKind.InvalidValue).Message);
            Assert.Equal(problems.Count, summary.ProblemCount);

            var lineFindings = summary.ForeignKeyFindings.Where(f => f.Table == "InvoiceLine").ToList();
            Assert.NotEmpty(lineFindings);
            Assert.All(lineFindings, f => Assert.Equal(("TrackId", "Track", 999_999L), (f.Column, f.ReferencedTable, f.Value)));
            Assert.Equal(new[] { "ok" }, summary.IntegrityCheck);
            // Everything else came back: the shipped rows less the customer 2 profile, artist 3, and invoice 98 with its lines.
            Assert.Equal(58, summary.RowCounts["Customer"]);
            Assert.Equal(274, summary.RowCounts["Artist"]);
            Assert.Equal(412 - 1, summary.RowCounts["Invoice"]);
            Assert.Equal(3503, summary.RowCounts["Track"]);
            Assert.Equal(new[] { "ok" }, Query(rebuilt, "PRAGMA integrity_check"));
        }

        [Fact]
        public void WritesMadeAfterCutOverInTheSameLayoutComeBack()
        {
            var items = ShippedTarget.Items();
            items.Add(new ChinookItem("CustomerOrders", "CUSTOMER#60", "PROFILE", new Dictionary<string, object?>
            {
                ["EntityType"] = "Customer", ["CustomerId"] = 60L, ["FirstName"] = "New", ["LastName"] = "Customer", ["Email"] = "new@example.com",
                ["SupportRepId"] = 3L, ["TotalOrders"] = 1L, ["TotalSpent"] = 1.98m,
            }));
            items.Add(new ChinookItem("CustomerOrders", "CUSTOMER#60", "ORDER#2026-01-02T03:04:05Z#0000000413", new Dictionary<string, object?>
            {
                ["EntityType"] = "Order", ["InvoiceId"] = 413L, ["CustomerId"] = 60L, ["InvoiceDate"] = "2026-01-02T03:04:05Z", ["Total"] = 1.98m,
                ["LineItems"] = new List<object?>
                {
                    new Dictionary<string, object?> { ["InvoiceLineId"] = 2241L, ["TrackId"] = 3504L, ["UnitPrice"] = 0.99m, ["Quantity"] = 1L },
                    new Dictionary<string, object?> { ["InvoiceLineId"] = 2242L, ["TrackId"] = 1L, ["UnitPrice"] = 0.99m, ["Quantity"] = 1L },
                },
            }));
            items.Add(new ChinookItem("MusicCatalog", "ALBUM#1", "TRACK#3504", new Dictionary<string, object?>
            {
                ["EntityType"] = "Track", ["TrackId"] = 3504L, ["Name"] = "Written later", ["AlbumId"] = 1L, ["MediaTypeId"] = 1L, ["GenreId"] = 1L,
                ["Milliseconds"] = 1000L, ["UnitPrice"] = 0.99m,
            }));

            var rebuilt = RebuildAssert.Rebuild(AsDynamoReturnsThem(items), out var summary, out var problems);

            Assert.Empty(problems);
            Assert.Empty(summary.ForeignKeyFindings);
            Assert.Equal(new[] { "60|New|3" }, Query(rebuilt, "SELECT CustomerId || '|' || FirstName || '|' || SupportRepId FROM Customer WHERE CustomerId = 60"));
            Assert.Equal(new[] { "413|2026-01-02 03:04:05|1.98|real" }, Query(rebuilt, "SELECT InvoiceId || '|' || InvoiceDate || '|' || Total || '|' || typeof(Total) FROM Invoice WHERE CustomerId = 60"));
            Assert.Equal(new[] { "2241|3504", "2242|1" }, Query(rebuilt, "SELECT InvoiceLineId || '|' || TrackId FROM InvoiceLine WHERE InvoiceId = 413 ORDER BY 1"));
            Assert.Equal(new[] { "Written later" }, Query(rebuilt, "SELECT Name FROM Track WHERE TrackId = 3504"));
        }

        private static IEnumerable<ChinookItem> AsDynamoReturnsThem(IEnumerable<ChinookItem> items) =>
            items.Select(i => ItemAttributeMapper.FromAttributeMap(i.TableName, ItemAttributeMapper.ToAttributeMap(i)));

        private static List<string> Schema(string path) =>
            Query(path, "SELECT type || '|' || name || '|' || tbl_name || '|' || coalesce(sql, '') FROM sqlite_master ORDER BY type, name");

        private static List<string> Query(string path, string sql) => TestDatabases.Query(path, sql);
    }
}
