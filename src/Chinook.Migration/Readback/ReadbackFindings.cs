using System.Collections.Generic;

namespace Chinook.Migration.Readback
{
    /// <summary>Why an item of the target gave no rows back.</summary>
    public enum ReadbackProblemKind
    {
        /// <summary>The item cannot be read as a Chinook item: no string key, a set or binary value.</summary>
        Unreadable,

        /// <summary>The item follows no layout: its EntityType names no Chinook entity, or a list holds something other than maps.</summary>
        NoLayout,

        /// <summary>The item's entity belongs in another of the four tables.</summary>
        WrongTable,

        /// <summary>The item's key names another row than its attributes do (PK=CUSTOMER#5 holding CustomerId 6).</summary>
        KeyContradiction,

        /// <summary>A value that its column cannot hold: missing in a NOT NULL column, text where a number belongs, a time that is no time.</summary>
        InvalidValue,

        /// <summary>A row that another item gave back already (the same InvoiceId in two orders, the same TrackId in two albums).</summary>
        Conflict,
    }

    /// <summary>An item of the target whose rows do not come back, naming its table and key; the other items still come back.</summary>
    public sealed class ReadbackProblem
    {
        public ReadbackProblem(ReadbackProblemKind kind, string table, string key, string message, string? sourceTable = null, string? rowKey = null)
        {
            Kind = kind;
            Table = table;
            Key = key;
            Message = message;
            SourceTable = sourceTable;
            RowKey = rowKey;
        }

        public ReadbackProblemKind Kind { get; }

        /// <summary>The target table, prefix included.</summary>
        public string Table { get; }

        /// <summary>"PK=.., SK=.." of the item.</summary>
        public string Key { get; }

        public string Message { get; }

        /// <summary>The Chinook table of the row concerned, where the problem is one row's (a conflict, a bad value).</summary>
        public string? SourceTable { get; }

        /// <summary>That row's key: "InvoiceId=5".</summary>
        public string? RowKey { get; }

        public override string ToString() => $"{Table} {Key}: {Message}";
    }

    /// <summary>A rebuilt row whose foreign key names no row: what SQLite's foreign_key_check finds, with the row's key.</summary>
    public sealed class ForeignKeyFinding
    {
        public ForeignKeyFinding(string table, string rowKey, string column, string referencedTable, string referencedColumn, object? value)
        {
            Table = table;
            RowKey = rowKey;
            Column = column;
            ReferencedTable = referencedTable;
            ReferencedColumn = referencedColumn;
            Value = value;
        }

        /// <summary>The Chinook table of the row (InvoiceLine, ...).</summary>
        public string Table { get; }

        /// <summary>"InvoiceLineId=7", "PlaylistId=1, TrackId=3".</summary>
        public string RowKey { get; }

        public string Column { get; }
        public string ReferencedTable { get; }
        public string ReferencedColumn { get; }
        public object? Value { get; }

        public override string ToString() => $"{Table} {RowKey}: {Column}={Value} names no {ReferencedTable} row";
    }

    /// <summary>What one rebuild gave back: rows per table, the items that gave none, and the checks of the finished file.</summary>
    public sealed class RebuildSummary
    {
        public RebuildSummary(string path, long itemsRead, IReadOnlyDictionary<string, long> rowCounts, long problemCount,
            IReadOnlyList<ForeignKeyFinding> foreignKeyFindings, IReadOnlyList<string> integrityCheck)
        {
            Path = path;
            ItemsRead = itemsRead;
            RowCounts = rowCounts;
            ProblemCount = problemCount;
            ForeignKeyFindings = foreignKeyFindings;
            IntegrityCheck = integrityCheck;
        }

        /// <summary>The SQLite file the rows are in.</summary>
        public string Path { get; }

        public long ItemsRead { get; }

        /// <summary>Every row written, over all 11 tables.</summary>
        public long RowCount
        {
            get
            {
                long total = 0;
                foreach (var count in RowCounts.Values)
                {
                    total += count;
                }
                return total;
            }
        }

        /// <summary>Rows written, by Chinook table, all 11 present.</summary>
        public IReadOnlyDictionary<string, long> RowCounts { get; }

        /// <summary>Items reported as a <see cref="ReadbackProblem"/>.</summary>
        public long ProblemCount { get; }

        public IReadOnlyList<ForeignKeyFinding> ForeignKeyFindings { get; }

        /// <summary>PRAGMA integrity_check's answer: "ok" alone when the file is sound.</summary>
        public IReadOnlyList<string> IntegrityCheck { get; }

        /// <summary>The same summary of the file under another name (the temporary file once renamed).</summary>
        public RebuildSummary At(string path) => new RebuildSummary(path, ItemsRead, RowCounts, ProblemCount, ForeignKeyFindings, IntegrityCheck);
    }
}
