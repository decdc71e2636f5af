using System;
using System.Collections.Generic;
using System.Linq;
using Chinook.Migration.Source;

namespace Chinook.Migration.Validation
{
    /// <summary>
    /// One source table against the rows rebuilt from the target: the record count, and every row field by field.
    /// The source rows stream past; only the target side is held in memory.
    /// </summary>
    public static class SourceTableComparison
    {
        private const string Missing = "missing";
        private const string Differing = "differing";
        private const string Duplicated = "held by more than one item";
        private const string Extra = "not in the source";

        /// <returns>The RecordCount result and the DataIntegrity result of the table.</returns>
        public static (ValidationResult RecordCount, ValidationResult DataIntegrity) Compare(SourceTable table, IEnumerable<SourceRow> sourceRows,
            RebuiltRows rebuilt, int failingKeyCount)
        {
            var target = rebuilt.RowsOf(table.Name);
            var duplicated = rebuilt.DuplicatesOf(table.Name);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var rowFindings = new Discrepancies(failingKeyCount);
            var countFindings = new Discrepancies(failingKeyCount);
            long sourceCount = 0;
            long identical = 0;
            foreach (var row in sourceRows)
            {
                sourceCount++;
                seen.Add(row.Key);
                if (!target.TryGetValue(row.Key, out var other))
                {
                    rowFindings.Add(Missing, row.Key, row.Key);
                    countFindings.Add(Missing, row.Key, row.Key);
                    continue;
                }
                var columns = row.DifferingColumns(other);
                if (columns.Count > 0)
                {
                    var detail = string.Join(", ", columns.Select(c => ValueComparison.Difference(c, row.Values[c], other.Values[c]) ?? c));
                    rowFindings.Add(Differing, row.Key, $"{row.Key}: {detail}");
                }
                else if (duplicated.TryGetValue(row.Key, out var times))
                {
                    rowFindings.Add(Duplicated, row.Key, $"{row.Key}: {times} times");
                }
                else
                {
                    identical++;
                }
            }
            foreach (var key in duplicated.Keys.Where(seen.Contains))
            {
                countFindings.Add(Duplicated, key, $"{key}: {duplicated[key]} times");
            }
            foreach (var key in target.Keys.Where(k => !seen.Contains(k)))
            {
                rowFindings.Add(Extra, key, key);
                countFindings.Add(Extra, key, key);
            }

            var targetCount = rebuilt.CountOf(table.Name);
            var countsAgree = targetCount == sourceCount;
            var recordCount = new ValidationResult(ValidationKind.RecordCount, $"{table.Name} row count", table.Name, countsAgree, sourceCount, targetCount,
                countsAgree
                    ? $"{Discrepancies.Count(sourceCount)} rows in the source and rebuilt from the target."
                    : $"{Discrepancies.Count(sourceCount)} rows in the source, {Discrepancies.Count(targetCount)} rebuilt from the target: {countFindings.Summary()}.",
                countsAgree ? null : countFindings.Keys);
            var intact = rowFindings.Total == 0;
            var dataIntegrity = new ValidationResult(ValidationKind.DataIntegrity, $"{table.Name} rows", table.Name, intact, sourceCount, identical,
                intact
                    ? $"All {Discrepancies.Count(sourceCount)} rows rebuilt from the target equal the source, field by field."
                    : $"{Discrepancies.Count(identical)} of {Discrepancies.Count(sourceCount)} rows equal the source; {rowFindings.Summary()}.",
                intact ? null : rowFindings.Keys);
            return (recordCount, dataIntegrity);
        }
    }
}
