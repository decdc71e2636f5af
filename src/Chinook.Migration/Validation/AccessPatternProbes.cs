using System;
using System.Collections.Generic;
using System.Linq;
using Chinook.Migration.Access;
using Chinook.Migration.Items;
using Chinook.Migration.Source;
using Chinook.Migration.Target;

namespace Chinook.Migration.Validation
{
    /// <summary>
    /// The access patterns of the user's design and of the tables designed here, each as a reader call and the
    /// answer the source gives for it, from fixed SQL statements. What to read is picked from the source so that it
    /// exists: the first artist with albums, the genre with the most tracks, the playlist with the most tracks, ...
    /// </summary>
    public static class AccessPatternProbes
    {
        private const int BatchSize = 25;

        /// <summary>Reads what each probe must answer from the source now; the probes read the target when run.</summary>
        public static IReadOnlyList<AccessProbe> Build(SourceDatabase source, DynamoConnection connection, string? tablePrefix)
        {
            var catalog = new MusicCatalogReader(connection, tablePrefix);
            var orders = new CustomerOrdersReader(connection, tablePrefix);
            var playlists = new PlaylistReader(connection, tablePrefix);
            var staff = new EmployeeReader(connection, tablePrefix);
            return new[]
            {
                ArtistCatalog(source, catalog),
                TracksOfGenre(source, catalog),
                TrackByName(source, catalog),
                CustomerByEmail(source, orders),
                CustomerProfile(source, orders),
                CustomerOrders(source, orders),
                PlaylistWithTracks(source, playlists),
                EmployeeWithStaff(source, staff),
                BatchRead(source, catalog),
            };
        }

        private static AccessProbe ArtistCatalog(SourceDatabase source, MusicCatalogReader reader)
        {
            const string check = "An artist with albums and tracks";
            var pick = SourceQuery.Rows(source, "SELECT al.ArtistId, ar.Name FROM [Album] AS al LEFT JOIN [Artist] AS ar ON ar.ArtistId = al.ArtistId " +
                                                "WHERE al.ArtistId IS NOT NULL ORDER BY al.ArtistId LIMIT 1").FirstOrDefault();
            if (pick is null)
            {
                return AccessProbe.Nothing(check, reader.TableName, "The source has no album with an artist");
            }
            var artistId = (long)pick[0]!;
            var albums = SourceQuery.Rows(source, "SELECT AlbumId, Title FROM [Album] WHERE ArtistId = @id ORDER BY AlbumId", ("@id", artistId));
            var tracks = SourceQuery.Rows(source, "SELECT t.TrackId, t.AlbumId, t.Name FROM [Track] AS t JOIN [Album] AS al ON al.AlbumId = t.AlbumId " +
                                                  "WHERE al.ArtistId = @id ORDER BY t.TrackId", ("@id", artistId));
            var expected = new List<AnswerFact> { ArtistFact(artistId, SourceQuery.Text(pick[1])) };
            expected.AddRange(albums.Select(a => AlbumFact((long)a[0]!, SourceQuery.Text(a[1]))));
            expected.AddRange(tracks.Select(t => TrackInAlbumFact((long)t[0]!, SourceQuery.Long(t[1]), SourceQuery.Text(t[2]))));
            return new AccessProbe(check, reader.TableName, ReadShape.Query,
                $"ArtistId={artistId} ({Show(pick[1])}): {Count(albums.Count, "album")}, {Count(tracks.Count, "track")}", expected,
                async cancellationToken =>
                {
                    var answer = await reader.GetArtistCatalogAsync(artistId, cancellationToken).ConfigureAwait(false);
                    if (answer is null)
                    {
                        return new ProbeAnswer(Array.Empty<AnswerFact>(), 0);
                    }
                    var facts = new List<AnswerFact>();
                    if (answer.Name is not null)
                    {
                        facts.Add(ArtistFact(artistId, answer.Name));
                    }
                    facts.AddRange(answer.Albums.Select(a => AlbumFact(a.AlbumId, a.Title)));
                    facts.AddRange(answer.Tracks.Select(t => TrackInAlbumFact(t.TrackId, t.AlbumId, t.Name)));
                    return new ProbeAnswer(facts, (answer.Name is null ? 0 : 1) + answer.AlbumCount + answer.TrackCount);
                });
        }

