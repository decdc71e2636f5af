using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Chinook.Migration.Items;
using Chinook.Migration.Source;
using Chinook.Migration.Transform;
using Microsoft.Data.Sqlite;
using Xunit;
using static Chinook.Migration.Tests.Items.PlainValueAssert;

namespace Chinook.Migration.Tests.Transform
{
    /// <summary>Exact items for known rows of the shipped database, and its totals.</summary>
    public class ShippedDatabaseConversionTests : IClassFixture<ShippedDatabaseConversionTests.ShippedConversion>
    {
        public sealed class ShippedConversion
        {
            public Conversion Result { get; } = Conversion.Of(TestDatabases.Shipped);
        }

        private readonly Conversion shipped;

        public ShippedDatabaseConversionTests(ShippedConversion fixture) => shipped = fixture.Result;

        [Fact]
        public void EveryEntityOfEveryTableIsThereWithoutProblems()
        {
            Assert.Empty(shipped.Problems);
            var counts = shipped.Items.GroupBy(i => (i.TableName, i.EntityType)).ToDictionary(g => g.Key, g => g.Count());
            var expected = new Dictionary<(string, string), int>
            {
                [("MusicCatalog", "Artist")] = 275, [("MusicCatalog", "Album")] = 347, [("MusicCatalog", "Track")] = 3503,
                [("MusicCatalog", "Genre")] = 25, [("MusicCatalog", "MediaType")] = 5,
                [("CustomerOrders", "Customer")] = 59, [("CustomerOrders", "Order")] = 412,
                [("Playlists", "Playlist")] = 18, [("Playlists", "PlaylistPage")] = 14,
                [("EmployeeManagement", "Employee")] = 8, [("EmployeeManagement", "DirectReport")] = 7, [("EmployeeManagement", "SupportedCustomer")] = 59,
            };
            Assert.Equal(expected.OrderBy(e => e.Key), counts.OrderBy(c => c.Key));
            Assert.Equal(4732, shipped.Items.Count);
            Assert.Equal(shipped.Items.Count, shipped.Items.Select(i => (i.TableName, i.PK, i.SK)).Distinct().Count());
        }

        [Fact]
        public void Artist1AndItsTwoAlbums()
        {
            Equal(Map(("EntityType", "Artist"), ("ArtistId", 1L), ("Name", "AC/DC"), ("GSI1PK", "ARTIST_NAME#AC/DC"), ("GSI1SK", "ARTIST#1"), ("GSI3PK", "ARTIST_LOWER#a"), ("GSI3SK", "ac/dc")),
                shipped.Single("ARTIST#1", "METADATA").Attributes);
            var albums = shipped.Items.Where(i => i.PK == "ARTIST#1" && i.SK.StartsWith("ALBUM#", StringComparison.Ordinal)).ToList();
            Assert.Equal(new[] { "ALBUM#1", "ALBUM#4" }, albums.Select(a => a.SK));
            Equal(Map(("EntityType", "Album"), ("AlbumId", 1L), ("Title", "For Those About To Rock We Salute You"), ("ArtistId", 1L), ("ArtistName", "AC/DC")),
                albums[0].Attributes);
            Equal(Map(("EntityType", "Album"), ("AlbumId", 4L), ("Title", "Let There Be Rock"), ("ArtistId", 1L), ("ArtistName", "AC/DC")),
                albums[1].Attributes);
            Assert.All(albums.Append(shipped.Single("ARTIST#1", "METADATA")), i => Assert.Equal("MusicCatalog", i.TableName));
            Assert.Equal(123, shipped.Single("ARTIST#1", "METADATA").SizeBytes);
        }

        [Fact]
        public void ArtistsWithoutAlbumsAreKept()
        {
            var withAlbums = shipped.Entity(ChinookEntity.Album).Select(a => a.PK).ToHashSet();
            Assert.Equal(71, shipped.Entity(ChinookEntity.Artist).Count(a => !withAlbums.Contains(a.PK)));
        }

        [Fact]
        public void Track1WithEveryDenormalizedField()
        {
            var track = shipped.Single("ALBUM#1", "TRACK#1");
            Assert.Equal("MusicCatalog", track.TableName);
            Equal(Map(
                ("EntityType", "Track"), ("TrackId", 1L), ("Name", "For Those About To Rock (We Salute You)"), ("AlbumId", 1L), ("MediaTypeId", 1L),
                ("GenreId", 1L), ("Composer", "Angus Young, Malcolm Young, Brian Johnson"), ("Milliseconds", 343719L), ("Bytes", 11170334L),
                ("UnitPrice", 0.99m), ("AlbumTitle", "For Those About To Rock We Salute You"), ("ArtistId", 1L), ("ArtistName", "AC/DC"),
                ("GenreName", "Rock"), ("MediaTypeName", "MPEG audio file"),
                ("GSI1PK", "TRACK_NAME#For Those About To Rock (We Salute You)"), ("GSI1SK", "TRACK#1"), ("GSI2PK", "GENRE#Rock"), ("GSI3PK", "TRACK_LOWER#f"), ("GSI3SK", "for those about to rock (we salute you)")), track.Attributes);
            Assert.Equal(464, track.SizeBytes);
            Assert.Equal(1, track.WriteUnits);
        }

