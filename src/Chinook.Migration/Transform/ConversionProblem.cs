namespace Chinook.Migration.Transform
{
    public enum ProblemSeverity
    {
        /// <summary>The item was written without something (an index key, denormalized copies); nothing of the source is lost.</summary>
        Warning,

        /// <summary>A source row could not be carried into any item; the rest of the conversion goes on.</summary>
        Error,
    }

    public enum ConversionProblemKind
    {
        /// <summary>A value that cannot be read as its column's kind, or NULL in a NOT NULL column (error).</summary>
        InvalidValue,

        /// <summary>A row whose own data exceeds DynamoDB's 400 KB item limit (error).</summary>
        RowTooLarge,

        /// <summary>A row that has nowhere to go because the row it belongs to does not exist (error).</summary>
        OrphanRow,

        /// <summary>An index key left out because its value is empty or over DynamoDB's key size (warning).</summary>
        IndexKeyLeftOut,

        /// <summary>Denormalized copies left out so the item fits in 400 KB (warning).</summary>
        CopiesLeftOut,

        /// <summary>A money value with more than two decimal places, rounded to NUMERIC(10,2) (warning).</summary>
        MoneyRounded,

        /// <summary>A time whose source text is not SQLite's own "2021-01-01 00:00:00" form: Export-ChinookToSqlite gives the same instant back in that form (warning).</summary>
        TimeRewritten,

        /// <summary>A derived value (a total, a chain of command) left out or cut short because the data behind it is bad (warning).</summary>
        DerivedValueIncomplete,
    }

    /// <summary>Something a conversion could not carry over exactly, naming the source row it concerns.</summary>
    public sealed class ConversionProblem
    {
        public ConversionProblem(ProblemSeverity severity, ConversionProblemKind kind, string sourceTable, string rowKey, string? column, string message)
        {
            Severity = severity;
            Kind = kind;
            SourceTable = sourceTable;
            RowKey = rowKey;
            Column = column;
            Message = message;
        }

        public ProblemSeverity Severity { get; }
        public ConversionProblemKind Kind { get; }
        public string SourceTable { get; }

        /// <summary>The source row's primary key, e.g. "TrackId=5" or "PlaylistId=1, TrackId=3".</summary>
        public string RowKey { get; }

        /// <summary>The column concerned, where there is one.</summary>
        public string? Column { get; }

        /// <summary>A sentence that names the table, the row and what happened.</summary>
        public string Message { get; }

        public override string ToString() => Message;
    }
}
