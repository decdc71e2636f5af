using System;
using System.Collections.Generic;
using Amazon.DynamoDBv2.Model;
using Chinook.Migration.Items;

namespace Chinook.Migration.Target.Writing
{
    /// <summary>One item on its way to DynamoDB, put or deleted: where it goes, its key, its attributes and what it costs.</summary>
    public sealed class PendingWrite
    {
        public PendingWrite(string tableName, string partitionKey, string sortKey, Dictionary<string, AttributeValue> attributes, int sizeBytes, int writeUnits)
        {
            TableName = tableName;
            PartitionKey = partitionKey;
            SortKey = sortKey;
            Attributes = attributes;
            SizeBytes = sizeBytes;
            WriteUnits = writeUnits;
        }

        /// <summary>A converted item on its way to the given table (its own TableName, or that name re-prefixed).</summary>
        public static PendingWrite FromItem(ChinookItem item, string tableName) =>
            new PendingWrite(tableName, item.PK, item.SK, ItemAttributeMapper.ToAttributeMap(item), item.SizeBytes, item.WriteUnits);

        /// <summary>
        /// The removal of the item at this key: DeleteRequest in place of PutRequest, batched, retried and limited as
        /// puts are. Its attributes are the key alone; it costs the write units of the item it removes.
        /// </summary>
        public static PendingWrite Delete(ItemKey key, int deletedItemWriteUnits)
        {
            var attributes = new Dictionary<string, AttributeValue>
            {
                [ChinookKeys.PartitionKeyName] = new AttributeValue { S = key.PartitionKey },
                [ChinookKeys.SortKeyName] = new AttributeValue { S = key.SortKey },
            };
            return new PendingWrite(key.TableName, key.PartitionKey, key.SortKey, attributes, ItemSize.Of(key.PartitionKey, key.SortKey, Array.Empty<KeyValuePair<string, object?>>()),
                deletedItemWriteUnits) { IsDelete = true };
        }

        public string TableName { get; }
        public string PartitionKey { get; }
        public string SortKey { get; }

        public Dictionary<string, AttributeValue> Attributes { get; }
        public int SizeBytes { get; }
        public int WriteUnits { get; }

        public bool IsDelete { get; private init; }

        public ItemKey Key => new ItemKey(TableName, PartitionKey, SortKey);

        /// <summary>The item's place in the order it was added, numbered by the writer.</summary>
        internal long Sequence { get; set; }
    }
}
