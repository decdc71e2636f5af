using System;
using Chinook.Migration.Items;

namespace Chinook.Migration.Validation
{
    /// <summary>Where an item lives: its table (prefix included) and its primary key.</summary>
    public readonly struct TargetItemKey : IEquatable<TargetItemKey>
    {
        public TargetItemKey(string table, string pk, string sk)
        {
            Table = table;
            PK = pk;
            SK = sk;
        }

        public string Table { get; }
        public string PK { get; }
        public string SK { get; }

        public static TargetItemKey Of(ChinookItem item) => new TargetItemKey(item.TableName, item.PK, item.SK);

        public bool Equals(TargetItemKey other) =>
            string.Equals(Table, other.Table, StringComparison.Ordinal) && string.Equals(PK, other.PK, StringComparison.Ordinal) &&
            string.Equals(SK, other.SK, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is TargetItemKey other && Equals(other);

        public override int GetHashCode()
        {
            unchecked
            {
                var hash = StringComparer.Ordinal.GetHashCode(Table ?? string.Empty);
                hash = (hash * 397) ^ StringComparer.Ordinal.GetHashCode(PK ?? string.Empty);
                return (hash * 397) ^ StringComparer.Ordinal.GetHashCode(SK ?? string.Empty);
            }
        }

        /// <summary>As failing keys name items: "PK=ALBUM#1, SK=TRACK#5" (the table is the check's entity).</summary>
        public override string ToString() => $"PK={PK}, SK={SK}";
    }
}