        private static AccessProbe TracksOfGenre(SourceDatabase source, MusicCatalogReader reader)
        {
            const string check = "Tracks of a genre (GSI2-GenreSearch)";
            var pick = SourceQuery.Rows(source, "SELECT g.Name FROM [Genre] AS g JOIN [Track] AS t ON t.GenreId = g.GenreId WHERE g.Name <> '' " +
                                                "GROUP BY g.GenreId ORDER BY COUNT(*) DESC, g.GenreId LIMIT 1").FirstOrDefault();
            if (pick is null)
            {
                return AccessProbe.Nothing(check, reader.TableName, "The source has no genre with tracks");
            }
            var genre = (string)pick[0]!;
            // Every track whose genre has this name: the index key is the name, so genres sharing a name share the answer.
            var tracks = SourceQuery.Rows(source, "SELECT t.TrackId, t.Name FROM [Track] AS t JOIN [Genre] AS g ON g.GenreId = t.GenreId WHERE g.Name = @name",
                ("@name", genre));
            return new AccessProbe(check, reader.TableName, ReadShape.Query, $"{Show(genre)}: {Count(tracks.Count, "track")}",
                tracks.Select(t => TrackOfGenreFact((long)t[0]!, SourceQuery.Text(t[1]), genre)).ToList(),
                async cancellationToken =>
                {
                    var answer = await reader.GetTracksByGenreAsync(genre, cancellationToken).ConfigureAwait(false);
                    return new ProbeAnswer(answer.Select(t => TrackOfGenreFact(t.TrackId, t.Name, t.GenreName)).ToList(), answer.Count);
                });
        }

        private static AccessProbe TrackByName(SourceDatabase source, MusicCatalogReader reader)
        {
            const string check = "A track by name (GSI1-NameSearch)";
            var pick = SourceQuery.Rows(source, "SELECT Name FROM [Track] WHERE Name <> '' ORDER BY TrackId LIMIT 1").FirstOrDefault();
            if (pick is null)
            {
                return AccessProbe.Nothing(check, reader.TableName, "The source has no track with a name");
            }
            var name = (string)pick[0]!;
            var tracks = SourceQuery.Rows(source, "SELECT t.TrackId, al.Title, ar.Name FROM [Track] AS t LEFT JOIN [Album] AS al ON al.AlbumId = t.AlbumId " +
                                                  "LEFT JOIN [Artist] AS ar ON ar.ArtistId = al.ArtistId WHERE t.Name = @name ORDER BY t.TrackId", ("@name", name));
            return new AccessProbe(check, reader.TableName, LookupShape(tracks.Count), $"{Show(name)}: {Count(tracks.Count, "track")}",
                tracks.Select(t => TrackByNameFact((long)t[0]!, SourceQuery.Text(t[1]), SourceQuery.Text(t[2]))).ToList(),
                async cancellationToken =>
                {
                    var answer = await reader.FindTracksByNameAsync(name, cancellationToken).ConfigureAwait(false);
                    return new ProbeAnswer(answer.Select(t => TrackByNameFact(t.TrackId, t.AlbumTitle, t.ArtistName)).ToList(), answer.Count);
                });
        }

        private static AccessProbe CustomerByEmail(SourceDatabase source, CustomerOrdersReader reader)
        {
            const string check = "A customer by e-mail (GSI1-EmailSearch)";
            var customers = SourceQuery.Rows(source, "SELECT CustomerId, FirstName, LastName, Email FROM [Customer] WHERE Email <> '' ORDER BY CustomerId");
            if (customers.Count == 0)
            {
                return AccessProbe.Nothing(check, reader.TableName, "The source has no customer with an e-mail address");
            }
            var email = (string)customers[0][3]!;
            // The index key is the address in lower case, as .NET lowers it (SQLite's lower() knows ASCII only).
            var matching = customers.Where(c => string.Equals(((string)c[3]!).ToLowerInvariant(), email.ToLowerInvariant(), StringComparison.Ordinal)).ToList();
            return new AccessProbe(check, reader.TableName, LookupShape(matching.Count), $"{Show(email)}: {Count(matching.Count, "customer")}",
                matching.Select(c => CustomerFact((long)c[0]!, SourceQuery.Text(c[1]), SourceQuery.Text(c[2]), SourceQuery.Text(c[3]))).ToList(),
                async cancellationToken =>
                {
                    var answer = await reader.FindCustomersByEmailAsync(email, cancellationToken).ConfigureAwait(false);
                    return new ProbeAnswer(answer.Select(c => CustomerFact(c.CustomerId, c.FirstName, c.LastName, c.Email)).ToList(), answer.Count);
                });
        }

