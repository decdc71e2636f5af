using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Chinook.Bench.Scaling
{
    /// <summary>
    /// Makes copy number k of a source table's rows. Copy 0 is the source itself, unchanged; copy k > 0 has
    /// ids moved by k times each table's largest id (so every foreign key points into the same copy and stays
    /// valid), scrambled text of the same shape, dates moved by the copy's whole-day shift, and every other
    /// value and every null exactly where the source has them. Copy k is thus a twin of the source with new
    /// names: playlist sizes, invoices per customer, lines per invoice and null shares are the source's.
    /// </summary>
    public sealed class RowCopier
    {
        public const string DateFormat = "yyyy-MM-dd HH:mm:ss";
        /// <summary>Scrambling draws again this often before it gives up keeping a unique column unique.</summary>
        private const int UniqueAttempts = 100;

        private readonly long _seed;
        private readonly TextScrambler _scrambler;
        private readonly IReadOnlyDictionary<string, long> _strides;
        private readonly Dictionary<(string Table, string Column), HashSet<string>> _uniqueValues =
            new Dictionary<(string, string), HashSet<string>>();

        public RowCopier(SourceSnapshot source, long seed)
        {
            _seed = seed;
            _scrambler = new TextScrambler(source.AllText());
            _strides = source.Tables.ToDictionary(t => t.Name, t => t.IdStride, StringComparer.OrdinalIgnoreCase);
            foreach (var table in source.Tables)
            {
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    if (table.Columns[i].Unique)
                    {
                        _uniqueValues[(table.Name, table.Columns[i].Name)] =
                            new HashSet<string>(table.Rows.Select(r => r[i]).OfType<string>(), StringComparer.OrdinalIgnoreCase);
                    }
                }
            }
        }

        /// <summary>Unique values (compared ignoring case, as e-mails are looked up) that could not be kept unique (only very short ones can run out of variants).</summary>
        public int UniqueCollisions { get; private set; }

        /// <summary>The whole-day shift of every date in copy k: within two years either way, 0 for the source.</summary>
        public int DayShift(int copy) => copy == 0 ? 0 : SplitMix64.For(_seed, 1, copy).Next(1461) - 730;

        /// <summary>Fills <paramref name="values"/> with copy k of each source row in turn and calls write.</summary>
        public void Copy(SnapshotTable table, int tableIndex, int copy, Action<object?[]> write)
        {
            var values = new object?[table.Columns.Count];
            var random = SplitMix64.For(_seed, 2, tableIndex, copy);
            var dayShift = DayShift(copy);
            foreach (var row in table.Rows)
            {
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = copy == 0 || row[i] == null ? row[i] : NewValue(table, table.Columns[i], row[i]!, copy, dayShift, random);
                }
                write(values);
            }
        }

        private object NewValue(SnapshotTable table, SnapshotColumn column, object value, int copy, int dayShift, SplitMix64 random)
        {
            switch (column.Role)
            {
                case ColumnRole.OwnId:
                    return Convert.ToInt64(value, CultureInfo.InvariantCulture) + copy * table.IdStride;
                case ColumnRole.ForeignId:
                    return Convert.ToInt64(value, CultureInfo.InvariantCulture) + copy * _strides[column.ReferencedTable!];
                case ColumnRole.Date:
                    return value is string date && DateTime.TryParseExact(date, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                        ? parsed.AddDays(dayShift).ToString(DateFormat, CultureInfo.InvariantCulture)
                        : value;
                case ColumnRole.Text:
                    return value is string text ? NewText(table, column, text, random) : value;
                default:
                    return value;
            }
        }

        private string NewText(SnapshotTable table, SnapshotColumn column, string text, SplitMix64 random)
        {
            if (!column.Unique)
            {
                return _scrambler.Scramble(text, random);
            }
            var seen = _uniqueValues[(table.Name, column.Name)];
            for (var attempt = 0; attempt < UniqueAttempts; attempt++)
            {
                var candidate = _scrambler.Scramble(text, random);
                if (seen.Add(candidate))
                {
                    return candidate;
                }
            }
            UniqueCollisions++;
            return _scrambler.Scramble(text, random);
        }
    }
}
