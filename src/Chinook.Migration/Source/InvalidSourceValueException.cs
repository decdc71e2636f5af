using System;

namespace Chinook.Migration.Source
{
    /// <summary>A value in one source row that cannot be read as its column's kind; the row is skipped, not the run.</summary>
    internal sealed class InvalidSourceValueException : Exception
    {
        public InvalidSourceValueException(string table, string rowKey, string column, string message)
            : base($"{table} row {rowKey}: {column} {message}")
        {
            Table = table;
            RowKey = rowKey;
            Column = column;
        }

        public string Table { get; }
        public string RowKey { get; }
        public string Column { get; }
    }
}
