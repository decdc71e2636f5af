using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Chinook.Migration.Source;

namespace Chinook.Migration.Validation
{
    /// <summary>
    /// A row's values by column name, stored as one array in schema order. A validation holds every row rebuilt
    /// from the target at once, and a dictionary per row took several times the memory of the values themselves.
    /// </summary>
    internal sealed class ColumnValues : IReadOnlyDictionary<string, object?>
    {
        private static readonly ConditionalWeakTable<SourceTable, Dictionary<string, int>> Positions =
            new ConditionalWeakTable<SourceTable, Dictionary<string, int>>();

        private readonly SourceTable table;
        private readonly object?[] values;

        public ColumnValues(SourceTable table, IReadOnlyDictionary<string, object?> source)
        {
            this.table = table;
            values = new object?[table.Columns.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = source.TryGetValue(table.Columns[i].Name, out var value) ? value : null;
            }
        }

        public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"{table.Name} has no column {key}.");

        public IEnumerable<string> Keys => table.Columns.Select(c => c.Name);

        public IEnumerable<object?> Values => values;

        public int Count => values.Length;

        public bool ContainsKey(string key) => PositionsOf(table).ContainsKey(key);

        public bool TryGetValue(string key, out object? value)
        {
            if (PositionsOf(table).TryGetValue(key, out var position))
            {
                value = values[position];
                return true;
            }
            value = null;
            return false;
        }

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            for (var i = 0; i < values.Length; i++)
            {
                yield return new KeyValuePair<string, object?>(table.Columns[i].Name, values[i]);
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private static Dictionary<string, int> PositionsOf(SourceTable table) =>
            Positions.GetValue(table, t => t.Columns.Select((c, i) => (c.Name, i)).ToDictionary(p => p.Name, p => p.i, System.StringComparer.Ordinal));
    }
}
