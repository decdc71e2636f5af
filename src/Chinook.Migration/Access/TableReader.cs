using System;
using System.IO;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Chinook.Migration.Items;
using Chinook.Migration.Target;

namespace Chinook.Migration.Access
{
    /// <summary>
    /// The reads every access pattern is made of, on one table: GetItem, a Query or Scan that follows
    /// LastEvaluatedKey through every page, and BatchGetItem in requests of 25 keys that retries the keys DynamoDB
    /// hands back unprocessed. Items come back as <see cref="ChinookItem"/>; failures as <see cref="DynamoOperationException"/>.
    /// </summary>
    internal sealed class TableReader
    {
        /// <summary>DynamoDB's limit on the keys of one BatchGetItem request.</summary>
        public const int BatchGetMaxKeys = 25;

        private const int BatchGetMaxAttempts = 10;
        private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(50);
        private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(2);

        private readonly IAmazonDynamoDB client;
        private readonly Func<TimeSpan, CancellationToken, Task> delay;

        public TableReader(DynamoConnection connection, string? tablePrefix, string baseName, Func<TimeSpan, CancellationToken, Task>? delay = null)
        {
            if (connection is null)
            {
                throw new ArgumentNullException(nameof(connection));
            }
            TableNames.ValidatePrefix(tablePrefix);
            client = connection.Client;
            TableName = TableNames.Qualify(tablePrefix, baseName);
            this.delay = delay ?? Task.Delay;
        }

        public string TableName { get; }

        /// <summary>The key of an item in this table.</summary>
        public ItemKey Key(string partitionKey, string sortKey) => new ItemKey(TableName, partitionKey, sortKey);

        /// <summary>
        /// An item as read, or, for one no Chinook item can be (a NULL in a list, a set, no string key), the reason naming
        /// its key: what a reader does with an item the migration did not write, never an error of another kind.
        /// </summary>
        /// <exception cref="InvalidDataException">The item cannot be read as a Chinook item.</exception>
        private ChinookItem Read(Dictionary<string, AttributeValue> map)
        {
            try
            {
                return ItemAttributeMapper.FromAttributeMap(TableName, map);
            }
            catch (ArgumentException ex)
            {
                throw new InvalidDataException($"Item {TableName} {ItemAttributeMapper.DescribeKey(map)} cannot be read: {ex.Message}", ex);
            }
        }

        /// <summary>One item by its key, read consistently; null when there is none.</summary>
        public async Task<ChinookItem?> GetAsync(ItemKey key, ReadCall call, CancellationToken cancellationToken)
        {
            var request = new ReadRequest(TableName, null, "GetItem", key.ToString(), consistentRead: true);
            call.Started(request);
            var response = await DynamoErrors.Call(TableName, "read from",
                () => client.GetItemAsync(new GetItemRequest { TableName = TableName, Key = ToKey(key), ConsistentRead = true }, cancellationToken),
                cancellationToken).ConfigureAwait(false);
            var item = response.Item is { Count: > 0 } map ? Read(map) : null;
            call.PageRead(request, 1, item is null ? 0 : 1, finished: true);
            return item;
        }

        /// <summary>Every item the query matches (up to its MaxItems), page after page, in the order DynamoDB returns them.</summary>
        public Task<IReadOnlyList<ChinookItem>> QueryAsync(KeyQuery query, ReadCall call, CancellationToken cancellationToken) =>
            ReadPagesAsync(query.Describe(TableName), query.MaxItems, call, async (startKey, read) =>
            {
                var request = query.ToRequest(TableName, startKey, query.MaxItems - read);
                var response = await DynamoErrors.Call(TableName, "query", () => client.QueryAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false);
                return (response.Items, response.LastEvaluatedKey);
            });

