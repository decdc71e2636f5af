using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Chinook.Migration.Items;
using Chinook.Migration.Transform;
using Chinook.Migration.Tests.Validation;
using Xunit;
using static Chinook.Migration.Tests.Items.PlainValueAssert;

namespace Chinook.Migration.Tests.Transform
{
    /// <summary>The cases the user's design gets wrong, on small databases built by each test.</summary>
    public class EdgeCaseConversionTests
    {
        private const string OneArtistAlbumAndMedia =
            "INSERT INTO Artist VALUES (1, 'A'); INSERT INTO Album VALUES (1, 'Album', 1); INSERT INTO MediaType VALUES (1, 'MPEG'); ";

        [Fact]
        public void InvoicesOfOneCustomerAtTheSameInstantBothSurviveInDateOrder()
        {
            var path = TestDatabases.Empty();
            TestDatabases.Execute(path,
                "INSERT INTO Customer (CustomerId, FirstName, LastName, Email) VALUES (1, 'Ann', 'Lee', 'Ann@Example.com'); " +
                "INSERT INTO Invoice (InvoiceId, CustomerId, InvoiceDate, Total) VALUES (1, 1, '2021-01-01 00:00:00', 1.98), " +
                "(2, 1, '2021-01-01 00:00:00', 0.99), (3, 1, '2020-12-31 23:59:59', 3.96);");
            var result = Conversion.Of(path);

            var orders = result.Entity(ChinookEntity.Order).Select(o => o.SK).OrderBy(sk => sk, StringComparer.Ordinal).ToList();
            Assert.Equal(new[]
            {
                "ORDER#2020-12-31T23:59:59Z#0000000003", "ORDER#2021-01-01T00:00:00Z#0000000001", "ORDER#2021-01-01T00:00:00Z#0000000002",
            }, orders);
            var profile = result.Single("CUSTOMER#1", "PROFILE");
            Assert.Equal(3L, profile.Attributes["TotalOrders"]);
            Assert.Equal(6.93m, profile.Attributes["TotalSpent"]);
            Assert.Equal("EMAIL#ann@example.com", profile.Attributes["GSI1PK"]);
            Assert.Empty(result.Problems);
            RebuildAssert.SourceEqualsRebuilt(path, result.Items);
        }

        [Fact]
        public void AGenreNoTrackUsesSurvivesAsAReferenceItem()
        {
            var path = TestDatabases.ShippedWith("INSERT INTO Genre VALUES (26, 'Unused'); INSERT INTO MediaType VALUES (6, 'Wax cylinder');");
            var result = Conversion.Of(path, new ConversionOptions { Entities = new[] { ChinookEntity.Genre, ChinookEntity.MediaType } });
            Equal(Map(("EntityType", "Genre"), ("GenreId", 26L), ("Name", "Unused"), ("GSI3PK", "GENRE_LOWER"), ("GSI3SK", "unused")), result.Single("GENRE#26", "METADATA").Attributes);
            Equal(Map(("EntityType", "MediaType"), ("MediaTypeId", 6L), ("Name", "Wax cylinder"), ("GSI3PK", "MEDIATYPE_LOWER"), ("GSI3SK", "wax cylinder")), result.Single("MEDIATYPE#6", "METADATA").Attributes);
            Assert.Equal(26, result.Entity(ChinookEntity.Genre).Count);
        }

        [Fact]
        public void NullsAreLeftOutOfItemsAndIndexes()
        {
            var path = TestDatabases.Empty();
            TestDatabases.Execute(path,
                "INSERT INTO Artist VALUES (1, NULL); INSERT INTO MediaType VALUES (1, NULL); " +
                "INSERT INTO Track (TrackId, Name, AlbumId, MediaTypeId, GenreId, Composer, Milliseconds, Bytes, UnitPrice) " +
                "VALUES (1, 'Loose', NULL, 1, NULL, NULL, 1000, NULL, 0.99); " +
                "INSERT INTO Customer (CustomerId, FirstName, LastName, Email) VALUES (1, 'Ann', 'Lee', 'a@b.c');");
            var result = Conversion.Of(path);

            Equal(Map(("EntityType", "Artist"), ("ArtistId", 1L)), result.Single("ARTIST#1", "METADATA").Attributes);
            Equal(Map(("EntityType", "Track"), ("TrackId", 1L), ("Name", "Loose"), ("MediaTypeId", 1L), ("Milliseconds", 1000L), ("UnitPrice", 0.99m),
                ("GSI1PK", "TRACK_NAME#Loose"), ("GSI1SK", "TRACK#1"), ("GSI3PK", "TRACK_LOWER#l"), ("GSI3SK", "loose")), result.Single(ChinookKeys.NoAlbum, "TRACK#1").Attributes);
            Equal(Map(("EntityType", "Customer"), ("CustomerId", 1L), ("FirstName", "Ann"), ("LastName", "Lee"), ("Email", "a@b.c"),
                ("TotalOrders", 0L), ("TotalSpent", 0.00m), ("GSI1PK", "EMAIL#a@b.c"), ("GSI1SK", "CUSTOMER#1")), result.Single("CUSTOMER#1", "PROFILE").Attributes);
            Assert.Empty(result.Problems);
            RebuildAssert.SourceEqualsRebuilt(path, result.Items);
        }

