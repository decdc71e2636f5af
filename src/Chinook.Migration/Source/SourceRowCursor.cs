using System;
using System.Collections.Generic;
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
        private readonly List<string> roundedColumns = new List<string>();
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

        public bool Read()
        {
            roundedColumns.Clear();
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
            var values = new Dictionary<string, object?>(table.Columns.Count, StringComparer.Ordinal);
            foreach (var column in table.Columns)
            {
                values[column.Name] = Value(table, alias, column);
            }
            return values;
        }

        /// <summary>True when the labelled column is NULL, as an outer join gives where nothing matched.</summary>
        public bool IsNull(string label) => reader.IsDBNull(ordinals[label]);

        /// <summary>The row's primary key for messages, e.g. "TrackId=5"; never throws.</summary>
        public string RowKey(SourceTable table, string alias) =>
            string.Join(", ", table.PrimaryKey.Select(c => $"{c}={Describe(ordinals[alias + "." + c])}"));

        /// <summary>A whole number copied from another table; null when it is missing or not a whole number.</summary>
        public long? CopiedInteger(string label)
        {
            var ordinal = ordinals[label];
            return !reader.IsDBNull(ordinal) && reader.GetFieldType(ordinal) == typeof(long) ? reader.GetInt64(ordinal) : (long?)null;
        }

        /// <summary>Text copied from another table; null when it is missing.</summary>
        public string? CopiedText(string label)
        {
            var ordinal = ordinals[label];
            return reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
        }

        private object? Value(SourceTable table, string alias, SourceColumn column)
        {
            var ordinal = ordinals[alias + "." + column.Name];
            if (reader.IsDBNull(ordinal))
            {
                return column.Nullable ? null : throw Invalid(table, alias, column, "is NULL, but the column is NOT NULL.");
            }
            var type = reader.GetFieldType(ordinal);
            if (type == typeof(byte[]))
            {
                throw Invalid(table, alias, column, "holds binary data.");
            }
            switch (column.Kind)
            {
                case ColumnKind.Integer:
                    return type == typeof(long) ? reader.GetInt64(ordinal) : throw Invalid(table, alias, column, $"holds '{reader.GetString(ordinal)}', which is not a whole number.");
                case ColumnKind.Money:
                    var money = reader.GetString(ordinal);
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
                    var text = reader.GetString(ordinal);
                    return SourceValues.TryParseDateTime(text, out var utc)
                        ? SourceValues.FormatDateTime(utc)
                        : throw Invalid(table, alias, column, $"holds '{text}', which is not a date and time.");
                default:
                    return reader.GetString(ordinal);
            }
        }

        private InvalidSourceValueException Invalid(SourceTable table, string alias, SourceColumn column, string message) =>
            new InvalidSourceValueException(table.Name, RowKey(table, alias), column.Name, message);

        private string Describe(int ordinal) =>
            reader.IsDBNull(ordinal) ? "NULL" : reader.GetFieldType(ordinal) == typeof(byte[]) ? "(binary)" : reader.GetString(ordinal);

        public void Dispose()
        {
            reader.Dispose();
            command.Dispose();
        }
    }
}