        [Fact]
        public void Customer1ProfileAndItsOrders()
        {
            Equal(Map(
                ("EntityType", "Customer"), ("CustomerId", 1L), ("FirstName", "Luís"), ("LastName", "Gonçalves"),
                ("Company", "Embraer - Empresa Brasileira de Aeronáutica S.A."), ("Address", "Av. Brigadeiro Faria Lima, 2170"),
                ("City", "São José dos Campos"), ("State", "SP"), ("Country", "Brazil"), ("PostalCode", "12227-000"), ("Phone", "+55 (12) 3923-5555"),
                ("Fax", "+55 (12) 3923-5566"), ("Email", "luisg@embraer.com.br"), ("SupportRepId", 3L), ("SupportRepName", "Jane Peacock"),
                ("TotalOrders", 7L), ("TotalSpent", 39.62m), ("GSI1PK", "EMAIL#luisg@embraer.com.br"), ("GSI1SK", "CUSTOMER#1")),
                shipped.Single("CUSTOMER#1", "PROFILE").Attributes);

            var orders = shipped.Items.Where(i => i.PK == "CUSTOMER#1" && i.EntityType == "Order").ToList();
            Assert.Equal(new[]
            {
                "ORDER#2022-03-11T00:00:00Z#0000000098", "ORDER#2022-06-13T00:00:00Z#0000000121", "ORDER#2022-09-15T00:00:00Z#0000000143",
                "ORDER#2023-05-06T00:00:00Z#0000000195", "ORDER#2024-10-27T00:00:00Z#0000000316", "ORDER#2024-12-07T00:00:00Z#0000000327",
                "ORDER#2025-08-07T00:00:00Z#0000000382",
            }, orders.Select(o => o.SK).OrderBy(sk => sk, StringComparer.Ordinal));
            Assert.All(orders, o => Assert.Equal("CustomerOrders", o.TableName));

            Equal(Map(
                ("EntityType", "Order"), ("InvoiceId", 98L), ("CustomerId", 1L), ("InvoiceDate", "2022-03-11T00:00:00Z"),
                ("BillingAddress", "Av. Brigadeiro Faria Lima, 2170"), ("BillingCity", "São José dos Campos"), ("BillingState", "SP"),
                ("BillingCountry", "Brazil"), ("BillingPostalCode", "12227-000"), ("Total", 3.98m),
                ("LineItems", List(
                    Map(("InvoiceLineId", 531L), ("TrackId", 3247L), ("TrackName", "Experiment In Terra"), ("AlbumTitle", "Battlestar Galactica (Classic), Season 1"),
                        ("ArtistName", "Battlestar Galactica (Classic)"), ("UnitPrice", 1.99m), ("Quantity", 1L)),
                    Map(("InvoiceLineId", 532L), ("TrackId", 3248L), ("TrackName", "Take the Celestra"), ("AlbumTitle", "Battlestar Galactica (Classic), Season 1"),
                        ("ArtistName", "Battlestar Galactica (Classic)"), ("UnitPrice", 1.99m), ("Quantity", 1L))))),
                orders[0].Attributes);
            Assert.Equal(39.62m, orders.Sum(o => (decimal)o.Attributes["Total"]!));
        }

        [Fact]
        public void MoneyIsExactTwoPlaceDecimalsEverywhere()
        {
            var spent = shipped.Entity(ChinookEntity.Customer).Select(c => Assert.IsType<decimal>(c.Attributes["TotalSpent"])).ToList();
            Assert.Equal(2328.60m, spent.Sum());
            Assert.Equal(2328.60m, shipped.Entity(ChinookEntity.Order).Sum(o => (decimal)o.Attributes["Total"]!));
            Assert.Equal(412L, shipped.Entity(ChinookEntity.Customer).Sum(c => (long)c.Attributes["TotalOrders"]!));
            var prices = shipped.Entity(ChinookEntity.Track).Select(t => Assert.IsType<decimal>(t.Attributes["UnitPrice"]))
                .Concat(shipped.Entity(ChinookEntity.Order).SelectMany(o => (IEnumerable<object?>)o.Attributes["LineItems"]!)
                    .Select(l => Assert.IsType<decimal>(((IReadOnlyDictionary<string, object?>)l!)["UnitPrice"])));
            Assert.All(prices, p => Assert.Equal(2, (decimal.GetBits(p)[3] >> 16) & 0xFF));
        }

