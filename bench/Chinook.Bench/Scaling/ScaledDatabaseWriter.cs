using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.Data.Sqlite;

namespace Chinook.Bench.Scaling
{
    /// <summary>
    /// Writes a scaled database: the source's own CREATE statements, then factor copies of every table's rows
    /// through one prepared INSERT per table inside a single transaction, then the source's indexes. Rows are
    /// written as they are made, so memory holds the source and never the scaled data. The file appears under
    /// its final name only when complete.
    /// </summary>
    public static class ScaledDatabaseWriter
    {
        public static IReadOnlyList<(string Table, long Rows)> Write(SourceSnapshot source, RowCopier copier, int factor, string outPath, TextWriter log)
        {
            var partial = outPath + ".partial";
            File.Delete(partial);
            var counts = new List<(string, long)>();
            using (var connection = SqliteFiles.Open(partial, SqliteOpenMode.ReadWriteCreate))
            {
                // The source's page size and encoding, so the copy is laid out as the source is; no journal
                // and no fsync, since a failed run leaves only a .partial file that the next run replaces.
                Execute(connection, $"PRAGMA page_size = {source.PageSize.ToString(CultureInfo.InvariantCulture)}");
                Execute(connection, $"PRAGMA encoding = '{source.Encoding}'");
                Execute(connection, "PRAGMA journal_mode = OFF");
                Execute(connection, "PRAGMA synchronous = OFF");
                Execute(connection, "PRAGMA cache_size = -32768");

                using var transaction = connection.BeginTransaction();
                foreach (var statement in source.Schema.Where(s => s.Type == "table"))
                {
                    Execute(connection, statement.Sql, transaction);
                }
                for (var t = 0; t < source.Tables.Count; t++)
                {
                    var table = source.Tables[t];
                    var rows = InsertCopies(transaction, table, t, copier, factor);
                    counts.Add((table.Name, rows));
                    log.WriteLine($"  {table.Name}: {rows.ToString("N0", CultureInfo.InvariantCulture)} rows");
                }
                // Indexes (and any views or triggers) after the data: building an index once is faster than
                // keeping it sorted through a million inserts, and sqlite_master keeps the source's order.
                foreach (var statement in source.Schema.Where(s => s.Type != "table"))
                {
                    Execute(connection, statement.Sql, transaction);
                }
                transaction.Commit();
            }
            File.Move(partial, outPath, overwrite: true);
            return counts;
        }

        private static long InsertCopies(SqliteTransaction transaction, SnapshotTable table, int tableIndex, RowCopier copier, int factor)
        {
            using var insert = transaction.Connection!.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO [{table.Name}] ({string.Join(", ", table.Columns.Select(c => $"[{c.Name}]"))}) " +
                                 $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
            var parameters = table.Columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter("$p" + i.ToString(CultureInfo.InvariantCulture), null))).ToArray();
            insert.Prepare();
            long rows = 0;
            for (var copy = 0; copy < factor; copy++)
            {
                copier.Copy(table, tableIndex, copy, values =>
                {
                    for (var i = 0; i < parameters.Length; i++)
                    {
                        parameters[i].Value = values[i] ?? DBNull.Value;
                    }
                    insert.ExecuteNonQuery();
                    rows++;
                });
            }
            return rows;
        }

        private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }
}
