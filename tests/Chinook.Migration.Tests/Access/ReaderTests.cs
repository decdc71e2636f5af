using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2.Model;
using Chinook.Migration.Access;
using Chinook.Migration.Items;
using Chinook.Migration.Target;
using Chinook.Migration.Tests.Transform;
using Xunit;

namespace Chinook.Migration.Tests.Access
{
    /// <summary>
    /// The access-pattern readers over the shipped database's items in an in-memory DynamoDB that cuts results into
    /// small pages: every page is read, results come in the documented order, and the answers match the source.
    /// </summary>
    public class ReaderTests : IClassFixture<ReaderTests.ShippedItems>
    {
        public sealed class ShippedItems
        {
            public IReadOnlyList<ChinookItem> Items { get; } = Conversion.Of(TestDatabases.Shipped).Items;
        }

        private sealed class Recorder : IProgress<ReadProgress>
        {
            private readonly List<ReadProgress> reports = new List<ReadProgress>();
            public List<ReadProgress> Reports { get { lock (reports) { return reports.ToList(); } } }
            public void Report(ReadProgress value) { lock (reports) { reports.Add(value); } }
        }

        private readonly IReadOnlyList<ChinookItem> shipped;

        public ReaderTests(ShippedItems fixture) => shipped = fixture.Items;

        private (FakeItemStore Store, DynamoConnection Connection) Store(int pageSize)
        {
            var (store, connection) = FakeItemStore.Create(shipped);
            store.PageSize = pageSize;
            return (store, connection);
        }

        [Fact]
        public async Task ATrackQueryByGenreReadsEveryPageAndGivesTheTracksInTrackIdOrder()
        {
            var (store, connection) = Store(pageSize: 100);
            var progress = new Recorder();
            var reader = new MusicCatalogReader(connection, null, progress);

            var rock = await reader.GetTracksByGenreAsync("Rock", CancellationToken.None);

            var expected = SourceQuery.Ids("SELECT t.TrackId FROM Track t JOIN Genre g ON g.GenreId = t.GenreId WHERE g.Name = 'Rock' ORDER BY t.TrackId");
            Assert.Equal(1297, expected.Count);
            Assert.Equal(expected, rock.Select(t => t.TrackId));
            Assert.All(rock, t => Assert.Equal("Rock", t.GenreName));
            var queries = store.RequestsOf<QueryRequest>();
            Assert.Equal(13, queries.Count);
            Assert.All(queries, q => Assert.Equal("GSI2-GenreSearch", q.IndexName));
            Assert.All(queries, q => Assert.Null(q.ConsistentRead));
            Assert.Equal("GSI2PK = GENRE#Rock", progress.Reports.First().Condition);
            Assert.Equal(Enumerable.Range(0, 14), progress.Reports.Select(p => p.Page));
            Assert.True(progress.Reports.Last().Finished);
            Assert.Equal(1297, progress.Reports.Last().ItemsRead);
        }

        [Fact]
        public async Task AnArtistCatalogHasItsAlbumsAndTheirTracksInIdOrderReadConsistently()
        {
            var (store, connection) = Store(pageSize: 3);
            var reader = new MusicCatalogReader(connection);

            var catalog = await reader.GetArtistCatalogAsync(1, CancellationToken.None);

            Assert.NotNull(catalog);
            Assert.Equal("AC/DC", catalog!.Name);
            Assert.Equal(new long[] { 1, 4 }, catalog.Albums.Select(a => a.AlbumId));
            Assert.Equal("For Those About To Rock We Salute You", catalog.Albums[0].Title);
            Assert.Equal(SourceQuery.Ids("SELECT TrackId FROM Track WHERE AlbumId = 1 ORDER BY TrackId"), catalog.Albums[0].Tracks.Select(t => t.TrackId));
            Assert.Equal(SourceQuery.Ids("SELECT TrackId FROM Track WHERE AlbumId = 4 ORDER BY TrackId"), catalog.Albums[1].Tracks.Select(t => t.TrackId));
            Assert.Equal(18, catalog.TrackCount);
            Assert.Equal(catalog.Albums.SelectMany(a => a.Tracks), catalog.Tracks);
            Assert.All(store.RequestsOf<QueryRequest>(), q => Assert.True(q.ConsistentRead));
            var partitions = store.RequestsOf<QueryRequest>().Select(q => q.ExpressionAttributeValues[":pk"].S).Distinct().ToList();
            Assert.Equal("ARTIST#1", partitions[0]);
            Assert.Equal(new[] { "ALBUM#1", "ALBUM#4" }, partitions.Skip(1).OrderBy(k => k, StringComparer.Ordinal));
        }

