using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Chinook.Migration.Source
{
    /// <summary>
    /// A Chinook database opened read-only. Opening checks that the file is SQLite and holds every Chinook
    /// table and column, so later stages fail early with a message that names what is missing.
    /// </summary>
    public sealed class SourceDatabase : IDisposable
    {
        private static readonly byte[] SqliteHeader = Encoding.ASCII.GetBytes("SQLite format 3\0");

        private SourceDatabase(string path, long sizeBytes, SqliteConnection connection)
        {
            Path = path;
            SizeBytes = sizeBytes;
            Connection = connection;
        }

        public static readonly TimeSpan LockWait = TimeSpan.FromSeconds(5);

        public string Path { get; }
        public long SizeBytes { get; }
        internal SqliteConnection Connection { get; }

        public static SourceDatabase Open(string path)
        {
            var fullPath = System.IO.Path.GetFullPath(path);
            var file = new FileInfo(fullPath);
            if (!file.Exists)
            {
                throw new SourceDatabaseException(fullPath, SourceProblem.NotFound, $"Source database '{fullPath}' does not exist.");
            }
            if (file.Length == 0)
            {
                throw new SourceDatabaseException(fullPath, SourceProblem.Empty, $"Source database '{fullPath}' is an empty file.");
            }
            if (!HasSqliteHeader(fullPath))
            {
                throw new SourceDatabaseException(fullPath, SourceProblem.NotSqlite, $"'{fullPath}' is not a SQLite database.");
            }

            var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = fullPath,
                Mode = SqliteOpenMode.ReadOnly,
                Pooling = false,
                // How long to wait for another process's write lock before calling the source locked.
                DefaultTimeout = (int)LockWait.TotalSeconds,
            }.ToString());
            try
            {
                connection.Open();
                var database = new SourceDatabase(fullPath, file.Length, connection);
                database.CheckSchema();
                return database;
            }
            catch (SqliteException ex)
            {
                connection.Dispose();
                throw Translate(fullPath, ex);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        internal SqliteCommand Command(string sql)
        {
            var command = Connection.CreateCommand();
            command.CommandText = sql;
            return command;
        }

        internal long Scalar(string sql)
        {
            using var command = Command(sql);
            try
            {
                return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (SqliteException ex)
            {
                throw Translate(Path, ex);
            }
        }

        internal static SourceDatabaseException Translate(string path, SqliteException ex)
        {
            // SQLITE_BUSY (5) and SQLITE_LOCKED (6): another process holds a write lock.
            if (ex.SqliteErrorCode == 5 || ex.SqliteErrorCode == 6)
            {
                return new SourceDatabaseException(path, SourceProblem.Locked, $"Source database '{path}' is locked by another process: {ex.Message}", ex);
            }
            if (ex.SqliteErrorCode == 26)
            {
                return new SourceDatabaseException(path, SourceProblem.NotSqlite, $"'{path}' is not a SQLite database: {ex.Message}", ex);
            }
            return new SourceDatabaseException(path, SourceProblem.Unreadable, $"Source database '{path}' cannot be read: {ex.Message}", ex);
        }

        private static bool HasSqliteHeader(string path)
        {
            var header = new byte[SqliteHeader.Length];
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var read = 0;
            while (read < header.Length)
            {
                var n = stream.Read(header, read, header.Length - read);
                if (n == 0)
                {
                    return false;
                }
                read += n;
            }
            return header.SequenceEqual(SqliteHeader);
        }

        private void CheckSchema()
        {
            var present = ReadColumns();
            var missingTables = ChinookSchema.Tables.Where(t => !present.ContainsKey(t.Name)).Select(t => t.Name).ToList();
            if (missingTables.Count > 0)
            {
                throw new SourceDatabaseException(Path, SourceProblem.MissingTables,
                    $"'{Path}' is not a Chinook database: it lacks the table(s) {string.Join(", ", missingTables)}.")
                { Missing = missingTables };
            }

            var missingColumns = ChinookSchema.Tables
                .SelectMany(t => t.Columns.Where(c => !present[t.Name].Contains(c.Name)).Select(c => $"{t.Name}.{c.Name}"))
                .ToList();
            if (missingColumns.Count > 0)
            {
                throw new SourceDatabaseException(Path, SourceProblem.MissingColumns,
                    $"'{Path}' lacks the Chinook column(s) {string.Join(", ", missingColumns)}.")
                { Missing = missingColumns };
            }
        }

        private Dictionary<string, HashSet<string>> ReadColumns()
        {
            var tables = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
            using var command = Command(
                "SELECT m.name, p.name FROM sqlite_master AS m JOIN pragma_table_info(m.name) AS p WHERE m.type = 'table'");
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var table = reader.GetString(0);
                if (!tables.TryGetValue(table, out var columns))
                {
                    columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                    tables.Add(table, columns);
                }
                columns.Add(reader.GetString(1));
            }
            return tables;
        }

        public void Dispose() => Connection.Dispose();
    }
}
