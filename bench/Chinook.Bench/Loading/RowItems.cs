using System;
using System.Collections.Generic;
using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Microsoft.Data.Sqlite;

namespace Chinook.Bench.Loading
{
    /// <summary>
    /// Items made straight from a database's rows, when no item file from the module is at hand: one item per
    /// row of the 11 tables, every non-null column as an attribute, under the project's key layout (artists,
    /// albums, tracks, genres, media types, customers and orders keyed as decided, with the name and e-mail
    /// indexes). Rows the module embeds (invoice lines, playlist tracks) become items of their own here, so
    /// this set has more, smaller items than the module writes: a stand-in for the server's ceiling, not the
    /// module's exact load.
    /// </summary>
    public static class RowItems
    {
        private delegate (string Pk, string Sk) KeyRule(IReadOnlyDictionary<string, object> row);

        private static readonly Dictionary<string, (string Table, KeyRule Keys)> Layout = new Dictionary<string, (string, KeyRule)>(StringComparer.OrdinalIgnoreCase)
        {
            ["Artist"] = ("MusicCatalog", r => ($"ARTIST#{r["ArtistId"]}", "METADATA")),
            ["Album"] = ("MusicCatalog", r => ($"ARTIST#{r["ArtistId"]}", $"ALBUM#{r["AlbumId"]}")),
            ["Track"] = ("MusicCatalog", r => ($"ALBUM#{Get(r, "AlbumId")}", $"TRACK#{r["TrackId"]}")),
            ["Genre"] = ("MusicCatalog", r => ($"GENRE#{r["GenreId"]}", "METADATA")),
            ["MediaType"] = ("MusicCatalog", r => ($"MEDIATYPE#{r["MediaTypeId"]}", "METADATA")),
            ["Customer"] = ("CustomerOrders", r => ($"CUSTOMER#{r["CustomerId"]}", "PROFILE")),
            ["Invoice"] = ("CustomerOrders", r => ($"CUSTOMER#{r["CustomerId"]}", $"ORDER#{IsoDate(r["InvoiceDate"])}#{Convert.ToInt64(r["InvoiceId"], CultureInfo.InvariantCulture):D10}")),
            ["InvoiceLine"] = ("CustomerOrders", r => ($"INVOICE#{r["InvoiceId"]}", $"LINE#{r["InvoiceLineId"]}")),
            ["Playlist"] = ("Playlists", r => ($"PLAYLIST#{r["PlaylistId"]}", "METADATA")),
            ["PlaylistTrack"] = ("Playlists", r => ($"PLAYLIST#{r["PlaylistId"]}", $"TRACK#{r["TrackId"]}")),
            ["Employee"] = ("EmployeeManagement", r => ($"EMPLOYEE#{r["EmployeeId"]}", "PROFILE")),
        };

        public static IEnumerable<BenchItem> Read(string path)
        {
            using var connection = SqliteFiles.Open(path, SqliteOpenMode.ReadOnly);
            foreach (var (sourceTable, (target, keys)) in Layout)
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM [{sourceTable}]";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    var row = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        if (!reader.IsDBNull(i))
                        {
                            row[reader.GetName(i)] = reader.GetValue(i);
                        }
                    }
                    var (pk, sk) = keys(row);
                    var item = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
                    {
                        ["PK"] = new AttributeValue { S = pk },
                        ["SK"] = new AttributeValue { S = sk },
                        ["EntityType"] = new AttributeValue { S = sourceTable },
                    };
                    foreach (var (column, value) in row)
                    {
                        item[column] = ToAttribute(value);
                    }
                    AddIndexKeys(sourceTable, row, item);
                    var size = ItemSize.Of(item);
                    yield return new BenchItem(target, item, size, ItemSize.WriteUnits(size));
                }
            }
        }

        private static void AddIndexKeys(string table, IReadOnlyDictionary<string, object> row, Dictionary<string, AttributeValue> item)
        {
            void Set(string name, string value) => item[name] = new AttributeValue { S = value };
            switch (table)
            {
                case "Artist" when row.ContainsKey("Name"):
                    Set("GSI1PK", $"ARTIST_NAME#{row["Name"]}");
                    Set("GSI1SK", $"ARTIST#{row["ArtistId"]}");
                    break;
                case "Track":
                    Set("GSI1PK", $"TRACK_NAME#{row["Name"]}");
                    Set("GSI1SK", $"TRACK#{row["TrackId"]}");
                    if (row.ContainsKey("GenreId"))
                    {
                        Set("GSI2PK", $"GENRE#{row["GenreId"]}");
                    }
                    break;
                case "Customer":
                    Set("GSI1PK", $"EMAIL#{((string)row["Email"]).ToLowerInvariant()}");
                    Set("GSI1SK", $"CUSTOMER#{row["CustomerId"]}");
                    break;
            }
        }

        private static object Get(IReadOnlyDictionary<string, object> row, string column) =>
            row.TryGetValue(column, out var value) ? value : "NONE";

        private static string IsoDate(object value) =>
            DateTime.ParseExact((string)value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        /// <summary>Money is stored as REAL; it goes out as the exact two-decimal number the schema means.</summary>
        private static AttributeValue ToAttribute(object value) => value switch
        {
            long l => new AttributeValue { N = l.ToString(CultureInfo.InvariantCulture) },
            double d => new AttributeValue { N = Math.Round((decimal)d, 2).ToString(CultureInfo.InvariantCulture) },
            string s => new AttributeValue { S = s },
            _ => new AttributeValue { S = Convert.ToString(value, CultureInfo.InvariantCulture) },
        };
    }
}
