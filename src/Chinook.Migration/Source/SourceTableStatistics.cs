namespace Chinook.Migration.Source
{
    /// <summary>One source table's size and where it goes: a row of the pre-migration analysis.</summary>
    public sealed class SourceTableStatistics
    {
        public SourceTableStatistics(string database, string table, long records, decimal percentage, MigrationPriority priority,
            string role, string targetTable, long totalRecords, long databaseSizeBytes)
        {
            Database = database;
            Table = table;
            Records = records;
            Percentage = percentage;
            Priority = priority;
            Role = role;
            TargetTable = targetTable;
            TotalRecords = totalRecords;
            DatabaseSizeBytes = databaseSizeBytes;
        }

        public string Database { get; }
        public string Table { get; }
        public long Records { get; }
        /// <summary>Share of all records in the database, in percent, to one decimal place.</summary>
        public decimal Percentage { get; }
        public MigrationPriority Priority { get; }
        public string Role { get; }
        public string TargetTable { get; }
        public long TotalRecords { get; }
        public long DatabaseSizeBytes { get; }
    }
}