        [Fact]
        public async Task AnArtistWithManyAlbumsReadsAFewAlbumsAtATimeAndCountsTheRequests()
        {
            var (store, connection) = Store(pageSize: 1000);
            store.ResponseDelay = TimeSpan.FromMilliseconds(20);
            var progress = new Recorder();
            var reader = new MusicCatalogReader(connection, null, progress);

            var ironMaiden = await reader.GetArtistCatalogAsync(90, CancellationToken.None);

            var albums = SourceQuery.Ids("SELECT AlbumId FROM Album WHERE ArtistId = 90 ORDER BY AlbumId");
            Assert.Equal(albums, ironMaiden!.Albums.Select(a => a.AlbumId));
            Assert.Equal(SourceQuery.Ids("SELECT t.TrackId FROM Track t JOIN Album a ON a.AlbumId = t.AlbumId WHERE a.ArtistId = 90 ORDER BY a.AlbumId, t.TrackId"),
                ironMaiden.Tracks.Select(t => t.TrackId));
            Assert.InRange(store.MaxInFlight, 2, MusicCatalogReader.ConcurrentQueries);
            var last = progress.Reports.Last(p => p.Finished && p.RequestsDone == p.RequestsPlanned);
            Assert.Equal(1 + albums.Count, last.RequestsPlanned);
        }

        [Fact]
        public async Task ATrackIsFoundByItsExactNameAsWrittenOnTheNameIndex()
        {
            var (store, connection) = Store(pageSize: 2);
            var reader = new MusicCatalogReader(connection);

            var tracks = await reader.FindTracksByNameAsync("Hallowed Be Thy Name", CancellationToken.None);
            var none = await reader.FindTracksByNameAsync("hallowed be thy name", CancellationToken.None);

            Assert.Equal(SourceQuery.Ids("SELECT TrackId FROM Track WHERE Name = 'Hallowed Be Thy Name' ORDER BY TrackId"), tracks.Select(t => t.TrackId));
            Assert.True(tracks.Count > 2);
            Assert.All(tracks, t => Assert.Equal("Iron Maiden", t.ArtistName));
            Assert.Empty(none);
            Assert.All(store.RequestsOf<QueryRequest>(), q => Assert.Equal("GSI1-NameSearch", q.IndexName));
        }