        [Fact]
        public void TheLargestPlaylistFitsOnePageInTrackIdOrder()
        {
            var sourceTrackIds = Query("SELECT TrackId FROM PlaylistTrack WHERE PlaylistId = 1 ORDER BY TrackId", r => r.GetInt64(0));
            Assert.Equal(3290, sourceTrackIds.Count);
            var pages = shipped.Items.Where(i => i.PK == "PLAYLIST#1" && i.EntityType == "PlaylistPage").ToList();
            var page = Assert.Single(pages);
            Assert.Equal(("Playlists", "PAGE#00001", 378_935, 371), (page.TableName, page.SK, page.SizeBytes, page.WriteUnits));
            Assert.Equal(1L, page.Attributes["PlaylistId"]);
            Assert.Equal(1L, page.Attributes["PageNumber"]);
            var tracks = ((IReadOnlyList<object?>)page.Attributes["Tracks"]!).Cast<IReadOnlyDictionary<string, object?>>().ToList();
            Assert.Equal(sourceTrackIds, tracks.Select(t => (long)t["TrackId"]!));
            Equal(Map(("TrackId", 1L), ("Name", "For Those About To Rock (We Salute You)"), ("Duration", 343719L), ("UnitPrice", 0.99m),
                ("ArtistName", "AC/DC"), ("AlbumTitle", "For Those About To Rock We Salute You")), tracks[0]);
            var totalDuration = Query("SELECT SUM(t.Milliseconds) FROM PlaylistTrack AS pt JOIN Track AS t ON t.TrackId = pt.TrackId WHERE pt.PlaylistId = 1", r => r.GetInt64(0))[0];
            Equal(Map(("EntityType", "Playlist"), ("PlaylistId", 1L), ("Name", "Music"), ("TrackCount", 3290L), ("TotalDuration", totalDuration), ("PageCount", 1L)),
                shipped.Single("PLAYLIST#1", "METADATA").Attributes);
        }

        [Fact]
        public void EveryPlaylistCarriesItsTotalDurationAndEveryEntryItsTracksDurationAndPrice()
        {
            var totals = Query("SELECT p.PlaylistId, COALESCE(SUM(t.Milliseconds), 0) FROM Playlist AS p LEFT JOIN PlaylistTrack AS pt ON pt.PlaylistId = p.PlaylistId " +
                               "LEFT JOIN Track AS t ON t.TrackId = pt.TrackId GROUP BY p.PlaylistId", r => (ChinookKeys.Playlist(r.GetInt64(0)), r.GetInt64(1)));
            Assert.Equal(totals.OrderBy(t => t.Item1, StringComparer.Ordinal),
                shipped.Entity(ChinookEntity.Playlist).Select(p => (p.PK, (long)p.Attributes["TotalDuration"]!)).OrderBy(t => t.PK, StringComparer.Ordinal));

            var tracks = Query("SELECT TrackId, Milliseconds, CAST(UnitPrice AS TEXT) FROM Track", r => (r.GetInt64(0), r.GetInt64(1), decimal.Parse(r.GetString(2))))
                .ToDictionary(t => t.Item1);
            var entries = shipped.Entity(ChinookEntity.PlaylistPage)
                .SelectMany(p => ((IReadOnlyList<object?>)p.Attributes["Tracks"]!).Cast<IReadOnlyDictionary<string, object?>>()).ToList();
            Assert.Equal(Query("SELECT COUNT(*) FROM PlaylistTrack", r => r.GetInt32(0))[0], entries.Count);
            Assert.All(entries, e =>
            {
                Assert.Equal(new[] { "AlbumTitle", "ArtistName", "Duration", "Name", "TrackId", "UnitPrice" }, e.Keys.OrderBy(k => k, StringComparer.Ordinal));
                var track = tracks[(long)e["TrackId"]!];
                Assert.Equal(track.Item2, e["Duration"]);
                Assert.Equal(track.Item3, Assert.IsType<decimal>(e["UnitPrice"]));
            });
        }

        [Fact]
        public void EveryOrderEmbedsItsLinesAsLineItemsInTheUsersNames()
        {
            var orders = shipped.Entity(ChinookEntity.Order).ToList();
            Assert.All(orders, o => Assert.False(o.Attributes.ContainsKey("Lines")));
            var lines = orders.SelectMany(o => ((IReadOnlyList<object?>)o.Attributes["LineItems"]!).Cast<IReadOnlyDictionary<string, object?>>()).ToList();
            Assert.Equal(Query("SELECT COUNT(*) FROM InvoiceLine", r => r.GetInt32(0))[0], lines.Count);
            Assert.All(lines, l => Assert.Equal(new[] { "AlbumTitle", "ArtistName", "InvoiceLineId", "Quantity", "TrackId", "TrackName", "UnitPrice" },
                l.Keys.OrderBy(k => k, StringComparer.Ordinal)));
        }