        private static AccessProbe CustomerProfile(SourceDatabase source, CustomerOrdersReader reader)
        {
            const string check = "A customer's profile (GetItem)";
            var pick = SourceQuery.Rows(source, "SELECT c.CustomerId, c.FirstName, c.LastName, rep.FirstName, rep.LastName FROM [Customer] AS c " +
                                                "LEFT JOIN [Employee] AS rep ON rep.EmployeeId = c.SupportRepId ORDER BY c.CustomerId LIMIT 1").FirstOrDefault();
            if (pick is null)
            {
                return AccessProbe.Nothing(check, reader.TableName, "The source has no customer");
            }
            var customerId = (long)pick[0]!;
            var totals = SourceQuery.Rows(source, "SELECT CAST(Total AS TEXT) FROM [Invoice] WHERE CustomerId = @id", ("@id", customerId));
            // Money added up as exact decimals, as the profile's TotalSpent is.
            var spent = totals.Sum(t => SourceQuery.Money(t[0]) ?? 0m) + 0.00m;
            var repName = PersonName.Of(SourceQuery.Text(pick[3]), SourceQuery.Text(pick[4]));
            var expected = ProfileFact(customerId, SourceQuery.Text(pick[1]), SourceQuery.Text(pick[2]), repName, totals.Count, spent);
            return new AccessProbe(check, reader.TableName, ReadShape.SingleItem,
                $"CustomerId={customerId}: {Count(totals.Count, "order")}, {spent.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} spent", new[] { expected },
                async cancellationToken =>
                {
                    var answer = await reader.GetCustomerAsync(customerId, cancellationToken).ConfigureAwait(false);
                    return answer is null
                        ? new ProbeAnswer(Array.Empty<AnswerFact>(), 0)
                        : new ProbeAnswer(new[] { ProfileFact(answer.CustomerId, answer.FirstName, answer.LastName, answer.SupportRepName, answer.TotalOrders, answer.TotalSpent) }, 1);
                });
        }

        private static AccessProbe CustomerOrders(SourceDatabase source, CustomerOrdersReader reader)
        {
            const string check = "A customer's orders, most recent first";
            var pick = SourceQuery.Rows(source, "SELECT MIN(CustomerId) FROM [Invoice]").FirstOrDefault();
            if (pick?[0] is not long customerId)
            {
                return AccessProbe.Nothing(check, reader.TableName, "The source has no invoice");
            }
            var invoices = SourceQuery.Rows(source, "SELECT i.InvoiceId, i.InvoiceDate, CAST(i.Total AS TEXT), " +
                                                    "(SELECT COUNT(*) FROM [InvoiceLine] AS il WHERE il.InvoiceId = i.InvoiceId) FROM [Invoice] AS i WHERE i.CustomerId = @id",
                    ("@id", customerId))
                .Select(i => (Id: (long)i[0]!, Date: SourceQuery.Time(i[1]), Total: SourceQuery.Money(i[2]), Lines: (long)i[3]!))
                // Newest first, as the sort key orders them: by time (ISO-8601 text sorts as time), then by invoice.
                .OrderByDescending(i => i.Date, StringComparer.Ordinal).ThenByDescending(i => i.Id)
                .ToList();
            return new AccessProbe(check, reader.TableName, ReadShape.Query, $"CustomerId={customerId}: {Count(invoices.Count, "order")}",
                invoices.Select((i, position) => OrderFact(i.Id, position + 1, i.Date, i.Total, i.Lines)).ToList(),
                async cancellationToken =>
                {
                    var answer = await reader.GetOrdersAsync(customerId, null, cancellationToken).ConfigureAwait(false);
                    return new ProbeAnswer(answer.Select((o, position) =>
                        OrderFact(o.InvoiceId, position + 1, o.InvoiceDate is DateTime d ? SourceValues.FormatDateTime(d) : null, o.Total, o.LineCount)).ToList(), answer.Count);
                });
        }