        [Fact]
        public void NonAsciiTextIsByteExactInAttributesAndKeys()
        {
            var names = new[] { "Café Übersee", "音楽の時間", "🎵 Song 🎶", "e\u0301 (combining accent)", "שלום", "zero\u200Bwidth", "tab\tand \"quotes\"" };
            var path = TestDatabases.Empty();
            TestDatabases.Execute(path, OneArtistAlbumAndMedia + string.Join(" ", names.Select((n, i) =>
                $"INSERT INTO Track (TrackId, Name, AlbumId, MediaTypeId, Milliseconds, UnitPrice) VALUES ({i + 1}, '{n}', 1, 1, 1, 0.99);")));
            var result = Conversion.Of(path, new ConversionOptions { Entities = new[] { ChinookEntity.Track } });

            for (var i = 0; i < names.Length; i++)
            {
                var track = result.Single("ALBUM#1", $"TRACK#{i + 1}");
                Assert.Equal(Encoding.UTF8.GetBytes(names[i]), Encoding.UTF8.GetBytes((string)track.Attributes["Name"]!));
                Assert.Equal("TRACK_NAME#" + names[i], track.Attributes["GSI1PK"]);
            }
            var emoji = result.Single("ALBUM#1", "TRACK#3");
            Assert.Equal(Encoding.UTF8.GetByteCount("🎵 Song 🎶"), ItemSize.Value(emoji.Attributes["Name"]));
        }

        [Fact]
        public void ARowTooLargeForAnyItemIsAnErrorAndTheRestFlows()
        {
            var path = TestDatabases.ShippedWith("UPDATE Track SET Composer = hex(zeroblob(210000)) WHERE TrackId = 1;");
            var result = Conversion.Of(path, new ConversionOptions { Tables = new[] { "MusicCatalog" } });

            var error = Assert.Single(result.Errors);
            Assert.Equal((ConversionProblemKind.RowTooLarge, "Track", "TrackId=1"), (error.Kind, error.SourceTable, error.RowKey));
            Assert.Contains("Track row TrackId=1", error.Message);
            Assert.Contains("409,600", error.Message);
            Assert.DoesNotContain(result.Items, i => i.SK == "TRACK#1");
            Assert.Equal(3502, result.Entity(ChinookEntity.Track).Count);
            Assert.Equal(347, result.Entity(ChinookEntity.Album).Count);
        }

