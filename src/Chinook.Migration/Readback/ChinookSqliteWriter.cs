using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Chinook.Migration.Items;
using Chinook.Migration.Source;
using Microsoft.Data.Sqlite;

namespace Chinook.Migration.Readback
{
    /// <summary>
    /// Writes the rows rebuilt from items (<see cref="RowRebuilder"/>) into a new SQLite file with Chinook's own schema
    /// (<see cref="ChinookDdl"/>), as the items arrive: memory holds one item, not the tables. An item whose rows cannot
    /// come back is a <see cref="ReadbackProblem"/> naming its key, and the rest still comes back.
    /// </summary>
    /// <remarks>
    /// Values go back with the storage class the source had: whole numbers as INTEGER, text as TEXT ('' stays ''),
    /// money as the REAL its two-place text reads as (the NUMERIC affinity of the schema stores a whole amount as
    /// INTEGER, as it did in the source), a missing value as NULL, and a time as SQLite's own text
    /// (<see cref="SourceValues.FormatSourceDateTime"/>). Foreign keys are checked once the file is complete, not
    /// while rows arrive in scan order.
    /// </remarks>
    public sealed class ChinookSqliteWriter : IScannedItemSink, IDisposable
    {
        /// <summary>Rows per transaction: the journal of one stays small however large the target is.</summary>
        private const int RowsPerTransaction = 20_000;

        private readonly SqliteConnection connection;
        private readonly string path;
        private readonly string? tablePrefix;
        private readonly Action<ReadbackProblem>? onProblem;
        private readonly Dictionary<string, SqliteCommand> inserts = new Dictionary<string, SqliteCommand>(StringComparer.Ordinal);
        private readonly Dictionary<string, long> rowCounts = ChinookSchema.Tables.ToDictionary(t => t.Name, _ => 0L, StringComparer.Ordinal);
        private SqliteTransaction? transaction;
        private int rowsInTransaction;
        private long itemsRead;
        private long problemCount;