        private static AccessProbe PlaylistWithTracks(SourceDatabase source, PlaylistReader reader)
        {
            const string check = "A playlist with all its tracks";
            var pick = SourceQuery.Rows(source, "SELECT p.PlaylistId, p.Name, COUNT(pt.TrackId), COALESCE(SUM(t.Milliseconds), 0) FROM [Playlist] AS p " +
                                                "LEFT JOIN [PlaylistTrack] AS pt ON pt.PlaylistId = p.PlaylistId LEFT JOIN [Track] AS t ON t.TrackId = pt.TrackId " +
                                                "GROUP BY p.PlaylistId ORDER BY COUNT(pt.TrackId) DESC, p.PlaylistId LIMIT 1").FirstOrDefault();
            if (pick is null)
            {
                return AccessProbe.Nothing(check, reader.TableName, "The source has no playlist");
            }
            var playlistId = (long)pick[0]!;
            var tracks = SourceQuery.Rows(source, "SELECT pt.TrackId, t.Name, t.Milliseconds, CAST(t.UnitPrice AS TEXT) FROM [PlaylistTrack] AS pt LEFT JOIN [Track] AS t ON t.TrackId = pt.TrackId " +
                                                  "WHERE pt.PlaylistId = @id ORDER BY pt.TrackId", ("@id", playlistId));
            var expected = new List<AnswerFact> { PlaylistFact(playlistId, SourceQuery.Text(pick[1]), tracks.Count, SourceQuery.Long(pick[3])) };
            expected.AddRange(tracks.Select((t, position) => PlaylistEntryFact(playlistId, (long)t[0]!, position + 1, SourceQuery.Text(t[1]), SourceQuery.Long(t[2]), SourceQuery.Money(t[3]))));
            return new AccessProbe(check, reader.TableName, ReadShape.Query, $"PlaylistId={playlistId} ({Show(pick[1])}): {Count(tracks.Count, "track")}", expected,
                async cancellationToken =>
                {
                    var answer = await reader.GetPlaylistAsync(playlistId, cancellationToken).ConfigureAwait(false);
                    if (answer is null)
                    {
                        return new ProbeAnswer(Array.Empty<AnswerFact>(), 0);
                    }
                    var facts = new List<AnswerFact> { PlaylistFact(playlistId, answer.Name, answer.TrackCount, answer.TotalMilliseconds) };
                    facts.AddRange(answer.Tracks.Select(t => PlaylistEntryFact(playlistId, t.TrackId, t.Position, t.Name, t.Milliseconds, t.UnitPrice)));
                    // Its size is its tracks: each stands for an item of the user's design, which the pages only pack together.
                    return new ProbeAnswer(facts, (answer.Name is null ? 0 : 1) + answer.TrackCount);
                });
        }

