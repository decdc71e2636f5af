using System;
using System.Collections.Generic;
using System.Linq;
using Chinook.Migration.Items;
using Chinook.Migration.Readback;

namespace Chinook.Migration.Validation
{
    /// <summary>
    /// The source rows rebuilt from every item of the target (<see cref="RowRebuilder"/>), by table and key,
    /// with the keys that more than one item claims.
    /// </summary>
    public sealed class RebuiltRows
    {
        private readonly Dictionary<string, Dictionary<string, SourceRow>> tables = new Dictionary<string, Dictionary<string, SourceRow>>(StringComparer.Ordinal);
        private readonly Dictionary<string, Dictionary<string, int>> duplicates = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        private readonly Dictionary<string, long> counts = new Dictionary<string, long>(StringComparer.Ordinal);

        public static RebuiltRows From(IEnumerable<ChinookItem> items)
        {
            var rebuilt = new RebuiltRows();
            foreach (var row in items.SelectMany(RowRebuilder.Rebuild))
            {
                rebuilt.Add(new SourceRow(row.Table, row.Values));
            }
            return rebuilt;
        }

        /// <summary>Every row rebuilt for the table, a row claimed twice counted twice.</summary>
        public long CountOf(string table) => counts.TryGetValue(table, out var count) ? count : 0;

        /// <summary>The rows of a table by key; of a key claimed twice, the first one read.</summary>
        public IReadOnlyDictionary<string, SourceRow> RowsOf(string table) =>
            tables.TryGetValue(table, out var rows) ? rows : new Dictionary<string, SourceRow>();

        /// <summary>Keys more than one item claims, with how many times each.</summary>
        public IReadOnlyDictionary<string, int> DuplicatesOf(string table) =>
            duplicates.TryGetValue(table, out var found) ? found : new Dictionary<string, int>();

        private void Add(SourceRow row)
        {
            counts[row.Table] = CountOf(row.Table) + 1;
            if (!tables.TryGetValue(row.Table, out var rows))
            {
                rows = new Dictionary<string, SourceRow>(StringComparer.Ordinal);
                tables.Add(row.Table, rows);
            }
            if (rows.ContainsKey(row.Key))
            {
                if (!duplicates.TryGetValue(row.Table, out var tableDuplicates))
                {
                    tableDuplicates = new Dictionary<string, int>(StringComparer.Ordinal);
                    duplicates.Add(row.Table, tableDuplicates);
                }
                tableDuplicates[row.Key] = (tableDuplicates.TryGetValue(row.Key, out var times) ? times : 1) + 1;
                return;
            }
            rows.Add(row.Key, row);
        }
    }
}
