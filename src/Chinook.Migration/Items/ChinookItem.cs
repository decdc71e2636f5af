using System;
using System.Collections.Generic;

namespace Chinook.Migration.Items
{
    /// <summary>
    /// One DynamoDB item bound for one of the four Chinook tables: its key, its entity type and every other
    /// attribute as a plain .NET value, with its size by DynamoDB's rules and what writing it costs.
    /// </summary>
    /// <remarks>
    /// Attribute values are string, long, decimal (exact: money never goes through binary floating point),
    /// bool, <see cref="List{T}"/> of values and <see cref="Dictionary{TKey,TValue}"/> of values. A null is
    /// never stored: a null attribute is left out, as DynamoDB items are sparse. The item is immutable: the
    /// constructor copies what it is given (only the conversion, whose drafts give their values away, has
    /// them checked and taken over instead: see <see cref="FromGivenValues"/>).
    /// </remarks>
    public sealed class ChinookItem
    {
        public const string EntityTypeName = "EntityType";

        private readonly Dictionary<string, object?> attributes;

        /// <param name="tableName">The target table's name, environment prefix included.</param>
        /// <param name="attributes">Every attribute but PK and SK; EntityType among them.</param>
        public ChinookItem(string tableName, string partitionKey, string sortKey, IEnumerable<KeyValuePair<string, object?>> attributes)
            : this(tableName, partitionKey, sortKey, attributes, givenAway: false)
        {
        }

        private ChinookItem(string tableName, string partitionKey, string sortKey, IEnumerable<KeyValuePair<string, object?>> attributes, bool givenAway)
        {
            TableName = RequireText(tableName, nameof(tableName));
            PK = RequireText(partitionKey, nameof(partitionKey));
            SK = RequireText(sortKey, nameof(sortKey));
            this.attributes = new Dictionary<string, object?>(attributes is IReadOnlyCollection<KeyValuePair<string, object?>> given ? given.Count : 0, StringComparer.Ordinal);
            foreach (var attribute in attributes)
            {
                if (attribute.Key == ChinookKeys.PartitionKeyName || attribute.Key == ChinookKeys.SortKeyName)
                {
                    throw new ArgumentException($"The key attribute {attribute.Key} is given as partitionKey or sortKey, not among the attributes.", nameof(attributes));
                }
                if (attribute.Value is not null)
                {
                    this.attributes.Add(attribute.Key, givenAway ? PlainValue.TakeOver(attribute.Value, attribute.Key) : PlainValue.Copy(attribute.Value, attribute.Key));
                }
            }
            EntityType = this.attributes.TryGetValue(EntityTypeName, out var entityType) && entityType is string text ? text : string.Empty;
            SizeBytes = ItemSize.Of(PK, SK, this.attributes);
            WriteUnits = ItemLimits.WriteUnits(SizeBytes);
        }

        /// <summary>
        /// An item made from values the caller gives away and never changes again (the conversion's drafts): the
        /// lists and maps are checked and taken over instead of copied. The top-level attributes are still
        /// copied, as the caller's collection holds the nulls an item leaves out.
        /// </summary>
        internal static ChinookItem FromGivenValues(string tableName, string partitionKey, string sortKey, IEnumerable<KeyValuePair<string, object?>> attributes) =>
            new ChinookItem(tableName, partitionKey, sortKey, attributes, givenAway: true);

        public string TableName { get; }
        public string PK { get; }
        public string SK { get; }

        /// <summary>The EntityType attribute (Artist, Track, Order, ...); empty when the item has none.</summary>
        public string EntityType { get; }

        /// <summary>Every attribute except PK and SK, by name (case-sensitive, as in DynamoDB).</summary>
        public IReadOnlyDictionary<string, object?> Attributes => attributes;

        /// <summary>The item's size in bytes by DynamoDB's item-size rules, keys included.</summary>
        public int SizeBytes { get; }

        /// <summary>Write request units one put of this item consumes (1 per started KB).</summary>
        public int WriteUnits { get; }

        public override string ToString() => $"{TableName} {PK} {SK}";

        private static string RequireText(string value, string name) =>
            string.IsNullOrEmpty(value) ? throw new ArgumentException("A table name and key values must not be empty.", name) : value;
    }
}