        private static AccessProbe EmployeeWithStaff(SourceDatabase source, EmployeeReader reader)
        {
            const string check = "An employee's reports, chain of command and customers";
            var employees = SourceQuery.Rows(source, "SELECT EmployeeId, FirstName, LastName, Title, ReportsTo FROM [Employee] ORDER BY EmployeeId")
                .ToDictionary(e => (long)e[0]!, e => (First: SourceQuery.Text(e[1]), Last: SourceQuery.Text(e[2]), Title: SourceQuery.Text(e[3]), ReportsTo: SourceQuery.Long(e[4])));
            var customers = SourceQuery.Rows(source, "SELECT CustomerId, FirstName, LastName, SupportRepId FROM [Customer] WHERE SupportRepId IS NOT NULL ORDER BY CustomerId");
            // The employee with the most people in their partition, preferring one with a chain of command to check.
            var pick = employees.Keys
                .OrderByDescending(id => employees.Values.Count(e => e.ReportsTo == id) + customers.Count(c => SourceQuery.Long(c[3]) == id))
                .ThenBy(id => employees[id].ReportsTo is null ? 1 : 0)
                .ThenBy(id => id)
                .Cast<long?>()
                .FirstOrDefault();
            if (pick is not long employeeId)
            {
                return AccessProbe.Nothing(check, reader.TableName, "The source has no employee");
            }
            var me = employees[employeeId];
            var expected = new List<AnswerFact> { PersonFact($"EmployeeId={employeeId}", me.First, me.Last, me.Title) };
            var seen = new HashSet<long> { employeeId };
            for (var manager = me.ReportsTo; manager is long id && employees.ContainsKey(id) && seen.Add(id); manager = employees[id].ReportsTo)
            {
                expected.Add(ChainFact(expected.Count(f => f.Key.StartsWith("ChainOfCommand", StringComparison.Ordinal)) + 1, id, employees[id].First, employees[id].Last));
            }
            var reports = employees.Where(e => e.Value.ReportsTo == employeeId).ToList();
            var served = customers.Where(c => SourceQuery.Long(c[3]) == employeeId).ToList();
            expected.AddRange(reports.Select(r => PersonFact($"EmployeeId={r.Key}", r.Value.First, r.Value.Last, r.Value.Title)));
            expected.AddRange(served.Select(c => PersonFact($"CustomerId={c[0]}", SourceQuery.Text(c[1]), SourceQuery.Text(c[2]), null)));
            var chainLength = expected.Count - 1 - reports.Count - served.Count;
            return new AccessProbe(check, reader.TableName, ReadShape.Query,
                $"EmployeeId={employeeId} ({Show(PersonName.Of(me.First, me.Last))}): {Count(reports.Count, "direct report")}, " +
                $"{Count(chainLength, "manager")} above, {Count(served.Count, "customer")}", expected,
                async cancellationToken =>
                {
                    var answer = await reader.GetEmployeeAsync(employeeId, cancellationToken).ConfigureAwait(false);
                    if (answer is null)
                    {
                        return new ProbeAnswer(Array.Empty<AnswerFact>(), 0);
                    }
                    var facts = new List<AnswerFact> { PersonFact($"EmployeeId={employeeId}", answer.FirstName, answer.LastName, answer.Title) };
                    facts.AddRange(answer.ChainOfCommand.Select((m, i) => ChainFact(i + 1, m.EmployeeId, m.FirstName, m.LastName)));
                    facts.AddRange(answer.DirectReports.Select(r => PersonFact($"EmployeeId={r.EmployeeId}", r.FirstName, r.LastName, r.Title)));
                    facts.AddRange(answer.Customers.Select(c => PersonFact($"CustomerId={c.CustomerId}", c.FirstName, c.LastName, null)));
                    return new ProbeAnswer(facts, 1 + answer.DirectReports.Count + answer.Customers.Count);
                });
        }

        private static AccessProbe BatchRead(SourceDatabase source, MusicCatalogReader reader)
        {
            var check = $"A batch read of {BatchSize} tracks (BatchGetItem)";
            var tracks = SourceQuery.Rows(source, "SELECT TrackId, AlbumId, Name, CAST(UnitPrice AS TEXT) FROM [Track] ORDER BY TrackId LIMIT " + BatchSize);
            if (tracks.Count == 0)
            {
                return AccessProbe.Nothing(check, reader.TableName, "The source has no track");
            }
            var keys = tracks.Select(t => new ItemKey(reader.TableName, SourceQuery.Long(t[1]) is long albumId ? ChinookKeys.Album(albumId) : ChinookKeys.NoAlbum, ChinookKeys.Track((long)t[0]!))).ToList();
            return new AccessProbe(check, reader.TableName, ReadShape.BatchRead, $"TrackId={tracks[0][0]} to {tracks[tracks.Count - 1][0]}: {Count(tracks.Count, "track")}",
                tracks.Select(t => PricedTrackFact((long)t[0]!, SourceQuery.Text(t[2]), SourceQuery.Money(t[3]))).ToList(),
                async cancellationToken =>
                {
                    var answer = (await reader.GetItemsAsync(keys, cancellationToken).ConfigureAwait(false)).Select(i => new CatalogTrack(i)).ToList();
                    return new ProbeAnswer(answer.Select(t => PricedTrackFact(t.TrackId, t.Name, t.UnitPrice)).ToList(), answer.Count);
                });
        }

