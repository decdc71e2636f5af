using System;
using System.Collections.Generic;
using Chinook.Migration.Items;
using Chinook.Migration.Source;

namespace Chinook.Migration.Transform
{
    /// <summary>
    /// An item being put together from one source row (and its denormalized copies): it knows which attributes
    /// are copies, so they can go when the item would not fit, and which index keys had to be left out.
    /// </summary>
    internal sealed class ItemDraft
    {
        // Room for the row's columns and what is added to them, so the attributes of a draft do not grow again
        // and again while it is filled. A track adds the most: EntityType, five copies and three index keys.
        private const int AddedAttributes = 9;

        // In the order they were added; a null Strip means the copy is the attribute named What.
        private readonly List<(string What, Action? Strip)> copies = new List<(string, Action?)>();
        private readonly List<ConversionProblem> warnings = new List<ConversionProblem>();

        public ItemDraft(string baseTable, ChinookEntity entity, string partitionKey, string sortKey, SourceTable sourceTable, string rowKey)
        {
            BaseTable = baseTable;
            PartitionKey = partitionKey;
            SortKey = sortKey;
            SourceTable = sourceTable;
            RowKey = rowKey;
            Attributes = new Dictionary<string, object?>(sourceTable.Columns.Count + AddedAttributes, StringComparer.Ordinal)
            {
                [ChinookItem.EntityTypeName] = entity.ToString(),
            };
        }

        public string BaseTable { get; }
        public string PartitionKey { get; }
        public string SortKey { get; }
        public SourceTable SourceTable { get; }
        public string RowKey { get; }
        public Dictionary<string, object?> Attributes { get; }
        public IReadOnlyList<ConversionProblem> Warnings => warnings;
        public bool HasCopies => copies.Count > 0;

        /// <summary>A map attribute value (an order line, a playlist entry) without its null values, as DynamoDB would store it.</summary>
        public static Dictionary<string, object?> Map(params (string Name, object? Value)[] values)
        {
            var map = new Dictionary<string, object?>(values.Length, StringComparer.Ordinal);
            foreach (var (name, value) in values)
            {
                if (value is not null)
                {
                    map[name] = value;
                }
            }
            return map;
        }

        /// <summary>The source row's own columns; nulls are left out when the item is built.</summary>
        public ItemDraft PutRow(IReadOnlyDictionary<string, object?> row)
        {
            foreach (var column in row)
            {
                Attributes[column.Key] = column.Value;
            }
            return this;
        }

        public ItemDraft Put(string name, object? value)
        {
            Attributes[name] = value;
            return this;
        }

        /// <summary>A value copied from another row; it is the first thing to go when the item would not fit.</summary>
        public ItemDraft PutCopy(string name, object? value)
        {
            if (value is not null)
            {
                Attributes[name] = value;
                copies.Add((name, null));
            }
            return this;
        }

        /// <summary>Copies nested inside a value (names inside order lines); <paramref name="strip"/> removes them.</summary>
        public ItemDraft CopiesWithin(string what, Action strip)
        {
            copies.Add((what, strip));
            return this;
        }

        /// <summary>Removes every copy and says which went.</summary>
        public IReadOnlyList<string> StripCopies()
        {
            var stripped = new List<string>();
            foreach (var (what, strip) in copies)
            {
                if (strip is null)
                {
                    Attributes.Remove(what);
                }
                else
                {
                    strip();
                }
                stripped.Add(what);
            }
            copies.Clear();
            return stripped;
        }

        /// <summary>
        /// An index's key attributes, made from <paramref name="indexedValue"/>. A null value leaves the item out of
        /// the index silently (a sparse index; the data-quality report counts nulls); an empty value or a key over
        /// DynamoDB's size limit leaves it out with a warning, as DynamoDB would reject the write.
        /// </summary>
        public ItemDraft PutIndexKeys(string indexName, string indexedColumn, string? indexedValue,
            string partitionKeyName, Func<string, string> partitionKeyOf, string? sortKeyName = null, string? sortKey = null)
        {
            if (indexedValue is null)
            {
                return this;
            }
            string? reason = null;
            var partitionKey = partitionKeyOf(indexedValue);
            if (indexedValue.Length == 0)
            {
                reason = $"{indexedColumn} is empty";
            }
            else if (ItemLimits.Utf8Bytes(partitionKey) > ItemLimits.MaxPartitionKeyBytes)
            {
                reason = $"its key {partitionKeyName} would be {ItemLimits.Utf8Bytes(partitionKey):N0} bytes, over DynamoDB's {ItemLimits.MaxPartitionKeyBytes:N0}";
            }
            else if (sortKey is not null && ItemLimits.Utf8Bytes(sortKey) > ItemLimits.MaxSortKeyBytes)
            {
                reason = $"its key {sortKeyName} would be {ItemLimits.Utf8Bytes(sortKey):N0} bytes, over DynamoDB's {ItemLimits.MaxSortKeyBytes:N0}";
            }
            if (reason is not null)
            {
                warnings.Add(new ConversionProblem(ProblemSeverity.Warning, ConversionProblemKind.IndexKeyLeftOut, SourceTable.Name, RowKey, indexedColumn,
                    $"{SourceTable.Name} row {RowKey} is left out of {indexName}: {reason}. The item is written without {partitionKeyName}."));
                return this;
            }
            Attributes[partitionKeyName] = partitionKey;
            if (sortKeyName is not null)
            {
                Attributes[sortKeyName] = sortKey;
            }
            return this;
        }

        /// <summary>The keys of GSI3-LowerName: the partition <paramref name="partitionKeyOf"/> gives for the name, and the name in lower case.</summary>
        public ItemDraft PutLowerNameKeys(string? name, Func<string, string> partitionKeyOf) =>
            PutIndexKeys(ChinookKeys.LowerNameIndex, "Name", name, ChinookKeys.Gsi3PartitionKeyName, partitionKeyOf,
                ChinookKeys.Gsi3SortKeyName, name is null ? null : ChinookKeys.LowerName(name));
    }
}
