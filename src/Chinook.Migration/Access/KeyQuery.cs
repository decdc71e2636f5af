using System.Collections.Generic;
using Amazon.DynamoDBv2.Model;
using Chinook.Migration.Items;

namespace Chinook.Migration.Access
{
    /// <summary>
    /// A Query on one partition of the table or of an index, optionally narrowed to one sort key or to sort keys with a prefix, in key
    /// order or newest first, optionally stopped after a number of items. Reads of the table are consistent.
    /// </summary>
    internal sealed class KeyQuery
    {
        private KeyQuery(string? indexName, string partitionKeyName, string partitionKey, string? sortKeyName)
        {
            IndexName = indexName;
            PartitionKeyName = partitionKeyName;
            PartitionKey = partitionKey;
            SortKeyName = sortKeyName;
        }

        public string? IndexName { get; }
        public string PartitionKeyName { get; }
        public string PartitionKey { get; }
        public string? SortKeyName { get; }
        public string? SortKeyPrefix { get; private set; }
        public string? SortKey { get; private set; }
        public bool Descending { get; private set; }
        public int? MaxItems { get; private set; }

        /// <summary>Strongly consistent: an index can only be read eventually consistent.</summary>
        public bool ConsistentRead => IndexName is null;

        /// <summary>Every item with PK = <paramref name="partitionKey"/>, in sort-key order.</summary>
        public static KeyQuery Partition(string partitionKey) =>
            new KeyQuery(null, ChinookKeys.PartitionKeyName, partitionKey, ChinookKeys.SortKeyName);

        /// <summary>Every item of an index whose partition key attribute <paramref name="keyName"/> is <paramref name="value"/>.</summary>
        public static KeyQuery Index(string indexName, string keyName, string value, string? sortKeyName = null) =>
            new KeyQuery(indexName, keyName, value, sortKeyName);

        public KeyQuery SortKeyBeginsWith(string prefix)
        {
            SortKeyPrefix = prefix;
            return this;
        }

        public KeyQuery SortKeyIs(string sortKey)
        {
            SortKey = sortKey;
            return this;
        }

        public KeyQuery NewestFirst()
        {
            Descending = true;
            return this;
        }

        public KeyQuery Take(int? maxItems)
        {
            MaxItems = maxItems;
            return this;
        }

        public ReadRequest Describe(string tableName) => new ReadRequest(tableName, IndexName, "Query",
            $"{PartitionKeyName} = {PartitionKey}" +
            (SortKeyPrefix is null ? string.Empty : $" AND begins_with({SortKeyName}, {SortKeyPrefix})") +
            (SortKey is null ? string.Empty : $" AND {SortKeyName} = {SortKey}") +
            (Descending ? ", newest first" : string.Empty) +
            (MaxItems is int max ? $", first {max}" : string.Empty),
            ConsistentRead);

        /// <summary>The request for the page that starts after <paramref name="startKey"/>, asking for no more than <paramref name="remaining"/> items.</summary>
        public QueryRequest ToRequest(string tableName, Dictionary<string, AttributeValue>? startKey, int? remaining)
        {
            var names = new Dictionary<string, string> { ["#pk"] = PartitionKeyName };
            var values = new Dictionary<string, AttributeValue> { [":pk"] = new AttributeValue { S = PartitionKey } };
            var condition = "#pk = :pk";
            if (SortKeyName is not null && (SortKeyPrefix ?? SortKey) is string sortKeyValue)
            {
                names["#sk"] = SortKeyName;
                values[":sk"] = new AttributeValue { S = sortKeyValue };
                condition += SortKeyPrefix is null ? " AND #sk = :sk" : " AND begins_with(#sk, :sk)";
            }
            var request = new QueryRequest
            {
                TableName = tableName,
                KeyConditionExpression = condition,
                ExpressionAttributeNames = names,
                ExpressionAttributeValues = values,
                ScanIndexForward = !Descending,
                ExclusiveStartKey = startKey,
                Limit = remaining,
            };
            if (IndexName is not null)
            {
                request.IndexName = IndexName;
            }
            else
            {
                request.ConsistentRead = true;
            }
            return request;
        }
    }
}
