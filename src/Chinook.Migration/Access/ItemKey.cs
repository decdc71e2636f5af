using System;

namespace Chinook.Migration.Access
{
    /// <summary>The primary key of one item (PK and SK), as ChinookKeys builds them.</summary>
    public sealed class ItemKey : IEquatable<ItemKey>
    {
        public ItemKey(string partitionKey, string sortKey)
        {
            PK = string.IsNullOrEmpty(partitionKey) ? throw new ArgumentException("A partition key must not be empty.", nameof(partitionKey)) : partitionKey;
            SK = string.IsNullOrEmpty(sortKey) ? throw new ArgumentException("A sort key must not be empty.", nameof(sortKey)) : sortKey;
        }

        public string PK { get; }
        public string SK { get; }

        public bool Equals(ItemKey? other) => other is not null && string.Equals(PK, other.PK, StringComparison.Ordinal) && string.Equals(SK, other.SK, StringComparison.Ordinal);
        public override bool Equals(object? obj) => Equals(obj as ItemKey);
        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(PK) * 31 + StringComparer.Ordinal.GetHashCode(SK);
        public override string ToString() => $"PK = {PK}, SK = {SK}";
    }
}
