using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Microsoft.Data.Sqlite;

namespace Chinook.Migration.Tests
{
    /// <summary>The shipped database, and small Chinook-shaped databases built inside a test.</summary>
    internal static class TestDatabases
    {
        public static string Shipped => Path.Combine(AppContext.BaseDirectory, "data", "Chinook_Sqlite.sqlite");

        /// <summary>A copy of the shipped database in a scratch folder, for tests that change the data.</summary>
        public static string CopyOfShipped()
        {
            var path = ScratchPath();
            File.Copy(Shipped, path);
            return path;
        }

        /// <summary>Runs SQL against a scratch copy (never the shipped file) and returns its path.</summary>
        public static string ShippedWith(string sql)
        {
            var path = CopyOfShipped();
            Execute(path, sql);
            return path;
        }

        /// <summary>A scratch database with the Chinook schema and no rows, for small databases built by a test.</summary>
        public static string Empty() => ShippedWith(
            "DELETE FROM PlaylistTrack; DELETE FROM Playlist; DELETE FROM InvoiceLine; DELETE FROM Invoice; DELETE FROM Customer; DELETE FROM Employee; " +
            "DELETE FROM Track; DELETE FROM Album; DELETE FROM Artist; DELETE FROM Genre; DELETE FROM MediaType;");

        public static void Execute(string path, string sql)
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, ForeignKeys = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }

        /// <summary>The first column of every row a query answers, as invariant text, from a database opened read-only.</summary>
        public static List<string> Query(string path, string sql)
        {
            using var connection = OpenReadOnly(path);
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
            {
                rows.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
            }
            return rows;
        }

        public static SqliteConnection OpenReadOnly(string path)
        {
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            return connection;
        }

        public static string ScratchPath(string extension = ".sqlite")
        {
            var folder = Path.Combine(Path.GetTempPath(), "chinook-tests");
            Directory.CreateDirectory(folder);
            return Path.Combine(folder, Guid.NewGuid().ToString("N") + extension);
        }
    }
}