        /// <summary>A lookup by a value that is usually unique is a single-item read; a value many rows share makes it a query.</summary>
        private static ReadShape LookupShape(int matches) => matches == 1 ? ReadShape.SingleItem : ReadShape.Query;

        private static AnswerFact ArtistFact(long artistId, string? name) => new AnswerFact($"ArtistId={artistId}", Show(name));
        private static AnswerFact AlbumFact(long albumId, string? title) => new AnswerFact($"AlbumId={albumId}", Show(title));
        private static AnswerFact TrackInAlbumFact(long trackId, long? albumId, string? name) => new AnswerFact($"TrackId={trackId}", $"AlbumId={albumId}; {Show(name)}");
        private static AnswerFact TrackOfGenreFact(long trackId, string? name, string? genre) => new AnswerFact($"TrackId={trackId}", $"{Show(name)}; genre {Show(genre)}");
        private static AnswerFact TrackByNameFact(long trackId, string? album, string? artist) => new AnswerFact($"TrackId={trackId}", $"album {Show(album)}; artist {Show(artist)}");
        private static AnswerFact PricedTrackFact(long trackId, string? name, decimal? price) => new AnswerFact($"TrackId={trackId}", $"{Show(name)}; {Show(price)}");

        private static AnswerFact CustomerFact(long customerId, string? first, string? last, string? email) =>
            new AnswerFact($"CustomerId={customerId}", $"{Show(PersonName.Of(first, last))}; {Show(email)}");

        private static AnswerFact ProfileFact(long customerId, string? first, string? last, string? repName, long? orders, decimal? spent) =>
            new AnswerFact($"CustomerId={customerId}", $"{Show(PersonName.Of(first, last))}; rep {Show(repName)}; {Show(orders)} orders; {Show(spent)} spent");

        private static AnswerFact OrderFact(long invoiceId, int position, string? date, decimal? total, long lines) =>
            new AnswerFact($"InvoiceId={invoiceId}", $"#{position}; {Show(date)}; total {Show(total)}; {lines} lines");

        private static AnswerFact PlaylistFact(long playlistId, string? name, int tracks, long? totalMilliseconds) =>
            new AnswerFact($"PlaylistId={playlistId}", $"{Show(name)}; {tracks} tracks; {Show(totalMilliseconds)} ms in all");

        private static AnswerFact PlaylistEntryFact(long playlistId, long trackId, int position, string? name, long? milliseconds, decimal? price) =>
            new AnswerFact($"PlaylistId={playlistId}, TrackId={trackId}", $"#{position}; {Show(name)}; {Show(milliseconds)} ms; {Show(price)}");

        private static AnswerFact PersonFact(string key, string? first, string? last, string? title) =>
            new AnswerFact(key, title is null ? Show(PersonName.Of(first, last)) : $"{Show(PersonName.Of(first, last))}; {Show(title)}");

        private static AnswerFact ChainFact(int level, long employeeId, string? first, string? last) =>
            new AnswerFact($"ChainOfCommand[{level}]", $"EmployeeId={employeeId}; {Show(PersonName.Of(first, last))}");

        /// <summary>Text whole (a difference may lie past any cut), money with its two places, the rest as messages show values.</summary>
        private static string Show(object? value) => value switch
        {
            string text => "'" + text + "'",
            decimal money => ValueComparison.Format(SourceValues.Money(money)),
            _ => ValueComparison.Format(value),
        };

        private static string Count(int count, string noun) => $"{Discrepancies.Count(count)} {noun}{(count == 1 ? string.Empty : "s")}";
    }
}
