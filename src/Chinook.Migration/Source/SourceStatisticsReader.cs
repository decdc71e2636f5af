using System;
using System.Collections.Generic;
using System.Linq;

namespace Chinook.Migration.Source
{
    /// <summary>Counts and data-quality checks over a source database; every query reads only.</summary>
    public static class SourceStatisticsReader
    {
        /// <param name="targetTableOf">The target table a source table's rows go to: the target layout is not the source's to know.</param>
        public static IReadOnlyList<SourceTableStatistics> ReadTableStatistics(SourceDatabase database, Func<string, string> targetTableOf)
        {
            var counts = CountRows(database);
            var total = counts.Values.Sum();
            return ChinookSchema.Tables
                .Select(t => new SourceTableStatistics(database.Path, t.Name, counts[t.Name], Share(counts[t.Name], total),
                    t.Priority, t.Role, targetTableOf(t.Name), total, database.SizeBytes))
                .OrderByDescending(s => s.Records)
                .ThenBy(s => s.Table, StringComparer.Ordinal)
                .ToList();
        }

        public static IEnumerable<DataQualityFinding> ReadDataQuality(SourceDatabase database)
        {
            var counts = CountRows(database);
            foreach (var table in ChinookSchema.Tables)
            {
                foreach (var column in table.Columns.Where(c => c.Nullable))
                {
                    var nulls = database.Scalar($"SELECT COUNT(*) FROM [{table.Name}] WHERE [{column.Name}] IS NULL");
                    yield return new DataQualityFinding(database.Path, DataQualityCheck.NullValues, table.Name, column.Name, nulls, counts[table.Name],
                        nulls == 0 ? "no nulls" : "left out of the item (sparse attribute)");
                }
            }

            foreach (var table in ChinookSchema.Tables)
            {
                foreach (var fk in table.ForeignKeys)
                {
                    var orphans = database.Scalar($"SELECT COUNT(*) FROM [{table.Name}] AS c WHERE {fk.OrphanCondition("c")}");
                    yield return new DataQualityFinding(database.Path, DataQualityCheck.OrphanForeignKey, table.Name, fk.Column, orphans, counts[table.Name],
                        orphans == 0
                            ? $"every {fk.Column} resolves to {fk.ReferencedTable}"
                            : $"{orphans} row(s) point at no {fk.ReferencedTable}; their denormalized names will be missing");
                }
            }

            var duplicated = database.Scalar(
                "SELECT COALESCE(SUM(n), 0) FROM (SELECT COUNT(*) AS n FROM [Customer] GROUP BY lower([Email]) HAVING COUNT(*) > 1)");
            yield return new DataQualityFinding(database.Path, DataQualityCheck.DuplicateValue, "Customer", "Email", duplicated, counts["Customer"],
                duplicated == 0
                    ? "unique: a customer is found by e-mail through GSI1-EmailSearch"
                    : $"{duplicated} customer(s) share an e-mail address: GSI1-EmailSearch returns all of them");

            foreach (var table in ChinookSchema.Tables)
            {
                foreach (var fk in table.ForeignKeys)
                {
                    yield return new DataQualityFinding(database.Path, DataQualityCheck.Relationship, table.Name, fk.Column, counts[table.Name], counts[table.Name],
                        $"{fk.ReferencedTable} ({fk.Cardinality}) {table.Name}: {fk.Denormalization}");
                }
            }
        }

        private static Dictionary<string, long> CountRows(SourceDatabase database) =>
            ChinookSchema.Tables.ToDictionary(t => t.Name, t => database.Scalar($"SELECT COUNT(*) FROM [{t.Name}]"), StringComparer.OrdinalIgnoreCase);

        private static decimal Share(long part, long total) =>
            total == 0 ? 0m : Math.Round(100m * part / total, 1, MidpointRounding.AwayFromZero);
    }
}
