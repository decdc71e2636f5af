namespace Chinook.Migration.Source
{
    public enum DataQualityCheck { NullValues, OrphanForeignKey, DuplicateValue, Relationship }

    /// <summary>
    /// One thing a migration engineer should know about the source before migrating: a column's share of
    /// nulls, rows whose foreign key resolves to nothing, duplicate values the target uses as a lookup key,
    /// or a relationship and how the target denormalizes it.
    /// </summary>
    public sealed class DataQualityFinding
    {
        public DataQualityFinding(string database, DataQualityCheck check, string table, string column, long count, long outOf, string detail)
        {
            Database = database;
            Check = check;
            Table = table;
            Column = column;
            Count = count;
            OutOf = outOf;
            Percentage = outOf == 0 ? 0m : System.Math.Round(100m * count / outOf, 1, System.MidpointRounding.AwayFromZero);
            Detail = detail;
        }

        public string Database { get; }
        public DataQualityCheck Check { get; }
        public string Table { get; }
        public string Column { get; }
        /// <summary>Rows affected: nulls, orphans, duplicated rows, or the rows of the child table for a relationship.</summary>
        public long Count { get; }
        public long OutOf { get; }
        public decimal Percentage { get; }
        public string Detail { get; }
    }
}
