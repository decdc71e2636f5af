using System;
using System.Collections.Generic;
using System.Linq;
using Chinook.Migration.Source;

namespace Chinook.Migration.Validation
{
    /// <summary>
    /// One row of a source table with its values as the items carry them: whole numbers as long, text as
    /// string, money as decimal with two places, times as ISO-8601 UTC text, a missing value as null. Rows read
    /// from the source and rows rebuilt from items take this one form, so they compare value by value.
    /// </summary>
    public sealed class SourceRow : IEquatable<SourceRow>
    {
        public SourceRow(SourceTable table, IReadOnlyDictionary<string, object?> values)
        {
            Table = table.Name;
            Values = new ColumnValues(table, values);
            Key = FormatKey(table, Values);
        }

        public string Table { get; }

        /// <summary>The primary key, as problems and findings name rows: "TrackId=5", "PlaylistId=1, TrackId=3".</summary>
        public string Key { get; }

        /// <summary>Every column of the table, in schema order, null where the row has no value.</summary>
        public IReadOnlyDictionary<string, object?> Values { get; }

        public static string FormatKey(SourceTable table, IReadOnlyDictionary<string, object?> values) =>
            string.Join(", ", table.PrimaryKey.Select(c => $"{c}={(values.TryGetValue(c, out var v) && v is not null ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) : "NULL")}"));

        /// <summary>The columns whose values differ from <paramref name="other"/>'s (a row of the same table).</summary>
        public IReadOnlyList<string> DifferingColumns(SourceRow other) =>
            Values.Keys.Where(c => !Equals(Values[c], other.Values.TryGetValue(c, out var v) ? v : null)).ToList();

        public bool Equals(SourceRow? other) =>
            other is not null && Table == other.Table && Values.Count == other.Values.Count && DifferingColumns(other).Count == 0;

        public override bool Equals(object? obj) => Equals(obj as SourceRow);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Table + "|" + Key);

        public override string ToString() =>
            $"{Table}({string.Join(", ", Values.Select(v => $"{v.Key}={(v.Value is null ? "NULL" : Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture))}"))})";
    }
}