        [Fact]
        public void EmptyPlaylistsHaveOnlyTheirMetadata()
        {
            var empty = shipped.Entity(ChinookEntity.Playlist).Where(p => (long)p.Attributes["TrackCount"]! == 0).ToList();
            Assert.Equal(new[] { "PLAYLIST#2", "PLAYLIST#4", "PLAYLIST#6", "PLAYLIST#7" }, empty.Select(p => p.PK));
            Assert.All(empty, p => Assert.Equal(0L, p.Attributes["PageCount"]));
            Assert.DoesNotContain(shipped.Entity(ChinookEntity.PlaylistPage), p => empty.Any(e => e.PK == p.PK));
        }

        [Fact]
        public void EmployeesCarryTheirHierarchyAndTheirCustomers()
        {
            Equal(List(
                    Map(("EmployeeId", 2L), ("FirstName", "Nancy"), ("LastName", "Edwards"), ("Title", "Sales Manager")),
                    Map(("EmployeeId", 1L), ("FirstName", "Andrew"), ("LastName", "Adams"), ("Title", "General Manager"))),
                shipped.Single("EMPLOYEE#3", "PROFILE").Attributes["ChainOfCommand"]);
            Assert.Equal("Nancy Edwards", shipped.Single("EMPLOYEE#3", "PROFILE").Attributes["ManagerName"]);
            Assert.Equal("1962-02-18T00:00:00Z", shipped.Single("EMPLOYEE#1", "PROFILE").Attributes["BirthDate"]);
            Assert.False(shipped.Single("EMPLOYEE#1", "PROFILE").Attributes.ContainsKey("ManagerName"));

            var partition = shipped.Items.Where(i => i.PK == "EMPLOYEE#2").Select(i => i.SK).ToList();
            Assert.Equal(new[] { "PROFILE", "REPORT#3", "REPORT#4", "REPORT#5" }, partition);
            Equal(Map(("EntityType", "DirectReport"), ("EmployeeId", 3L), ("ReportsTo", 2L), ("FirstName", "Jane"), ("LastName", "Peacock"),
                ("Title", "Sales Support Agent"), ("Email", "jane@chinookcorp.com"), ("Phone", "+1 (403) 262-3443")),
                shipped.Single("EMPLOYEE#2", "REPORT#3").Attributes);

            var janesCustomers = shipped.Items.Where(i => i.PK == "EMPLOYEE#3" && i.EntityType == "SupportedCustomer").ToList();
            Assert.Equal(Query("SELECT COUNT(*) FROM Customer WHERE SupportRepId = 3", r => r.GetInt64(0))[0], janesCustomers.Count);
            Equal(Map(("EntityType", "SupportedCustomer"), ("CustomerId", 1L), ("SupportRepId", 3L), ("FirstName", "Luís"), ("LastName", "Gonçalves"),
                ("Company", "Embraer - Empresa Brasileira de Aeronáutica S.A."), ("City", "São José dos Campos"), ("Country", "Brazil"),
                ("Email", "luisg@embraer.com.br"), ("Phone", "+55 (12) 3923-5555")),
                shipped.Single("EMPLOYEE#3", "CUSTOMER#1").Attributes);
        }

        [Fact]
        public void NonAsciiTrackNamesAreByteExact()
        {
            var source = Query("SELECT TrackId, Name FROM Track", r => (r.GetInt64(0), r.GetString(1)))
                .Where(t => t.Item2.Any(c => c > 127)).ToList();
            Assert.Equal(274, source.Count);
            var tracks = shipped.Entity(ChinookEntity.Track).ToDictionary(t => (long)t.Attributes["TrackId"]!);
            Assert.All(source, s => Assert.Equal(Encoding.UTF8.GetBytes(s.Item2), Encoding.UTF8.GetBytes((string)tracks[s.Item1].Attributes["Name"]!)));
        }

        [Fact]
        public void EveryItemIsWithinDynamoDbsLimits()
        {
            Assert.All(shipped.Items, i =>
            {
                Assert.InRange(i.SizeBytes, 1, ItemLimits.MaxItemBytes);
                Assert.InRange(ItemLimits.Utf8Bytes(i.PK), 1, ItemLimits.MaxPartitionKeyBytes);
                Assert.InRange(ItemLimits.Utf8Bytes(i.SK), 1, ItemLimits.MaxSortKeyBytes);
            });
        }

        private static List<T> Query<T>(string sql, Func<SqliteDataReader, T> read)
        {
            using var connection = new SqliteConnection($"Data Source={TestDatabases.Shipped};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            var rows = new List<T>();
            while (reader.Read())
            {
                rows.Add(read(reader));
            }
            return rows;
        }
    }
}
