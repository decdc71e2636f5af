using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Amazon.DynamoDBv2.Model;
using Chinook.Migration.Items;
using Chinook.Migration.Source;
using Chinook.Migration.Transform;

namespace Chinook.Migration.Comparison
{
    /// <summary>One item the source converts to, as DynamoDB would hold it, and how the target's item of its key compares.</summary>
    public sealed record ComparedItem(ChinookItem Item, Dictionary<string, AttributeValue> Attributes, ItemChange Change)
    {
        public ItemKey Key => ItemKey.Of(Item);
    }

    /// <summary>
    /// Compares the items a source database converts to with a target held as fingerprints
    /// (<see cref="TargetFingerprintStore"/>), by key and content, and counts the changes per table: Unchanged,
    /// Added, Changed, and, once the source is done, Deleted (the target's items that no source item matched). The
    /// source streams past; only the counts and the first keys of each change are held.
    /// </summary>
    public sealed class ItemDiff
    {
        private readonly TargetFingerprintStore target;
        private readonly Dictionary<string, TableDiff> tables;
        private readonly List<TableDiff> inOrder;

        /// <param name="tableNames">The target tables compared (prefix included); source items of other tables are passed over.</param>
        /// <param name="keysKept">How many keys of each kind of change each table keeps for its report.</param>
        public ItemDiff(TargetFingerprintStore target, IEnumerable<string> tableNames, int keysKept)
        {
            this.target = target ?? throw new ArgumentNullException(nameof(target));
            if (keysKept < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(keysKept), keysKept, "No fewer than zero keys can be kept.");
            }
            inOrder = tableNames.Distinct(StringComparer.Ordinal).Select(t => new TableDiff(t, keysKept)).ToList();
            tables = inOrder.ToDictionary(t => t.TableName, StringComparer.Ordinal);
        }

        /// <summary>
        /// Converts the source and compares each item with the target's, in the conversion's order. A conversion
        /// problem goes to <paramref name="onProblem"/> and the stream goes on, as in every conversion.
        /// </summary>
        /// <exception cref="SourceDatabaseException">The source cannot be read.</exception>
        public IEnumerable<ComparedItem> CompareSource(SourceDatabase source, ConversionOptions conversion, IProgress<ConversionProgress>? progress,
            Action<ConversionProblem>? onProblem, CancellationToken cancellationToken)
        {
            foreach (var output in ItemConverter.Convert(source, conversion, progress, cancellationToken))
            {
                if (output.Problem is ConversionProblem problem)
                {
                    onProblem?.Invoke(problem);
                    continue;
                }
                var item = output.Item!;
                if (!tables.ContainsKey(item.TableName))
                {
                    continue;
                }
                var attributes = ItemAttributeMapper.ToAttributeMap(item);
                yield return new ComparedItem(item, attributes, Compare(item.TableName, attributes, item.WriteUnits));
            }
        }

        /// <summary>Compares one item (every attribute, keys included) with the target's item of its key, and counts the outcome.</summary>
        /// <param name="writeUnits">What putting the item costs, counted when it is added or changed.</param>
        public ItemChange Compare(string tableName, IReadOnlyDictionary<string, AttributeValue> item, int writeUnits)
        {
            var key = new ItemKey(tableName, item[ChinookKeys.PartitionKeyName].S, item[ChinookKeys.SortKeyName].S);
            var change = target.Match(key, ItemFingerprint.Of(item));
            tables[tableName].Count(key, change, writeUnits);
            return change;
        }

        /// <summary>The target's items of a table that no compared item matched, in key order, counted as Deleted as they are read. Read once per table, after the source.</summary>
        public IEnumerable<UnmatchedItem> Deleted(string tableName)
        {
            var table = tables[tableName];
            foreach (var item in target.Unmatched(tableName))
            {
                table.CountDeleted(item);
                yield return item;
            }
        }

        /// <summary>The counts so far, one per table, in the order the tables were given.</summary>
        public IReadOnlyList<TableDiff> Tables => inOrder;

        public TableDiff Of(string tableName) => tables[tableName];
    }
}