        [Fact]
        public void CopiesGoBeforeAnItemWouldExceed400KbAndNothingOfTheSourceIsLost()
        {
            // An artist name of 250 KB and an album title of 200 KB: each row fits alone, their copies together do not.
            var path = TestDatabases.Empty();
            TestDatabases.Execute(path,
                "INSERT INTO Artist VALUES (1, hex(zeroblob(125000))); INSERT INTO Album VALUES (1, hex(zeroblob(100000)), 1); " +
                "INSERT INTO MediaType VALUES (1, 'MPEG'); INSERT INTO Genre VALUES (1, 'Rock'); " +
                "INSERT INTO Track (TrackId, Name, AlbumId, MediaTypeId, GenreId, Milliseconds, UnitPrice) VALUES (1, 'One', 1, 1, 1, 1, 0.99); " +
                "INSERT INTO Customer (CustomerId, FirstName, LastName, Email) VALUES (1, 'Ann', 'Lee', 'a@b.c'); " +
                "INSERT INTO Invoice (InvoiceId, CustomerId, InvoiceDate, Total) VALUES (1, 1, '2021-01-01 00:00:00', 0.99); " +
                "INSERT INTO InvoiceLine VALUES (1, 1, 1, 0.99, 1); INSERT INTO Playlist VALUES (1, 'Mix'); INSERT INTO PlaylistTrack VALUES (1, 1);");
            var result = Conversion.Of(path);

            Assert.Empty(result.Errors);
            Assert.All(result.Items, i => Assert.InRange(i.SizeBytes, 1, ItemLimits.MaxItemBytes));
            Assert.False(result.Single("ARTIST#1", "ALBUM#1").Attributes.ContainsKey("ArtistName"));
            Assert.False(result.Single("ALBUM#1", "TRACK#1").Attributes.ContainsKey("ArtistName"));
            Assert.Equal("GENRE#Rock", result.Single("ALBUM#1", "TRACK#1").Attributes["GSI2PK"]);
            var line = ((IReadOnlyList<object?>)result.Entity(ChinookEntity.Order).Single().Attributes["LineItems"]!).Single();
            Equal(Map(("InvoiceLineId", 1L), ("TrackId", 1L), ("UnitPrice", 0.99m), ("Quantity", 1L)), line);
            var entry = ((IReadOnlyList<object?>)result.Single("PLAYLIST#1", "PAGE#00001").Attributes["Tracks"]!).Single();
            Equal(Map(("TrackId", 1L)), entry);
            Assert.Equal(1L, result.Single("PLAYLIST#1", "METADATA").Attributes["TotalDuration"]);

            var warnings = result.Warnings.Select(w => (w.Kind, w.SourceTable, w.RowKey)).ToList();
            Assert.Contains((ConversionProblemKind.IndexKeyLeftOut, "Artist", "ArtistId=1"), warnings);
            Assert.Contains((ConversionProblemKind.CopiesLeftOut, "Album", "AlbumId=1"), warnings);
            Assert.Contains((ConversionProblemKind.CopiesLeftOut, "Track", "TrackId=1"), warnings);
            Assert.Contains((ConversionProblemKind.CopiesLeftOut, "Invoice", "InvoiceId=1"), warnings);
            Assert.Contains((ConversionProblemKind.CopiesLeftOut, "PlaylistTrack", "PlaylistId=1, TrackId=1"), warnings);
            RebuildAssert.SourceEqualsRebuilt(path, result.Items);
        }

        [Fact]
        public void APlaylistOf5000TracksIsPagedUnder400KbInTrackIdOrder()
        {
            var path = TestDatabases.Empty();
            var title = new string('t', 150);
            TestDatabases.Execute(path,
                $"INSERT INTO Artist VALUES (1, '{new string('a', 100)}'); INSERT INTO Album VALUES (1, '{title}', 1); INSERT INTO MediaType VALUES (1, 'MPEG'); " +
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) " +
                "INSERT INTO Track (TrackId, Name, AlbumId, MediaTypeId, Milliseconds, UnitPrice) SELECT i, 'Track ' || i || ' ' || hex(zeroblob(20)), 1, 1, 1, 0.99 FROM n; " +
                "INSERT INTO Playlist VALUES (1, 'Everything'); INSERT INTO PlaylistTrack SELECT 1, TrackId FROM Track ORDER BY TrackId DESC;");
            var result = Conversion.Of(path, new ConversionOptions { Tables = new[] { "Playlists" } });

            Assert.Empty(result.Problems);
            var pages = result.Entity(ChinookEntity.PlaylistPage).OrderBy(p => p.SK, StringComparer.Ordinal).ToList();
            Assert.True(pages.Count >= 2, $"{pages.Count} page(s)");
            Assert.Equal(Enumerable.Range(1, pages.Count).Select(ChinookKeys.Page), pages.Select(p => p.SK));
            Assert.All(pages, p => Assert.InRange(p.SizeBytes, 1, ItemLimits.MaxItemBytes));
            var entries = pages.Select(p => ((IReadOnlyList<object?>)p.Attributes["Tracks"]!).Cast<IReadOnlyDictionary<string, object?>>().ToList()).ToList();
            Assert.Equal(Enumerable.Range(1, 5000).Select(i => (long)i), entries.SelectMany(e => e).Select(e => (long)e["TrackId"]!));
            for (var i = 0; i < pages.Count - 1; i++)
            {
                // Each page but the last is full: its next track would have taken it over the limit.
                Assert.True(pages[i].SizeBytes + 1 + ItemSize.Value(entries[i + 1][0]) > ItemLimits.MaxItemBytes);
            }
            var metadata = result.Single("PLAYLIST#1", "METADATA");
            Assert.Equal(5000L, metadata.Attributes["TrackCount"]);
            Assert.Equal(5000L, metadata.Attributes["TotalDuration"]);
            Assert.Equal((long)pages.Count, metadata.Attributes["PageCount"]);
        }