        /// <summary>
        /// Every item whose sort key is <paramref name="sortKey"/>, by a Scan of the whole table (page after page),
        /// with only the attributes named. For small tables that have no index for the question.
        /// </summary>
        public Task<IReadOnlyList<ChinookItem>> ScanSortKeyAsync(string sortKey, IReadOnlyList<string> attributes, ReadCall call, CancellationToken cancellationToken)
        {
            var names = new Dictionary<string, string> { ["#pk"] = ChinookKeys.PartitionKeyName, ["#sk"] = ChinookKeys.SortKeyName };
            for (var i = 0; i < attributes.Count; i++)
            {
                names["#a" + i] = attributes[i];
            }
            return ScanAsync(new ReadRequest(TableName, null, "Scan", $"SK = {sortKey}", consistentRead: true), () => new ScanRequest
            {
                FilterExpression = "#sk = :sk",
                ProjectionExpression = string.Join(", ", names.Keys),
                ExpressionAttributeNames = names,
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":sk"] = new AttributeValue { S = sortKey } },
            }, call, cancellationToken);
        }

        /// <summary>Every item of this entity type, by a Scan of the whole table (page after page) filtered on EntityType.</summary>
        public Task<IReadOnlyList<ChinookItem>> ScanEntityAsync(ChinookEntity entity, ReadCall call, CancellationToken cancellationToken) =>
            ScanAsync(new ReadRequest(TableName, null, "Scan", $"{ChinookItem.EntityTypeName} = {entity}", consistentRead: true), () => new ScanRequest
            {
                FilterExpression = "#type = :type",
                ExpressionAttributeNames = new Dictionary<string, string> { ["#type"] = ChinookItem.EntityTypeName },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":type"] = new AttributeValue { S = entity.ToString() } },
            }, call, cancellationToken);

        /// <summary>The items of every page of a consistent Scan of the table with the filter and projection <paramref name="newScan"/> makes.</summary>
        private Task<IReadOnlyList<ChinookItem>> ScanAsync(ReadRequest description, Func<ScanRequest> newScan, ReadCall call, CancellationToken cancellationToken) =>
            ReadPagesAsync(description, null, call, async (startKey, _) =>
            {
                var scan = newScan();
                scan.TableName = TableName;
                scan.ConsistentRead = true;
                scan.ExclusiveStartKey = startKey;
                var response = await DynamoErrors.Call(TableName, "scan", () => client.ScanAsync(scan, cancellationToken), cancellationToken).ConfigureAwait(false);
                return (response.Items, response.LastEvaluatedKey);
            });

        /// <summary>Reads page after page, each starting after the last key of the one before, until there is none or enough items are read.</summary>
        private async Task<IReadOnlyList<ChinookItem>> ReadPagesAsync(ReadRequest request, int? maxItems, ReadCall call,
            Func<Dictionary<string, AttributeValue>?, int, Task<(List<Dictionary<string, AttributeValue>>? Items, Dictionary<string, AttributeValue>? LastKey)>> readPage)
        {
            call.Started(request);
            var items = new List<ChinookItem>();
            Dictionary<string, AttributeValue>? startKey = null;
            var page = 0;
            bool finished;
            do
            {
                var (maps, lastKey) = await readPage(startKey, items.Count).ConfigureAwait(false);
                page++;
                items.AddRange((maps ?? new List<Dictionary<string, AttributeValue>>())
                    .Take(maxItems - items.Count ?? int.MaxValue)
                    .Select(Read));
                startKey = lastKey is { Count: > 0 } ? lastKey : null;
                finished = startKey is null || items.Count >= maxItems;
                call.PageRead(request, page, items.Count, finished);
            }
            while (!finished);
            return items;
        }

        /// <summary>
        /// The items with these keys (duplicates read once), consistently, in the order of the keys; keys without an
        /// item are left out. Keys DynamoDB hands back unprocessed are asked for again after a growing pause.
        /// </summary>
        public async Task<IReadOnlyList<ChinookItem>> BatchGetAsync(IEnumerable<ItemKey> keys, ReadCall call, CancellationToken cancellationToken)
        {
            var wanted = keys.Distinct().ToList();
            var found = new Dictionary<ItemKey, ChinookItem>();
            var batches = Enumerable.Range(0, (wanted.Count + BatchGetMaxKeys - 1) / BatchGetMaxKeys)
                .Select(i => wanted.Skip(i * BatchGetMaxKeys).Take(BatchGetMaxKeys).ToList())
                .ToList();
            call.Plan(batches.Count - 1);
            foreach (var batch in batches)
            {
                foreach (var item in await BatchGetAsync(batch, call, cancellationToken).ConfigureAwait(false))
                {
                    found[ItemKey.Of(item)] = item;
                }
            }
            return wanted.Where(found.ContainsKey).Select(key => found[key]).ToList();
        }

        private async Task<List<ChinookItem>> BatchGetAsync(List<ItemKey> batch, ReadCall call, CancellationToken cancellationToken)
        {
            var request = new ReadRequest(TableName, null, "BatchGetItem", $"{batch.Count} keys from {batch[0]}", consistentRead: true);
            call.Started(request);
            var items = new List<ChinookItem>();
            var pending = batch.Select(ToKey).ToList();
            for (var attempt = 1; ; attempt++)
            {
                var keysAndAttributes = new KeysAndAttributes { Keys = pending, ConsistentRead = true };
                var response = await DynamoErrors.Call(TableName, "read from",
                    () => client.BatchGetItemAsync(new BatchGetItemRequest { RequestItems = new Dictionary<string, KeysAndAttributes> { [TableName] = keysAndAttributes } }, cancellationToken),
                    cancellationToken).ConfigureAwait(false);
                if (response.Responses is { } responses && responses.TryGetValue(TableName, out var maps))
                {
                    items.AddRange(maps.Select(Read));
                }
                pending = response.UnprocessedKeys is { } unprocessed && unprocessed.TryGetValue(TableName, out var left) && left.Keys is { Count: > 0 }
                    ? left.Keys
                    : new List<Dictionary<string, AttributeValue>>();
                call.PageRead(request, attempt, items.Count, pending.Count == 0);
                if (pending.Count == 0)
                {
                    return items;
                }
                if (attempt == BatchGetMaxAttempts)
                {
                    throw new DynamoOperationException(DynamoProblem.Throttled, TableName,
                        $"Cannot read from table '{TableName}': DynamoDB still left {pending.Count} of {batch.Count} keys unprocessed after {attempt} attempts.");
                }
                await delay(RetryDelay(attempt), cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>50 ms, 100 ms, 200 ms, ... at most 2 s: DynamoDB leaves keys unprocessed when the table is busy.</summary>
        internal static TimeSpan RetryDelay(int attempt) =>
            Backoff.Bound(FirstRetryDelay, MaxRetryDelay, attempt);

        private Dictionary<string, AttributeValue> ToKey(ItemKey key) => key.TableName == TableName
            ? new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
            {
                [ChinookKeys.PartitionKeyName] = new AttributeValue { S = key.PartitionKey },
                [ChinookKeys.SortKeyName] = new AttributeValue { S = key.SortKey },
            }
            : throw new ArgumentException($"The key {key} is not of table '{TableName}'.", nameof(key));
    }
}