        /// <param name="path">A file that does not exist yet.</param>
        /// <param name="tablePrefix">The prefix of the scanned tables, to tell which of the four an item came from.</param>
        /// <param name="onProblem">Called with each item whose rows do not come back, on the flow that adds it.</param>
        /// <exception cref="SqliteException">The file cannot be created.</exception>
        public ChinookSqliteWriter(string path, string? tablePrefix, Action<ReadbackProblem>? onProblem = null)
        {
            this.path = path;
            this.tablePrefix = tablePrefix;
            this.onProblem = onProblem;
            connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = false,
                ForeignKeys = false,
            }.ToString());
            connection.Open();
            // The file is a temporary one until it is complete and renamed, so a crash must not be survived, only noticed.
            Execute("PRAGMA synchronous = OFF");
            foreach (var statement in ChinookDdl.Statements)
            {
                Execute(statement);
            }
            foreach (var table in ChinookSchema.Tables)
            {
                var command = connection.CreateCommand();
                command.CommandText = $"INSERT INTO [{table.Name}] ({string.Join(", ", table.Columns.Select(c => $"[{c.Name}]"))}) " +
                                      $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
                foreach (var column in table.Columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))
                {
                    command.Parameters.Add(new SqliteParameter(column, DBNull.Value));
                }
                inserts.Add(table.Name, command);
            }
            transaction = connection.BeginTransaction();
        }

        public long ItemsRead => itemsRead;

        public void Add(UnreadableItem item)
        {
            itemsRead++;
            Report(new ReadbackProblem(ReadbackProblemKind.Unreadable, item.Table, item.Key, item.Reason));
        }

        public void Add(ChinookItem item)
        {
            itemsRead++;
            var key = $"PK={item.PK}, SK={item.SK}";
            if (Refusal(item) is { } refusal)
            {
                Report(new ReadbackProblem(refusal.Kind, item.TableName, key, refusal.Message));
                return;
            }
            var rows = new List<(SourceTable Table, object?[] Values)>();
            foreach (var row in RowRebuilder.Rebuild(item))
            {
                var values = new object?[row.Table.Columns.Count];
                for (var i = 0; i < values.Length; i++)
                {
                    var column = row.Table.Columns[i];
                    if (!TryStorageValue(column, row.Values[column.Name], out values[i], out var why))
                    {
                        Report(new ReadbackProblem(ReadbackProblemKind.InvalidValue, item.TableName, key,
                            $"{row.Table.Name} row {RowKey(row.Table, row.Values)}: {column.Name} {why}; nothing of the item comes back.",
                            row.Table.Name, RowKey(row.Table, row.Values)));
                        return;
                    }
                }
                rows.Add((row.Table, values));
            }
            Insert(item, key, rows);
        }

        /// <summary>
        /// Commits the last rows and checks the finished file: PRAGMA foreign_key_check (each finding with its row's
        /// key) and PRAGMA integrity_check. The file is closed afterwards.
        /// </summary>
        public RebuildSummary Complete()
        {
            transaction?.Commit();
            transaction?.Dispose();
            transaction = null;
            var findings = ForeignKeyFindings();
            var integrity = new List<string>();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "PRAGMA integrity_check";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    integrity.Add(reader.GetString(0));
                }
            }
            var summary = new RebuildSummary(path, itemsRead, new Dictionary<string, long>(rowCounts, StringComparer.Ordinal), problemCount, findings, integrity);
            Dispose();
            return summary;
        }

        public void Dispose()
        {
            foreach (var command in inserts.Values)
            {
                command.Dispose();
            }
            inserts.Clear();
            transaction?.Dispose();
            transaction = null;
            connection.Dispose();
        }

        private void Insert(ChinookItem item, string key, List<(SourceTable Table, object?[] Values)> rows)
        {
            if (rows.Count == 0)
            {
                return;
            }
            var current = transaction ?? throw new ObjectDisposedException(nameof(ChinookSqliteWriter));
            // Several rows of one item (an order and its lines) come back together or not at all.
            if (rows.Count > 1)
            {
                current.Save("item");
            }
            foreach (var (table, values) in rows)
            {
                var command = inserts[table.Name];
                command.Transaction = current;
                for (var i = 0; i < values.Length; i++)
                {
                    command.Parameters[i].Value = values[i] ?? DBNull.Value;
                }
                try
                {
                    command.ExecuteNonQuery();
                }
                catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
                {
                    if (rows.Count > 1)
                    {
                        current.Rollback("item");
                        current.Release("item");
                    }
                    foreach (var (written, _) in rows.TakeWhile(r => !ReferenceEquals(r.Values, values)))
                    {
                        rowCounts[written.Name]--;
                    }
                    Report(new ReadbackProblem(ReadbackProblemKind.Conflict, item.TableName, key,
                        $"{table.Name} row {RowKey(table, values)} came back from another item already; nothing of this item comes back.",
                        table.Name, RowKey(table, values)));
                    return;
                }
                rowCounts[table.Name]++;
            }
            if (rows.Count > 1)
            {
                current.Release("item");
            }
            rowsInTransaction += rows.Count;
            if (rowsInTransaction >= RowsPerTransaction)
            {
                current.Commit();
                current.Dispose();
                transaction = connection.BeginTransaction();
                rowsInTransaction = 0;
            }
        }

        /// <summary>Why an item gives no rows before its values are looked at: no layout, the wrong table, a key that contradicts it.</summary>
        private (ReadbackProblemKind Kind, string Message)? Refusal(ChinookItem item)
        {
            if (RowRebuilder.EntityOf(item) is not ChinookEntity entity)
            {
                return (ReadbackProblemKind.NoLayout, item.EntityType.Length == 0
                    ? "The item has no EntityType, so it follows no layout of this module."
                    : $"EntityType '{item.EntityType}' is no Chinook entity, so the item follows no layout of this module.");
            }
            var expectedTable = ChinookEntities.TableOf(entity);
            if (TableNames.BaseName(tablePrefix, item.TableName) is string baseName && baseName != expectedTable)
            {
                return (ReadbackProblemKind.WrongTable, $"A {entity} item belongs in {TableNames.Qualify(tablePrefix, expectedTable)}, not in {item.TableName}.");
            }
            if (NestedList(entity) is { } list && item.Attributes.TryGetValue(list, out var nested)
                && (nested is not IReadOnlyList<object?> elements || elements.Any(e => e is not IReadOnlyDictionary<string, object?>)))
            {
                return (ReadbackProblemKind.NoLayout, $"{list} must be a list of maps, one per row.");
            }
            if (KeyOf(entity) is { } keyed)
            {
                var id = item.Attributes.TryGetValue(keyed.Column, out var value) ? value : null;
                if (id is not long number)
                {
                    return (ReadbackProblemKind.InvalidValue, $"{keyed.Column} is {Describe(id)}, not a whole number.");
                }
                var expected = keyed.Key(number);
                var actual = keyed.InSortKey ? item.SK : item.PK;
                if (!string.Equals(expected, actual, StringComparison.Ordinal))
                {
                    return (ReadbackProblemKind.KeyContradiction,
                        $"Its {(keyed.InSortKey ? "SK" : "PK")} {actual} contradicts its {keyed.Column} {number}, which makes it {expected}.");
                }
            }
            return null;
        }

        private static string? NestedList(ChinookEntity entity) => entity switch
        {
            ChinookEntity.Order => ItemAttributes.Order.LineItems,
            ChinookEntity.PlaylistPage => ItemAttributes.PlaylistPage.Tracks,
            _ => null,
        };

        /// <summary>The id the key of an entity's item is made of, as the transformation makes it (<see cref="ChinookKeys"/>).</summary>
        private static (string Column, Func<long, string> Key, bool InSortKey)? KeyOf(ChinookEntity entity) => entity switch
        {
            ChinookEntity.Artist => ("ArtistId", ChinookKeys.Artist, false),
            ChinookEntity.Album => ("AlbumId", ChinookKeys.Album, true),
            ChinookEntity.Track => ("TrackId", ChinookKeys.Track, true),
            ChinookEntity.Genre => ("GenreId", ChinookKeys.Genre, false),
            ChinookEntity.MediaType => ("MediaTypeId", ChinookKeys.MediaType, false),
            ChinookEntity.Customer => ("CustomerId", ChinookKeys.Customer, false),
            ChinookEntity.Order => ("CustomerId", ChinookKeys.Customer, false),
            ChinookEntity.Playlist => ("PlaylistId", ChinookKeys.Playlist, false),
            ChinookEntity.PlaylistPage => ("PlaylistId", ChinookKeys.Playlist, false),
            ChinookEntity.Employee => ("EmployeeId", ChinookKeys.Employee, false),
            _ => null,
        };

        /// <summary>An item value as SQLite stores it in the column, with the storage class the source had; false with the reason when it cannot be.</summary>
        private static bool TryStorageValue(SourceColumn column, object? value, out object? stored, out string why)
        {
            stored = null;
            why = string.Empty;
            if (value is null)
            {
                why = "is missing, but the column is NOT NULL";
                return column.Nullable;
            }
            switch (column.Kind, value)
            {
                case (ColumnKind.Integer, long number):
                    stored = number;
                    return true;
                case (ColumnKind.Text, string text):
                    stored = text;
                    return true;
                case (ColumnKind.Money, decimal amount):
                    // The REAL that the amount's decimal text reads as: the same double the source held for its two-place text.
                    stored = double.Parse(amount.ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
                    return true;
                case (ColumnKind.DateTime, string time) when SourceValues.TryParseDateTime(time, out var utc):
                    stored = SourceValues.FormatSourceDateTime(utc);
                    return true;
            }
            why = $"is {Describe(value)}, which is not {column.Kind switch { ColumnKind.Integer => "a whole number", ColumnKind.Money => "an amount of money", ColumnKind.DateTime => "a date and time", _ => "text" }}";
            return false;
        }

        private static string Describe(object? value) => value switch
        {
            null => "missing",
            string text => $"the text '{(text.Length > 40 ? text.Substring(0, 37) + "..." : text)}'",
            IReadOnlyDictionary<string, object?> map => $"a map of {map.Count}",
            IReadOnlyList<object?> list => $"a list of {list.Count}",
            bool flag => flag ? "true" : "false",
            IFormattable number => "the number " + number.ToString(null, CultureInfo.InvariantCulture),
            _ => value.GetType().Name,
        };

        private static string RowKey(SourceTable table, IReadOnlyDictionary<string, object?> values) =>
            string.Join(", ", table.PrimaryKey.Select(c => $"{c}={Format(values.TryGetValue(c, out var v) ? v : null)}"));

        private static string RowKey(SourceTable table, object?[] values) =>
            string.Join(", ", table.PrimaryKey.Select(c => $"{c}={Format(values[table.Columns.ToList().FindIndex(x => x.Name == c)])}"));

        private static string Format(object? value) => value is null ? "NULL" : Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;

        private List<ForeignKeyFinding> ForeignKeyFindings()
        {
            var findings = new List<ForeignKeyFinding>();
            foreach (var table in ChinookSchema.Tables)
            {
                var violations = new List<(long RowId, long ForeignKeyId)>();
                using (var check = connection.CreateCommand())
                {
                    check.CommandText = $"PRAGMA foreign_key_check([{table.Name}])";
                    using var reader = check.ExecuteReader();
                    while (reader.Read())
                    {
                        violations.Add((reader.GetInt64(1), reader.GetInt64(3)));
                    }
                }
                if (violations.Count == 0)
                {
                    continue;
                }
                var keys = ForeignKeyColumns(table.Name);
                foreach (var (rowId, foreignKeyId) in violations)
                {
                    var (column, referencedTable, referencedColumn) = keys[foreignKeyId];
                    using var row = connection.CreateCommand();
                    row.CommandText = $"SELECT {string.Join(", ", table.PrimaryKey.Select(c => $"[{c}]"))}, [{column}] FROM [{table.Name}] WHERE rowid = $rowid";
                    row.Parameters.AddWithValue("$rowid", rowId);
                    using var reader = row.ExecuteReader();
                    reader.Read();
                    var key = string.Join(", ", table.PrimaryKey.Select((c, i) => $"{c}={Format(reader.GetValue(i))}"));
                    findings.Add(new ForeignKeyFinding(table.Name, key, column, referencedTable, referencedColumn, reader.GetValue(table.PrimaryKey.Count)));
                }
            }
            return findings;
        }

        private Dictionary<long, (string Column, string ReferencedTable, string ReferencedColumn)> ForeignKeyColumns(string table)
        {
            var keys = new Dictionary<long, (string, string, string)>();
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT id, [from], [table], [to] FROM pragma_foreign_key_list('{table}')";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                keys[reader.GetInt64(0)] = (reader.GetString(1), reader.GetString(2), reader.GetString(3));
            }
            return keys;
        }

        private void Report(ReadbackProblem problem)
        {
            problemCount++;
            onProblem?.Invoke(problem);
        }

        private void Execute(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }
}
