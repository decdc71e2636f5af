using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Data.Sqlite;
using static Chinook.Bench.SqliteFiles;

namespace Chinook.Bench.Scaling
{
    /// <summary>What the generator does with a column's values in each new copy of a row.</summary>
    public enum ColumnRole
    {
        /// <summary>The row's own integer id: shifted by the copy number times the table's largest id.</summary>
        OwnId,
        /// <summary>An id of another (or the same) table: shifted like that table's ids, so it stays valid.</summary>
        ForeignId,
        /// <summary>Text: scrambled to new text of the same shape.</summary>
        Text,
        /// <summary>A 'yyyy-MM-dd HH:mm:ss' date: moved by the copy's whole-day shift.</summary>
        Date,
        /// <summary>Numbers such as prices, durations and quantities: kept, so their distribution is the source's.</summary>
        Kept,
    }

    public sealed class SnapshotColumn
    {
        public SnapshotColumn(string name, ColumnRole role, string? referencedTable, bool unique)
        {
            Name = name;
            Role = role;
            ReferencedTable = referencedTable;
            Unique = unique;
        }

        public string Name { get; }
        public ColumnRole Role { get; }
        public string? ReferencedTable { get; }
        /// <summary>Text whose non-null values are all different in the source (e-mails, names): kept unique.</summary>
        public bool Unique { get; }
    }

    public sealed class SnapshotTable
    {
        public SnapshotTable(string name, IReadOnlyList<SnapshotColumn> columns, IReadOnlyList<object?[]> rows, long idStride)
        {
            Name = name;
            Columns = columns;
            Rows = rows;
            IdStride = idStride;
        }

        public string Name { get; }
        public IReadOnlyList<SnapshotColumn> Columns { get; }
        /// <summary>The source rows in primary-key order; values are long, double, string, byte[] or null.</summary>
        public IReadOnlyList<object?[]> Rows { get; }
        /// <summary>How far the ids move from one copy to the next: the table's largest id (0 without an own id).</summary>
        public long IdStride { get; }
    }

    public sealed class SchemaStatement
    {
        public SchemaStatement(string type, string name, string sql)
        {
            Type = type;
            Name = name;
            Sql = sql;
        }

        public string Type { get; }
        public string Name { get; }
        public string Sql { get; }
    }

    /// <summary>
    /// The source database read once into memory: its schema statements in their original order, its
    /// pragmas and its rows. The shipped database is about 1 MB; only the generated copies are large, and
    /// those are streamed to disk.
    /// </summary>
    public sealed class SourceSnapshot
    {
        private SourceSnapshot(IReadOnlyList<SchemaStatement> schema, IReadOnlyList<SnapshotTable> tables, long pageSize, string encoding)
        {
            Schema = schema;
            Tables = tables;
            PageSize = pageSize;
            Encoding = encoding;
        }

        public IReadOnlyList<SchemaStatement> Schema { get; }
        public IReadOnlyList<SnapshotTable> Tables { get; }
        public long PageSize { get; }
        public string Encoding { get; }

        public SnapshotTable Table(string name) =>
            Tables.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"The source has no table {name}.");

        public IEnumerable<string> AllText() =>
            Tables.SelectMany(t => t.Rows).SelectMany(r => r).OfType<string>();

        public static SourceSnapshot Read(string path)
        {
            using var connection = SqliteFiles.Open(path, SqliteOpenMode.ReadOnly);

            var schema = new List<SchemaStatement>();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    schema.Add(new SchemaStatement(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
                }
            }

            var tables = schema.Where(s => s.Type == "table" && !s.Name.StartsWith("sqlite_", StringComparison.Ordinal))
                .Select(s => ReadTable(connection, s.Name))
                .ToList();
            return new SourceSnapshot(schema, tables, Pragma(connection, "page_size"), PragmaText(connection, "encoding"));
        }

        private static SnapshotTable ReadTable(SqliteConnection connection, string table)
        {
            var info = Query(connection, $"PRAGMA table_info([{table}])", r => (Name: r.GetString(1), Type: r.GetString(2).ToUpperInvariant(), Pk: r.GetInt32(5)));
            var foreignKeys = Query(connection, $"PRAGMA foreign_key_list([{table}])", r => (Table: r.GetString(2), From: r.GetString(3)))
                .ToDictionary(f => f.From, f => f.Table, StringComparer.OrdinalIgnoreCase);
            var primaryKey = info.Where(c => c.Pk > 0).OrderBy(c => c.Pk).Select(c => c.Name).ToList();
            var ownId = primaryKey.Count == 1 && !foreignKeys.ContainsKey(primaryKey[0]) && info.Single(c => c.Name == primaryKey[0]).Type == "INTEGER"
                ? primaryKey[0] : null;

            var order = primaryKey.Count > 0 ? " ORDER BY " + string.Join(", ", primaryKey.Select(c => $"[{c}]")) : string.Empty;
            var rows = Query(connection, $"SELECT * FROM [{table}]{order}", r =>
            {
                var values = new object?[r.FieldCount];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = r.IsDBNull(i) ? null : r.GetValue(i);
                }
                return values;
            });

            var columns = info.Select((c, index) =>
            {
                var role = c.Name == ownId ? ColumnRole.OwnId
                    : foreignKeys.ContainsKey(c.Name) ? ColumnRole.ForeignId
                    : c.Type.StartsWith("DATE", StringComparison.Ordinal) ? ColumnRole.Date
                    : IsText(c.Type) ? ColumnRole.Text
                    : ColumnRole.Kept;
                var texts = rows.Select(r => r[index]).OfType<string>().ToList();
                var unique = role == ColumnRole.Text && texts.Count > 1 && texts.Distinct(StringComparer.Ordinal).Count() == texts.Count;
                return new SnapshotColumn(c.Name, role, foreignKeys.TryGetValue(c.Name, out var referenced) ? referenced : null, unique);
            }).ToList();

            var idIndex = ownId == null ? -1 : columns.FindIndex(c => c.Role == ColumnRole.OwnId);
            var stride = idIndex < 0 || rows.Count == 0 ? 0 : rows.Max(r => Convert.ToInt64(r[idIndex]));
            return new SnapshotTable(table, columns, rows, stride);
        }

        private static bool IsText(string declaredType) =>
            declaredType.Contains("CHAR", StringComparison.Ordinal) || declaredType.Contains("TEXT", StringComparison.Ordinal)
            || declaredType.Contains("CLOB", StringComparison.Ordinal);

        private static long Pragma(SqliteConnection connection, string name) => Scalar(connection, $"PRAGMA {name}");

        private static string PragmaText(SqliteConnection connection, string name) =>
            Query(connection, $"PRAGMA {name}", r => r.GetString(0)).Single();
    }
}
