using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.Data.Sqlite;
using static Chinook.Bench.SqliteFiles;

namespace Chinook.Bench.Profiling
{
    /// <summary>
    /// profile: the shape of a Chinook database, to set a scaled copy beside its source. Shares and
    /// distributions are normalized, so a faithful copy at any factor shows the source's figures.
    /// </summary>
    public static class ProfileCommand
    {
        private const string DateGlob = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9]";

        /// <summary>Group sizes behind the relationships the target tables denormalize.</summary>
        private static readonly (string Name, string Sql)[] Distributions =
        {
            ("playlistSizes", "SELECT COUNT(pt.TrackId) FROM Playlist p LEFT JOIN PlaylistTrack pt ON pt.PlaylistId = p.PlaylistId GROUP BY p.PlaylistId"),
            ("invoicesPerCustomer", "SELECT COUNT(i.InvoiceId) FROM Customer c LEFT JOIN Invoice i ON i.CustomerId = c.CustomerId GROUP BY c.CustomerId"),
            ("linesPerInvoice", "SELECT COUNT(l.InvoiceLineId) FROM Invoice i LEFT JOIN InvoiceLine l ON l.InvoiceId = i.InvoiceId GROUP BY i.InvoiceId"),
            ("tracksPerAlbum", "SELECT COUNT(t.TrackId) FROM Album a LEFT JOIN Track t ON t.AlbumId = a.AlbumId GROUP BY a.AlbumId"),
            ("albumsPerArtist", "SELECT COUNT(al.AlbumId) FROM Artist ar LEFT JOIN Album al ON al.ArtistId = ar.ArtistId GROUP BY ar.ArtistId"),
            ("customersPerSupportRep", "SELECT COUNT(*) FROM Customer WHERE SupportRepId IS NOT NULL GROUP BY SupportRepId"),
        };

        public static int Run(CommandLine options)
        {
            var path = Path.GetFullPath(options.Required("db"));
            options.RejectUnknown();
            if (!File.Exists(path))
            {
                throw new UsageException($"The database '{path}' does not exist.");
            }
            using var connection = SqliteFiles.Open(path, SqliteOpenMode.ReadOnly);

            var tables = Query(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid", r => r.GetString(0));
            Json.WriteLine(new
            {
                db = path,
                bytes = new FileInfo(path).Length,
                foreignKeyViolations = Query(connection, "PRAGMA foreign_key_check", r => 1).Count,
                tables = tables.ToDictionary(t => t, t => TableProfile(connection, t)),
                distributions = Distributions.ToDictionary(d => d.Name, d => Summary(Query(connection, d.Sql, r => r.GetInt64(0)))),
            });
            return 0;
        }

        private static object TableProfile(SqliteConnection connection, string table)
        {
            var rows = Scalar(connection, $"SELECT COUNT(*) FROM [{table}]");
            var columns = Query(connection, $"PRAGMA table_info([{table}])", r => (Name: r.GetString(1), Type: r.GetString(2).ToUpperInvariant()));
            return new
            {
                rows,
                columns = columns.ToDictionary(c => c.Name, c => ColumnProfile(connection, table, c.Name, c.Type, rows)),
            };
        }

        private static object ColumnProfile(SqliteConnection connection, string table, string column, string type, long rows)
        {
            var profile = new Dictionary<string, object?>
            {
                ["nullShare"] = Share(Scalar(connection, $"SELECT COUNT(*) FROM [{table}] WHERE [{column}] IS NULL"), rows),
                ["storage"] = Query(connection, $"SELECT DISTINCT typeof([{column}]) FROM [{table}] WHERE [{column}] IS NOT NULL ORDER BY 1", r => r.GetString(0)),
            };
            if (type.StartsWith("DATE", StringComparison.Ordinal))
            {
                profile["notIsoFormat"] = Scalar(connection, $"SELECT COUNT(*) FROM [{table}] WHERE [{column}] IS NOT NULL AND NOT [{column}] GLOB '{DateGlob}'");
            }
            else if (type.StartsWith("NUMERIC", StringComparison.Ordinal))
            {
                profile["notTwoDecimals"] = Scalar(connection, $"SELECT COUNT(*) FROM [{table}] WHERE ROUND([{column}], 2) <> [{column}]");
                profile["topValues"] = Query(connection,
                    $"SELECT [{column}], COUNT(*) FROM [{table}] GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 5",
                    r => new { value = r.GetValue(0), share = Share(r.GetInt64(1), rows) });
            }
            else if (type.Contains("CHAR", StringComparison.Ordinal))
            {
                var text = Query(connection,
                    $"SELECT AVG(LENGTH([{column}])), MAX(LENGTH([{column}])), AVG(LENGTH(CAST([{column}] AS BLOB))), " +
                    $"SUM(LENGTH(CAST([{column}] AS BLOB)) <> LENGTH([{column}])), COUNT([{column}]) FROM [{table}]",
                    r => new
                    {
                        meanLength = r.IsDBNull(0) ? 0 : Math.Round(r.GetDouble(0), 2),
                        maxLength = r.IsDBNull(1) ? 0 : r.GetInt64(1),
                        meanUtf8Bytes = r.IsDBNull(2) ? 0 : Math.Round(r.GetDouble(2), 2),
                        nonAsciiValueShare = Share(r.IsDBNull(3) ? 0 : r.GetInt64(3), r.GetInt64(4)),
                    }).Single();
                profile["meanLength"] = text.meanLength;
                profile["maxLength"] = text.maxLength;
                profile["meanUtf8Bytes"] = text.meanUtf8Bytes;
                profile["nonAsciiValueShare"] = text.nonAsciiValueShare;
                profile["lengthQuartiles"] = Quartiles(Query(connection,
                    $"SELECT LENGTH([{column}]) FROM [{table}] WHERE [{column}] IS NOT NULL ORDER BY 1", r => r.GetInt64(0)));
            }
            return profile;
        }

        /// <summary>A distribution as shares per size (when sizes are few) and as quartiles.</summary>
        private static object Summary(List<long> values)
        {
            values.Sort();
            var histogram = values.GroupBy(v => v).ToList();
            return new
            {
                groups = values.Count,
                mean = values.Count == 0 ? 0 : Math.Round(values.Average(), 3),
                quartiles = Quartiles(values),
                shares = histogram.Count <= 40
                    ? histogram.ToDictionary(g => g.Key.ToString(CultureInfo.InvariantCulture), g => Share(g.Count(), values.Count))
                    : null,
            };
        }

        private static long[] Quartiles(List<long> sorted) =>
            sorted.Count == 0 ? Array.Empty<long>()
            : new[] { 0.0, 0.25, 0.5, 0.75, 1.0 }.Select(q => sorted[(int)Math.Round(q * (sorted.Count - 1))]).ToArray();

        private static double Share(long part, long whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);
    }
}
