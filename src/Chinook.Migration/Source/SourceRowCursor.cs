using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Data.Sqlite;

namespace Chinook.Migration.Source
{
    /// <summary>
    /// Reads an ordered query row by row and turns a source table's columns into item values by the column's
    /// kind. A bad value (text where a number belongs, NULL in a NOT NULL column) throws
    /// <see cref="InvalidSourceValueException"/> naming the table, row and column, so the caller can skip the row.
    /// </summary>
    internal sealed class SourceRowCursor : IDisposable
    {
        private readonly SqliteCommand command;
        private readonly SqliteDataReader reader;
        private readonly Dictionary<string, int> ordinals;
        private readonly List<TableOrdinals> tableOrdinals = new List<TableOrdinals>();
        private readonly List<string> roundedColumns = new List<string>();
        private readonly List<string> rewrittenTimes = new List<string>();
        private readonly Action<long>? onRowRead;

        /// <param name="onRowRead">Called after each row with the count so far: progress and cancellation.</param>
        public SourceRowCursor(SourceDatabase database, string sql, Action<long>? onRowRead = null)
        {
            this.onRowRead = onRowRead;
            command = database.Command(sql);
            reader = command.ExecuteReader();
            ordinals = Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => i, StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>The select list for all of a table's columns under an alias; money is read as SQLite's exact text.</summary>
        public static string Columns(SourceTable table, string alias) =>
            string.Join(", ", table.Columns.Select(c => c.Kind == ColumnKind.Money
                ? $"CAST({alias}.[{c.Name}] AS TEXT) AS [{alias}.{c.Name}]"
                : $"{alias}.[{c.Name}] AS [{alias}.{c.Name}]"));

        public long RowsRead { get; private set; }

        /// <summary>Money columns of the last row read whose value had more than two decimal places.</summary>
        public IReadOnlyList<string> RoundedColumns => roundedColumns;

        /// <summary>
        /// Time columns of the last row read whose text is not in the form the way back writes (SQLite's own
        /// "2021-01-01 00:00:00"): the same instant comes back, in that text.
        /// </summary>
        public IReadOnlyList<string> RewrittenTimes => rewrittenTimes;

        public bool Read()
        {
            roundedColumns.Clear();
            rewrittenTimes.Clear();
            if (!reader.Read())
            {
                return false;
            }
            RowsRead++;
            onRowRead?.Invoke(RowsRead);
            return true;
        }

        /// <summary>Every column of <paramref name="table"/> selected with <see cref="Columns"/>, nulls included.</summary>
        public Dictionary<string, object?> Row(SourceTable table, string alias)
        {
            var columnOrdinals = OrdinalsOf(table, alias).Columns;
            var values = new Dictionary<string, object?>(table.Columns.Count, StringComparer.Ordinal);
            for (var i = 0; i < columnOrdinals.Length; i++)
            {
                values[table.Columns[i].Name] = Value(table, alias, table.Columns[i], columnOrdinals[i]);
            }
            return values;
        }

        /// <summary>True when the labelled column is NULL, as an outer join gives where nothing matched.</summary>
        public bool IsNull(string label) => reader.IsDBNull(ordinals[label]);

        /// <summary>The row's primary key for messages, e.g. "TrackId=5", of a table selected with <see cref="Columns"/>; never throws on a bad value.</summary>
        public string RowKey(SourceTable table, string alias)
        {
            var keyOrdinals = OrdinalsOf(table, alias).PrimaryKey;
            var parts = new string[keyOrdinals.Length];
            for (var i = 0; i < keyOrdinals.Length; i++)
            {
                parts[i] = table.PrimaryKey[i] + "=" + Describe(keyOrdinals[i]);
            }
            return string.Join(", ", parts);
        }

        /// <summary>A whole number copied from another table; null when it is missing or not a whole number.</summary>
        public long? CopiedInteger(string label) => reader.GetValue(ordinals[label]) is long number ? number : (long?)null;

        /// <summary>Text copied from another table; null when it is missing.</summary>
        public string? CopiedText(string label)
        {
            var ordinal = ordinals[label];
            var value = reader.GetValue(ordinal);
            return value is DBNull ? null : Text(ordinal, value);
        }

        /// <summary>Money copied from another table, rounded to two places as a money column is read; null when it is missing or not an amount.</summary>
        public decimal? CopiedMoney(string label) =>
            CopiedText(label) is string text && SourceValues.TryParseMoney(text, out var amount, out _) ? amount : (decimal?)null;

        /// <summary>The labelled column as a key to group rows by: equal when <see cref="CopiedText"/> would give equal text.</summary>
        public GroupKey CopiedGroupKey(string label)
        {
            var ordinal = ordinals[label];
            return reader.GetValue(ordinal) switch
            {
                long number => GroupKey.Of(number),
                DBNull _ => GroupKey.Of(null),
                var value => GroupKey.Of(Text(ordinal, value)),
            };
        }

        // One GetValue per value: SQLite's storage class decides, as IsDBNull, GetFieldType and GetInt64 would, in one call instead of three.
        private object? Value(SourceTable table, string alias, SourceColumn column, int ordinal)
        {
            var value = reader.GetValue(ordinal);
            if (value is DBNull)
            {
                return column.Nullable ? null : throw Invalid(table, alias, column, "is NULL, but the column is NOT NULL.");
            }
            if (value is byte[])
            {
                throw Invalid(table, alias, column, "holds binary data.");
            }
            switch (column.Kind)
            {
                case ColumnKind.Integer:
                    return value is long ? value : throw Invalid(table, alias, column, $"holds '{reader.GetString(ordinal)}', which is not a whole number.");
                case ColumnKind.Money:
                    var money = Text(ordinal, value);
                    if (!SourceValues.TryParseMoney(money, out var amount, out var rounded))
                    {
                        throw Invalid(table, alias, column, $"holds '{money}', which is not an amount of money.");
                    }
                    if (rounded)
                    {
                        roundedColumns.Add($"{column.Name} ({money} to {amount})");
                    }
                    return amount;
                case ColumnKind.DateTime:
                    var text = Text(ordinal, value);
                    if (!SourceValues.TryParseDateTime(text, out var utc))
                    {
                        throw Invalid(table, alias, column, $"holds '{text}', which is not a date and time.");
                    }
                    if (!SourceValues.ComesBackAsIs(text, utc))
                    {
                        rewrittenTimes.Add($"{column.Name} ('{text}' comes back as '{SourceValues.FormatSourceDateTime(utc)}')");
                    }
                    return SourceValues.FormatDateTime(utc);
                default:
                    return Text(ordinal, value);
            }
        }

        /// <summary>A value as text: SQLite's own text of a number where a column holds one.</summary>
        private string Text(int ordinal, object value) => value as string ?? reader.GetString(ordinal);

        private InvalidSourceValueException Invalid(SourceTable table, string alias, SourceColumn column, string message) =>
            new InvalidSourceValueException(table.Name, RowKey(table, alias), column.Name, message);

        // A whole number is formatted here rather than converted to text by SQLite: the same digits, less work.
        private string Describe(int ordinal) => reader.GetValue(ordinal) switch
        {
            DBNull _ => "NULL",
            long number => number.ToString(CultureInfo.InvariantCulture),
            byte[] _ => "(binary)",
            var value => Text(ordinal, value),
        };

        // Every row of a step reads the same table columns: their ordinals are looked up once per cursor, not per value.
        private TableOrdinals OrdinalsOf(SourceTable table, string alias)
        {
            foreach (var known in tableOrdinals)
            {
                if (known.Table == table && known.Alias == alias)
                {
                    return known;
                }
            }
            return LookUpOrdinals(table, alias);
        }

        private TableOrdinals LookUpOrdinals(SourceTable table, string alias)
        {
            int Ordinal(string column) => ordinals[alias + "." + column];
            var added = new TableOrdinals(table, alias, table.Columns.Select(c => Ordinal(c.Name)).ToArray(), table.PrimaryKey.Select(Ordinal).ToArray());
            tableOrdinals.Add(added);
            return added;
        }

        public void Dispose()
        {
            reader.Dispose();
            command.Dispose();
        }

        private sealed class TableOrdinals
        {
            public TableOrdinals(SourceTable table, string alias, int[] columns, int[] primaryKey)
            {
                Table = table;
                Alias = alias;
                Columns = columns;
                PrimaryKey = primaryKey;
            }

            public SourceTable Table { get; }
            public string Alias { get; }

            /// <summary>In the order of <see cref="SourceTable.Columns"/>.</summary>
            public int[] Columns { get; }

            /// <summary>In the order of <see cref="SourceTable.PrimaryKey"/>.</summary>
            public int[] PrimaryKey { get; }
        }
    }
}