        [Fact]
        public async Task TrackValuesComeBackTyped()
        {
            var (_, connection) = Store(pageSize: 100);
            var track = (await new MusicCatalogReader(connection).FindTracksByNameAsync("Balls to the Wall", CancellationToken.None)).Single();

            Assert.Equal(2, track.TrackId);
            Assert.Equal(2, track.AlbumId);
            Assert.Equal("Balls to the Wall", track.AlbumTitle);
            Assert.Equal("Accept", track.ArtistName);
            Assert.Equal("Protected AAC audio file", track.MediaTypeName);
            Assert.Equal(342562, track.Milliseconds);
            Assert.Equal(TimeSpan.FromMilliseconds(342562), track.Duration);
            Assert.Equal("0.99", track.UnitPrice!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("U. Dirkschneider, W. Hoffmann, H. Frank, P. Baltes, S. Kaufmann, G. Hoffmann", track.Composer);
        }

        [Fact]
        public async Task ACustomersOrdersComeNewestFirstAndFirstStopsReading()
        {
            var (store, connection) = Store(pageSize: 2);
            var reader = new CustomerOrdersReader(connection);

            var all = await reader.GetOrdersAsync(1, null, CancellationToken.None);
            var firstThree = await reader.GetOrdersAsync(1, 3, CancellationToken.None);

            var expected = SourceQuery.Ids("SELECT InvoiceId FROM Invoice WHERE CustomerId = 1 ORDER BY InvoiceDate DESC, InvoiceId DESC");
            Assert.Equal(expected, all.Select(o => o.InvoiceId));
            Assert.Equal(expected.Take(3), firstThree.Select(o => o.InvoiceId));
            Assert.Equal(all.Select(o => o.InvoiceDate).OrderByDescending(d => d), all.Select(o => o.InvoiceDate));
            var limited = store.RequestsOf<QueryRequest>().Skip((expected.Count + 1) / 2).ToList();
            Assert.Equal(new int?[] { 3, 1 }, limited.Select(q => q.Limit));
            Assert.All(store.RequestsOf<QueryRequest>(), q =>
            {
                Assert.False(q.ScanIndexForward);
                Assert.True(q.ConsistentRead);
                Assert.Equal("ORDER#", q.ExpressionAttributeValues[":sk"].S);
            });
        }

        [Fact]
        public async Task AnOrderCarriesItsLineItemsAndExactMoney()
        {
            var (_, connection) = Store(pageSize: 100);
            var order = (await new CustomerOrdersReader(connection).GetOrdersAsync(1, null, CancellationToken.None)).Single(o => o.InvoiceId == 98);

            Assert.Equal(new DateTime(2022, 3, 11, 0, 0, 0, DateTimeKind.Utc), order.InvoiceDate);
            Assert.Equal(DateTimeKind.Utc, order.InvoiceDate!.Value.Kind);
            Assert.Equal("3.98", order.Total!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(SourceQuery.Ids("SELECT InvoiceLineId FROM InvoiceLine WHERE InvoiceId = 98 ORDER BY InvoiceLineId"), order.LineItems.Select(l => l.InvoiceLineId));
            Assert.All(order.LineItems, line =>
            {
                Assert.Equal(98, line.InvoiceId);
                Assert.Equal(1, line.CustomerId);
                Assert.Equal("1.99", line.Amount!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Assert.NotNull(line.TrackName);
            });
            Assert.Equal(order.Total, order.LineItems.Sum(l => l.Amount));
        }

        [Fact]
        public async Task TwoOrdersAtTheSameInstantAreBothThereNewestInvoiceFirst()
        {
            var path = TestDatabases.ShippedWith("UPDATE Invoice SET InvoiceDate = (SELECT InvoiceDate FROM Invoice WHERE InvoiceId = 121) WHERE InvoiceId = 143;");
            var sameInstant = SourceQuery.Ids("SELECT InvoiceId FROM Invoice WHERE CustomerId = (SELECT CustomerId FROM Invoice WHERE InvoiceId = 121) ORDER BY InvoiceDate DESC, InvoiceId DESC", path);
            var customerId = SourceQuery.Ids("SELECT CustomerId FROM Invoice WHERE InvoiceId = 121", path).Single();
            Assert.Equal(customerId, SourceQuery.Ids("SELECT CustomerId FROM Invoice WHERE InvoiceId = 143", path).Single());
            var (_, connection) = FakeItemStore.Create(Conversion.Of(path).Items);

            var orders = await new CustomerOrdersReader(connection).GetOrdersAsync(customerId, null, CancellationToken.None);

            Assert.Equal(sameInstant, orders.Select(o => o.InvoiceId));
            Assert.Contains(143L, orders.Select(o => o.InvoiceId));
        }

        [Fact]
        public async Task ACustomerIsFoundByEMailInAnyLetterCase()
        {
            var (store, connection) = Store(pageSize: 100);
            var reader = new CustomerOrdersReader(connection);

            var found = await reader.FindCustomersByEmailAsync("LUISG@EMBRAER.COM.BR", CancellationToken.None);
            var profile = await reader.GetCustomerAsync(1, CancellationToken.None);
            var nobody = await reader.FindCustomersByEmailAsync("nobody@example.com", CancellationToken.None);

            Assert.Equal(1, Assert.Single(found).CustomerId);
            Assert.Equal("Luís Gonçalves", profile!.Name);
            Assert.Equal("Jane Peacock", profile.SupportRepName);
            Assert.Equal(7, profile.TotalOrders);
            Assert.Equal("39.62", profile.TotalSpent!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Empty(nobody);
            Assert.Equal("EMAIL#luisg@embraer.com.br", store.RequestsOf<QueryRequest>()[0].ExpressionAttributeValues[":pk"].S);
            Assert.True(Assert.Single(store.RequestsOf<GetItemRequest>()).ConsistentRead);
        }

        [Fact]
        public async Task ThePlaylistWithTheMostTracksComesBackWholeInTrackIdOrder()
        {
            var (_, connection) = Store(pageSize: 1);
            var playlist = await new PlaylistReader(connection).GetPlaylistAsync(1, CancellationToken.None);

            var expected = SourceQuery.Ids("SELECT TrackId FROM PlaylistTrack WHERE PlaylistId = 1 ORDER BY TrackId");
            Assert.Equal(3290, expected.Count);
            Assert.Equal("Music", playlist!.Name);
            Assert.Equal(expected, playlist.Tracks.Select(t => t.TrackId));
            Assert.Equal(Enumerable.Range(1, 3290), playlist.Tracks.Select(t => t.Position));
            Assert.True(playlist.Complete);
            Assert.Equal(SourceQuery.Ids("SELECT t.Milliseconds FROM PlaylistTrack AS pt JOIN Track AS t ON t.TrackId = pt.TrackId WHERE pt.PlaylistId = 1 ORDER BY pt.TrackId"),
                playlist.Tracks.Select(t => t.Milliseconds!.Value));
            Assert.Equal(playlist.Tracks.Sum(t => t.Milliseconds), playlist.TotalMilliseconds);
            Assert.Equal(TimeSpan.FromMilliseconds(343719), playlist.Tracks[0].Duration);
            Assert.Equal(("AC/DC", "For Those About To Rock We Salute You", 0.99m), (playlist.Tracks[0].ArtistName, playlist.Tracks[0].AlbumTitle, playlist.Tracks[0].UnitPrice));
        }

        [Fact]
        public async Task PagesAreStitchedInPageNumberOrderWhateverOrderTheyArrive()
        {
            ChinookItem Page(int number, params long[] trackIds) => new ChinookItem("Playlists", "PLAYLIST#7", ChinookKeys.Page(number), new Dictionary<string, object?>
            {
                ["EntityType"] = "PlaylistPage", ["PlaylistId"] = 7L, ["PageNumber"] = (long)number,
                ["Tracks"] = trackIds.Select(id => (object?)new Dictionary<string, object?> { ["TrackId"] = id, ["Name"] = $"T{id}" }).ToList(),
            });
            var metadata = new ChinookItem("Playlists", "PLAYLIST#7", "METADATA", new Dictionary<string, object?>
            {
                ["EntityType"] = "Playlist", ["PlaylistId"] = 7L, ["Name"] = "Long", ["TrackCount"] = 6L, ["PageCount"] = 3L,
            });
            var (store, connection) = FakeItemStore.Create(new[] { Page(3, 50, 60), metadata, Page(1, 1, 2), Page(2, 10, 20) });
            store.PageSize = 1;

            var playlist = await new PlaylistReader(connection).GetPlaylistAsync(7, CancellationToken.None);

            Assert.Equal(new long[] { 1, 2, 10, 20, 50, 60 }, playlist!.Tracks.Select(t => t.TrackId));
            Assert.Equal(new long[] { 1, 1, 2, 2, 3, 3 }, playlist.Tracks.Select(t => t.PageNumber));
            Assert.Equal(3, playlist.PageCount);
            Assert.True(playlist.Complete);
            Assert.Equal(4, store.RequestsOf<QueryRequest>().Count);

            store.Tables["Playlists"].RemoveAll(item => item["SK"].S == "PAGE#00002");
            var gap = await new PlaylistReader(connection).GetPlaylistAsync(7, CancellationToken.None);
            Assert.False(gap!.Complete);
            Assert.Equal(4, gap.TrackCount);
        }

        [Fact]
        public async Task PlaylistsAreListedByAScanOfTheirMetadataAcrossEveryPage()
        {
            var (store, connection) = Store(pageSize: 5);
            var playlists = await new PlaylistReader(connection).ListPlaylistsAsync(CancellationToken.None);

            Assert.Equal(SourceQuery.Ids("SELECT PlaylistId FROM Playlist ORDER BY PlaylistId"), playlists.Select(p => p.PlaylistId));
            Assert.Equal(3290, playlists[0].TrackCount);
            Assert.Equal(877683083L, playlists[0].TotalMilliseconds);
            Assert.Equal(new[] { "Music", "Movies" }, playlists.Take(2).Select(p => p.Name));
            Assert.True(store.RequestsOf<ScanRequest>().Count > 1);
            Assert.All(store.RequestsOf<ScanRequest>(), s => Assert.DoesNotContain("Tracks", s.ExpressionAttributeNames.Values));
        }

        [Fact]
        public async Task AnEmployeeComesWithReportsChainOfCommandAndCustomersFromOneQuery()
        {
            var (store, connection) = Store(pageSize: 4);
            var reader = new EmployeeReader(connection);

            var nancy = await reader.GetEmployeeAsync(2, CancellationToken.None);
            var steve = await reader.GetEmployeeAsync(5, CancellationToken.None);
            var jane = await reader.GetEmployeeAsync(3, CancellationToken.None);
            var andrew = await reader.GetEmployeeAsync(1, CancellationToken.None);

            Assert.Equal(SourceQuery.Ids("SELECT EmployeeId FROM Employee WHERE ReportsTo = 2 ORDER BY EmployeeId"), nancy!.DirectReports.Select(r => r.EmployeeId));
            Assert.Equal("Andrew Adams", nancy.ManagerName);
            Assert.Equal(new long[] { 2, 1 }, steve!.ChainOfCommand.Select(m => m.EmployeeId));
            Assert.Equal("Nancy Edwards", steve.ChainOfCommand[0].Name);
            Assert.Equal(2, steve.ReportsTo);
            Assert.Empty(andrew!.ChainOfCommand);
            Assert.Null(andrew.ReportsTo);
            Assert.Equal(SourceQuery.Ids("SELECT CustomerId FROM Customer WHERE SupportRepId = 3 ORDER BY CustomerId"), jane!.Customers.Select(c => c.CustomerId));
            Assert.All(jane.Customers, c => Assert.Equal(3, c.SupportRepId));
            Assert.Equal(new DateTime(2002, 4, 1, 0, 0, 0, DateTimeKind.Utc), jane.HireDate);
            Assert.All(store.RequestsOf<QueryRequest>(), q => Assert.True(q.ConsistentRead));
        }

        [Fact]
        public async Task WhatIsNotThereIsNull()
        {
            var (_, connection) = Store(pageSize: 100);

            Assert.Null(await new MusicCatalogReader(connection).GetArtistCatalogAsync(100000, CancellationToken.None));
            Assert.Null(await new MusicCatalogReader(connection).GetArtistAsync(100000, CancellationToken.None));
            Assert.Null(await new CustomerOrdersReader(connection).GetCustomerAsync(100000, CancellationToken.None));
            Assert.Empty(await new CustomerOrdersReader(connection).GetOrdersAsync(100000, null, CancellationToken.None));
            Assert.Null(await new PlaylistReader(connection).GetPlaylistAsync(100000, CancellationToken.None));
            Assert.Null(await new EmployeeReader(connection).GetEmployeeAsync(100000, CancellationToken.None));
        }

        [Fact]
        public async Task ItemsByKeyComeInTheOrderAskedWithUnprocessedKeysAskedForAgain()
        {
            var (store, connection) = Store(pageSize: 100);
            store.UnprocessedBatchCalls = 2;
            var delays = new List<TimeSpan>();
            var reader = new MusicCatalogReader(new TableReader(connection, "", "MusicCatalog", (pause, _) => { delays.Add(pause); return Task.CompletedTask; }), null);
            var keys = Enumerable.Range(1, 30).Select(id => new ItemKey("MusicCatalog", ChinookKeys.Artist(31 - id), "METADATA"))
                .Append(new ItemKey("MusicCatalog", "ARTIST#5", "METADATA"))
                .Append(new ItemKey("MusicCatalog", "ARTIST#100000", "METADATA"))
                .ToList();

            var items = await reader.GetItemsAsync(keys, CancellationToken.None);

            Assert.Equal(Enumerable.Range(1, 30).Select(id => ChinookKeys.Artist(31 - id)), items.Select(i => i.PK));
            var batches = store.RequestsOf<BatchGetItemRequest>().Select(b => b.RequestItems["MusicCatalog"]).ToList();
            Assert.All(batches, b => Assert.True(b.ConsistentRead));
            Assert.Equal(new[] { 25, 13, 7, 6 }, batches.Select(b => b.Keys.Count));
            Assert.Equal(new[] { TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100) }, delays);
        }

        [Fact]
        public async Task KeysLeftUnprocessedAgainAndAgainAreAThrottlingError()
        {
            var (store, connection) = Store(pageSize: 100);
            store.UnprocessedBatchCalls = -1;
            var reader = new MusicCatalogReader(new TableReader(connection, null, "MusicCatalog", (_, _) => Task.CompletedTask), null);

            var ex = await Assert.ThrowsAsync<DynamoOperationException>(() =>
                reader.GetItemsAsync(new[] { new ItemKey("MusicCatalog", "ARTIST#1", "METADATA"), new ItemKey("MusicCatalog", "ARTIST#2", "METADATA") }, CancellationToken.None));

            Assert.Equal(DynamoProblem.Throttled, ex.Problem);
            Assert.Equal(10, store.RequestsOf<BatchGetItemRequest>().Count);
        }

        [Fact]
        public void RetryPausesGrowAndStopGrowingAtTwoSeconds()
        {
            Assert.Equal(TimeSpan.FromMilliseconds(50), TableReader.RetryDelay(1));
            Assert.Equal(TimeSpan.FromMilliseconds(800), TableReader.RetryDelay(5));
            Assert.Equal(TimeSpan.FromSeconds(2), TableReader.RetryDelay(7));
            Assert.Equal(TimeSpan.FromSeconds(2), TableReader.RetryDelay(60));
        }

        [Fact]
        public async Task TheTablePrefixIsReadAndAMissingTableIsNotFound()
        {
            var (_, connection) = FakeItemStore.Create(shipped.Where(i => i.TableName == "EmployeeManagement")
                .Select(i => new ChinookItem("dev-EmployeeManagement", i.PK, i.SK, i.Attributes)));

            var reader = new EmployeeReader(connection, "dev-");
            Assert.Equal("dev-EmployeeManagement", reader.TableName);
            Assert.NotNull(await reader.GetEmployeeAsync(1, CancellationToken.None));
            var ex = await Assert.ThrowsAsync<DynamoOperationException>(() => new EmployeeReader(connection).GetEmployeeAsync(1, CancellationToken.None));
            Assert.Equal(DynamoProblem.NotFound, ex.Problem);
            Assert.Equal("EmployeeManagement", ex.TableName);
            Assert.Throws<ArgumentException>(() => new EmployeeReader(connection, "bad prefix "));
        }

        [Fact]
        public async Task ACancelledReadStops()
        {
            var (_, connection) = Store(pageSize: 100);
            using var cancelled = new CancellationTokenSource();
            cancelled.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new MusicCatalogReader(connection).GetTracksByGenreAsync("Rock", cancelled.Token));
        }

        [Fact]
        public async Task AnEmptyNameIsRefusedBeforeAnyRequest()
        {
            var (store, connection) = Store(pageSize: 100);

            await Assert.ThrowsAsync<ArgumentException>(() => new MusicCatalogReader(connection).FindTracksByNameAsync("", CancellationToken.None));
            await Assert.ThrowsAsync<ArgumentException>(() => new CustomerOrdersReader(connection).FindCustomersByEmailAsync("", CancellationToken.None));
            Assert.Empty(store.Requests);
        }
    }
}