        [Theory]
        [InlineData("UPDATE Track SET Milliseconds = 'long' WHERE TrackId = 5;", "Track", "TrackId=5", "Milliseconds")]
        [InlineData("UPDATE InvoiceLine SET UnitPrice = 'free' WHERE InvoiceLineId = 1;", "InvoiceLine", "InvoiceLineId=1", "UnitPrice")]
        [InlineData("UPDATE Invoice SET InvoiceDate = 'yesterday' WHERE InvoiceId = 1;", "Invoice", "InvoiceId=1", "InvoiceDate")]
        [InlineData("UPDATE Employee SET HireDate = 'soon' WHERE EmployeeId = 1;", "Employee", "EmployeeId=1", "HireDate")]
        [InlineData("UPDATE Artist SET Name = x'00ff' WHERE ArtistId = 1;", "Artist", "ArtistId=1", "Name")]
        [InlineData("CREATE TABLE Album2 AS SELECT * FROM Album; DROP TABLE Album; ALTER TABLE Album2 RENAME TO Album; UPDATE Album SET Title = NULL WHERE AlbumId = 2;",
            "Album", "AlbumId=2", "Title")]
        public void ABadValueIsAnErrorNamingTableRowAndColumnAndTheRestFlows(string sql, string table, string rowKey, string column)
        {
            var path = TestDatabases.ShippedWith(sql);
            var result = Conversion.Of(path);

            var error = result.Errors.First();
            Assert.Equal((ConversionProblemKind.InvalidValue, table, rowKey, column), (error.Kind, error.SourceTable, error.RowKey, error.Column));
            Assert.Contains($"{table} row {rowKey}: {column}", error.Message);
            Assert.True(result.Items.Count > 4000, $"{result.Items.Count} items");
        }

        [Fact]
        public void AnInvoiceThatCannotBeReadTakesItsLinesWithItAndNamesThem()
        {
            var path = TestDatabases.ShippedWith("UPDATE Invoice SET Total = 'lots' WHERE InvoiceId = 1;");
            var result = Conversion.Of(path, new ConversionOptions { Entities = new[] { ChinookEntity.Order, ChinookEntity.Customer } });
            Assert.Equal(new[] { "Invoice InvoiceId=1", "InvoiceLine InvoiceLineId=1", "InvoiceLine InvoiceLineId=2" },
                result.Errors.Select(e => $"{e.SourceTable} {e.RowKey}"));
            Assert.Equal(411, result.Entity(ChinookEntity.Order).Count);
            var warning = Assert.Single(result.Warnings);
            Assert.Equal((ConversionProblemKind.DerivedValueIncomplete, "Customer", "TotalSpent"), (warning.Kind, warning.SourceTable, warning.Column));
        }

