using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Data.Sqlite;

namespace Chinook.Migration.Tests.Validation
{
    /// <summary>
    /// A small Chinook database with random rows from a seed: nulls, empty and non-ASCII text, prices stored as
    /// REAL or INTEGER, same-instant invoices, unused genres, empty playlists, orphans where the target can keep
    /// them, and an employee tree. Invoice lines always have their invoice: an orphan line has no item to live in.
    /// </summary>
    internal sealed class RandomChinookDatabase
    {
        private static readonly string[] Words =
        {
            "Rock", "Café", "音楽", "🎵", "e\u0301", "שלום", "O'Brien", "\"quoted\"", "tab\there", "Ünïcödé", "Zoë", "A", "-", "  spaced  ", "100%",
        };

        private readonly Random random;
        private readonly SqliteConnection connection;

        private RandomChinookDatabase(int seed, SqliteConnection connection)
        {
            random = new Random(seed);
            this.connection = connection;
        }

        public static string Create(int seed)
        {
            var path = TestDatabases.Empty();
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, ForeignKeys = false }.ToString());
            connection.Open();
            using var transaction = connection.BeginTransaction();
            new RandomChinookDatabase(seed, connection).Fill();
            transaction.Commit();
            return path;
        }

        private void Fill()
        {
            var genres = Ids(0, 5);
            var mediaTypes = Ids(1, 3);
            var artists = Ids(0, 6);
            var albums = Ids(0, 8);
            var tracks = Ids(0, 15);
            var employees = Ids(0, 5);
            var customers = Ids(0, 6);
            var invoices = Ids(0, 10);
            var playlists = Ids(0, 4);

            foreach (var id in genres) Insert("Genre", ("GenreId", id), ("Name", Text(nullable: true)));
            foreach (var id in mediaTypes) Insert("MediaType", ("MediaTypeId", id), ("Name", Text(nullable: true)));
            foreach (var id in artists) Insert("Artist", ("ArtistId", id), ("Name", Text(nullable: true)));
            foreach (var id in albums) Insert("Album", ("AlbumId", id), ("Title", Text(nullable: false)), ("ArtistId", Reference(artists, orphan: 900)));
            foreach (var id in tracks)
            {
                Insert("Track", ("TrackId", id), ("Name", Text(nullable: false)), ("AlbumId", Maybe(Reference(albums, orphan: 901))),
                    ("MediaTypeId", Reference(mediaTypes, orphan: 902)), ("GenreId", Maybe(Reference(genres, orphan: 903))), ("Composer", Text(nullable: true)),
                    ("Milliseconds", (long)random.Next(1, 1_000_000)), ("Bytes", Maybe((long)random.Next())), ("UnitPrice", Money()));
            }
            foreach (var id in employees)
            {
                var earlier = employees.Where(e => e < id).ToList();
                Insert("Employee", ("EmployeeId", id), ("LastName", Text(nullable: false)), ("FirstName", Text(nullable: false)), ("Title", Text(nullable: true)),
                    ("ReportsTo", earlier.Count == 0 ? null : Maybe(earlier[random.Next(earlier.Count)])), ("BirthDate", Time(nullable: true)),
                    ("HireDate", Time(nullable: true)), ("Address", Text(nullable: true)), ("City", Text(nullable: true)), ("State", Text(nullable: true)),
                    ("Country", Text(nullable: true)), ("PostalCode", Text(nullable: true)), ("Phone", Text(nullable: true)), ("Fax", Text(nullable: true)),
                    ("Email", Text(nullable: true)));
            }
            foreach (var id in customers)
            {
                Insert("Customer", ("CustomerId", id), ("FirstName", Text(nullable: false)), ("LastName", Text(nullable: false)), ("Company", Text(nullable: true)),
                    ("Address", Text(nullable: true)), ("City", Text(nullable: true)), ("State", Text(nullable: true)), ("Country", Text(nullable: true)),
                    ("PostalCode", Text(nullable: true)), ("Phone", Text(nullable: true)), ("Fax", Text(nullable: true)), ("Email", Text(nullable: false)),
                    ("SupportRepId", Maybe(Reference(employees, orphan: 904))));
            }
            foreach (var id in invoices)
            {
                Insert("Invoice", ("InvoiceId", id), ("CustomerId", Reference(customers, orphan: 905)), ("InvoiceDate", Time(nullable: false)),
                    ("BillingAddress", Text(nullable: true)), ("BillingCity", Text(nullable: true)), ("BillingState", Text(nullable: true)),
                    ("BillingCountry", Text(nullable: true)), ("BillingPostalCode", Text(nullable: true)), ("Total", Money()));
            }
            if (invoices.Count > 0)
            {
                foreach (var id in Ids(0, 20))
                {
                    Insert("InvoiceLine", ("InvoiceLineId", id), ("InvoiceId", invoices[random.Next(invoices.Count)]), ("TrackId", Reference(tracks, orphan: 906)),
                        ("UnitPrice", Money()), ("Quantity", (long)random.Next(1, 5)));
                }
            }
            foreach (var id in playlists) Insert("Playlist", ("PlaylistId", id), ("Name", Text(nullable: true)));
            var pairs = new HashSet<(long, long)>();
            for (var i = random.Next(0, 25); i > 0; i--)
            {
                pairs.Add(((long)Reference(playlists, orphan: 907)!, (long)Reference(tracks, orphan: 908)!));
            }
            foreach (var (playlistId, trackId) in pairs) Insert("PlaylistTrack", ("PlaylistId", playlistId), ("TrackId", trackId));
        }

        private List<long> Ids(int min, int max) => Enumerable.Range(1, random.Next(min, max + 1)).Select(i => (long)i).ToList();

        private object? Maybe(object? value) => random.Next(4) == 0 ? null : value;

        /// <summary>Mostly an existing id; now and then one that points at nothing.</summary>
        private object? Reference(List<long> ids, long orphan) => ids.Count == 0 || random.Next(10) == 0 ? orphan : ids[random.Next(ids.Count)];

        private string? Text(bool nullable)
        {
            if (nullable && random.Next(4) == 0)
            {
                return null;
            }
            if (random.Next(12) == 0)
            {
                return string.Empty;
            }
            return string.Join(" ", Enumerable.Range(0, random.Next(1, 4)).Select(_ => Words[random.Next(Words.Length)]));
        }

        /// <summary>Two-place amounts; whole ones (2.00) are stored by SQLite's NUMERIC affinity as INTEGER, the others as REAL.</summary>
        private object Money() => Math.Round(random.Next(0, 5000) / 100m, 2);

        /// <summary>
        /// A few instants only, so one customer often has two invoices at the same time; some with fractions of a second.
        /// In SQLite's own text, the one the way back writes: a time in another text comes back rewritten, with a warning
        /// (EdgeCaseConversionTests), and would not be a round trip.
        /// </summary>
        private string? Time(bool nullable)
        {
            if (nullable && random.Next(4) == 0)
            {
                return null;
            }
            var instant = new DateTime(2021, 1, 1).AddDays(random.Next(3)).AddSeconds(random.Next(2) * 3725.25 * random.Next(2));
            return instant.ToString("yyyy-MM-dd HH:mm:ss.FFF", CultureInfo.InvariantCulture);
        }

        private void Insert(string table, params (string Column, object? Value)[] values)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"INSERT INTO [{table}] ({string.Join(", ", values.Select(v => $"[{v.Column}]"))}) " +
                                  $"VALUES ({string.Join(", ", values.Select((_, i) => "$p" + i))})";
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters.AddWithValue("$p" + i, values[i].Value ?? DBNull.Value);
            }
            command.ExecuteNonQuery();
        }
    }
}