        [Fact]
        public void IndexKeysThatAreEmptyOrTooLongAreLeftOutAndReported()
        {
            var path = TestDatabases.ShippedWith(
                $"UPDATE Track SET Name = '{new string('x', 2100)}' WHERE TrackId = 1; UPDATE Customer SET Email = '' WHERE CustomerId = 1;");
            var result = Conversion.Of(path, new ConversionOptions { Entities = new[] { ChinookEntity.Track, ChinookEntity.Customer } });

            var track = result.Single("ALBUM#1", "TRACK#1");
            Assert.Equal(2100, ((string)track.Attributes["Name"]!).Length);
            Assert.False(track.Attributes.ContainsKey("GSI1PK"));
            Assert.False(track.Attributes.ContainsKey("GSI1SK"));
            Assert.False(track.Attributes.ContainsKey("GSI3PK"));
            Assert.Equal("GENRE#Rock", track.Attributes["GSI2PK"]);
            var customer = result.Single("CUSTOMER#1", "PROFILE");
            Assert.Equal("", customer.Attributes["Email"]);
            Assert.False(customer.Attributes.ContainsKey("GSI1PK"));

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { ("Track", "TrackId=1", "Name"), ("Track", "TrackId=1", "Name"), ("Customer", "CustomerId=1", "Email") },
                result.Warnings.Select(w => (w.SourceTable, w.RowKey, w.Column!)));
            Assert.Contains("2,111 bytes, over DynamoDB's 2,048", result.Warnings.First().Message);
        }

        [Fact]
        public void MoneyWithMorePlacesIsRoundedToTwoAndReported()
        {
            var path = TestDatabases.ShippedWith("UPDATE Track SET UnitPrice = 0.995 WHERE TrackId = 1; UPDATE Track SET UnitPrice = 2 WHERE TrackId = 2;");
            var result = Conversion.Of(path, new ConversionOptions { Entities = new[] { ChinookEntity.Track } });
            Equal(1.00m, result.Single("ALBUM#1", "TRACK#1").Attributes["UnitPrice"]);
            Equal(2.00m, result.Single("ALBUM#2", "TRACK#2").Attributes["UnitPrice"]);
            var warning = Assert.Single(result.Problems);
            Assert.Equal((ProblemSeverity.Warning, ConversionProblemKind.MoneyRounded, "TrackId=1"), (warning.Severity, warning.Kind, warning.RowKey));
        }

        [Fact]
        public void RowsWhoseParentIsMissingAreKeptWhereTheyCanBeAndReportedWhereTheyCannot()
        {
            var path = TestDatabases.ShippedWith(
                "UPDATE Album SET ArtistId = 999 WHERE AlbumId = 1; UPDATE Invoice SET CustomerId = 999 WHERE InvoiceId = 1; " +
                "INSERT INTO PlaylistTrack VALUES (999, 1); INSERT INTO InvoiceLine VALUES (9999, 8888, 1, 0.99, 1);");
            var result = Conversion.Of(path);

            Assert.False(result.Single("ARTIST#999", "ALBUM#1").Attributes.ContainsKey("ArtistName"));
            Assert.Equal(1L, result.Items.Single(i => i.PK == "CUSTOMER#999").Attributes["InvoiceId"]);
            var orphanPage = result.Single("PLAYLIST#999", "PAGE#00001");
            Assert.Equal(999L, orphanPage.Attributes["PlaylistId"]);
            Equal(List(Map(("TrackId", 1L), ("Name", "For Those About To Rock (We Salute You)"), ("Duration", 343719L), ("UnitPrice", 0.99m),
                    ("AlbumTitle", "For Those About To Rock We Salute You"))),
                orphanPage.Attributes["Tracks"]);
            Assert.DoesNotContain(result.Items, i => i.PK == "PLAYLIST#999" && i.SK == "METADATA");
            var orphan = Assert.Single(result.Errors);
            Assert.Equal((ConversionProblemKind.OrphanRow, "InvoiceLine", "InvoiceLineId=9999"), (orphan.Kind, orphan.SourceTable, orphan.RowKey));

            var withoutOrphanLine = TestDatabases.ShippedWith(
                "UPDATE Album SET ArtistId = 999 WHERE AlbumId = 1; UPDATE Invoice SET CustomerId = 999 WHERE InvoiceId = 1; INSERT INTO PlaylistTrack VALUES (999, 1);");
            RebuildAssert.SourceEqualsRebuilt(withoutOrphanLine, Conversion.Of(withoutOrphanLine).Items);
        }

        [Fact]
        public void AReportsToCycleCutsTheChainShortWithAWarning()
        {
            var path = TestDatabases.Empty();
            TestDatabases.Execute(path,
                "INSERT INTO Employee (EmployeeId, LastName, FirstName, ReportsTo) VALUES (1, 'One', 'Ada', 2), (2, 'Two', 'Bo', 1), (3, 'Three', 'Cy', 1);");
            var result = Conversion.Of(path, new ConversionOptions { Tables = new[] { "EmployeeManagement" } });

            Equal(List(Map(("EmployeeId", 1L), ("FirstName", "Ada"), ("LastName", "One")), Map(("EmployeeId", 2L), ("FirstName", "Bo"), ("LastName", "Two"))),
                result.Single("EMPLOYEE#3", "PROFILE").Attributes["ChainOfCommand"]);
            // Employee 3 is not in the circle, but the managers above it are.
            Assert.Equal(new[] { "EmployeeId=1", "EmployeeId=2", "EmployeeId=3" }, result.Warnings.Select(w => w.RowKey));
            Assert.Equal(new[] { "PROFILE", "REPORT#2", "REPORT#3" }, result.Items.Where(i => i.PK == "EMPLOYEE#1").Select(i => i.SK));
        }
    }
}
