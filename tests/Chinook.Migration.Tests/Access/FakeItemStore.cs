using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Chinook.Migration.Items;
using Chinook.Migration.Target;

namespace Chinook.Migration.Tests.Access
{
    /// <summary>
    /// DynamoDB's data plane in memory, as the readers use it: GetItem, Query (on the table or an index, with the
    /// key conditions the readers write; a sparse index holds only items with both its keys), Scan with one equality filter and a projection, and BatchGetItem. Results come
    /// in pages of <see cref="PageSize"/> items, as DynamoDB cuts them at 1 MB; a hash-only index returns its items in
    /// no useful order, as DynamoDB does. It can hand back BatchGetItem keys unprocessed and answer after a pause.
    /// </summary>
    public class FakeItemStore : DispatchProxy
    {
        private static readonly Dictionary<string, (string Hash, string? Range)> Indexes = new Dictionary<string, (string, string?)>
        {
            [ChinookKeys.NameSearchIndex] = (ChinookKeys.Gsi1PartitionKeyName, ChinookKeys.Gsi1SortKeyName),
            [ChinookKeys.GenreSearchIndex] = (ChinookKeys.Gsi2PartitionKeyName, null),
            [ChinookKeys.EmailSearchIndex] = (ChinookKeys.Gsi1PartitionKeyName, ChinookKeys.Gsi1SortKeyName),
            [ChinookKeys.LowerNameIndex] = (ChinookKeys.Gsi3PartitionKeyName, ChinookKeys.Gsi3SortKeyName),
        };

        private static readonly Regex KeyCondition = new Regex(@"^(#\w+) = (:\w+)(?: AND (?:begins_with\((#\w+), (:\w+)\)|(#\w+) = (:\w+)))?$");

        private readonly object gate = new object();
        private int inFlight;

        public Dictionary<string, List<Dictionary<string, AttributeValue>>> Tables { get; } = new Dictionary<string, List<Dictionary<string, AttributeValue>>>();
        public List<AmazonDynamoDBRequest> Requests { get; } = new List<AmazonDynamoDBRequest>();
        public int PageSize { get; set; } = 100;
        /// <summary>BatchGetItem calls that hand back the second half of their keys (a single key too) unprocessed; -1 for every call.</summary>
        public int UnprocessedBatchCalls { get; set; }
        public TimeSpan ResponseDelay { get; set; }
        public int MaxInFlight { get; private set; }

        public static (FakeItemStore Store, DynamoConnection Connection) Create(IEnumerable<ChinookItem> items)
        {
            var client = Create<IAmazonDynamoDB, FakeItemStore>();
            var store = (FakeItemStore)(object)client;
            foreach (var item in items)
            {
                store.Put(item);
            }
            return (store, new DynamoConnection(client, "fake", "credentials: fake", "region: fake"));
        }

        public void Put(ChinookItem item)
        {
            if (!Tables.TryGetValue(item.TableName, out var table))
            {
                Tables[item.TableName] = table = new List<Dictionary<string, AttributeValue>>();
            }
            table.Add(ItemAttributeMapper.ToAttributeMap(item));
        }

        public List<T> RequestsOf<T>() where T : AmazonDynamoDBRequest
        {
            lock (gate)
            {
                return Requests.OfType<T>().ToList();
            }
        }

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            var cancellationToken = args!.OfType<CancellationToken>().FirstOrDefault();
            return args![0] switch
            {
                GetItemRequest get => Answer(get, cancellationToken, () => new GetItemResponse { Item = Find(Table(get.TableName), get.Key) }),
                QueryRequest query => Answer(query, cancellationToken, () => Query(query)),
                ScanRequest scan => Answer(scan, cancellationToken, () => Scan(scan)),
                BatchGetItemRequest batch => Answer(batch, cancellationToken, () => BatchGet(batch)),
                _ => throw new NotSupportedException(method!.Name),
            };
        }

        private async Task<T> Answer<T>(AmazonDynamoDBRequest request, CancellationToken cancellationToken, Func<T> answer)
        {
            cancellationToken.ThrowIfCancellationRequested();
            lock (gate)
            {
                Requests.Add(request);
                MaxInFlight = Math.Max(MaxInFlight, ++inFlight);
            }
            try
            {
                if (ResponseDelay > TimeSpan.Zero)
                {
                    await Task.Delay(ResponseDelay, cancellationToken);
                }
                lock (gate)
                {
                    return answer();
                }
            }
            finally
            {
                lock (gate)
                {
                    inFlight--;
                }
            }
        }

        private List<Dictionary<string, AttributeValue>> Table(string name) =>
            Tables.TryGetValue(name, out var table) ? table : throw new ResourceNotFoundException($"Requested resource not found: Table: {name} not found");

        private static Dictionary<string, AttributeValue>? Find(List<Dictionary<string, AttributeValue>> table, Dictionary<string, AttributeValue> key) =>
            table.FirstOrDefault(item => item["PK"].S == key["PK"].S && item["SK"].S == key["SK"].S);

        private QueryResponse Query(QueryRequest request)
        {
            if (request.IndexName is not null && request.ConsistentRead == true)
            {
                throw new AmazonDynamoDBException("Consistent reads are not supported on global secondary indexes");
            }
            var match = KeyCondition.Match(request.KeyConditionExpression);
            if (!match.Success)
            {
                throw new NotSupportedException(request.KeyConditionExpression);
            }
            string Name(int group) => request.ExpressionAttributeNames[match.Groups[group].Value];
            string Value(int group) => request.ExpressionAttributeValues[match.Groups[group].Value].S;
            var (hash, range) = request.IndexName is null ? ("PK", "SK") : Indexes[request.IndexName];
            if (Name(1) != hash || (match.Groups[3].Success && Name(3) != range) || (match.Groups[5].Success && Name(5) != range))
            {
                throw new AmazonDynamoDBException("Query condition missed key schema element");
            }
            var items = Table(request.TableName).Where(item => item.TryGetValue(hash, out var h) && h.S == Value(2) && (range is null || item.ContainsKey(range)));
            if (match.Groups[3].Success)
            {
                items = items.Where(item => item[range!].S.StartsWith(Value(4), StringComparison.Ordinal));
            }
            if (match.Groups[5].Success)
            {
                items = items.Where(item => item.TryGetValue(range!, out var r) && r.S == Value(6));
            }
            var ordered = range is null
                ? items.OrderBy(item => new string((item["PK"].S + item["SK"].S).Reverse().ToArray()), StringComparer.Ordinal).ToList()
                : items.OrderBy(item => item[range].S, StringComparer.Ordinal).ThenBy(item => item["PK"].S, StringComparer.Ordinal).ToList();
            if (request.ScanIndexForward == false)
            {
                ordered.Reverse();
            }
            var (page, last) = Page(ordered, request.ExclusiveStartKey, request.Limit);
            return new QueryResponse { Items = page, LastEvaluatedKey = last };
        }

        private ScanResponse Scan(ScanRequest request)
        {
            var filter = Regex.Match(request.FilterExpression, @"^(#\w+) = (:\w+)$");
            if (!filter.Success)
            {
                throw new NotSupportedException(request.FilterExpression);
            }
            var attribute = request.ExpressionAttributeNames[filter.Groups[1].Value];
            var wanted = request.ExpressionAttributeValues[filter.Groups[2].Value].S;
            var projected = request.ProjectionExpression?.Split(new[] { ", " }, StringSplitOptions.None).Select(name => request.ExpressionAttributeNames[name]).ToList();
            var (page, last) = Page(Table(request.TableName), request.ExclusiveStartKey, request.Limit);
            var items = page.Where(item => item.TryGetValue(attribute, out var value) && value.S == wanted)
                .Select(item => item.Where(a => projected is null || projected.Contains(a.Key)).ToDictionary(a => a.Key, a => a.Value))
                .ToList();
            return new ScanResponse { Items = items, LastEvaluatedKey = last };
        }

        private (List<Dictionary<string, AttributeValue>> Page, Dictionary<string, AttributeValue>? Last) Page(
            List<Dictionary<string, AttributeValue>> ordered, Dictionary<string, AttributeValue>? startKey, int? limit)
        {
            var start = startKey is null ? 0 : ordered.FindIndex(item => item["PK"].S == startKey["PK"].S && item["SK"].S == startKey["SK"].S) + 1;
            var size = Math.Min(PageSize, limit ?? int.MaxValue);
            var page = ordered.Skip(start).Take(size).ToList();
            var last = start + page.Count < ordered.Count && page.Count > 0
                ? new Dictionary<string, AttributeValue> { ["PK"] = page[^1]["PK"], ["SK"] = page[^1]["SK"] }
                : null;
            return (page, last);
        }

        private BatchGetItemResponse BatchGet(BatchGetItemRequest request)
        {
            var (tableName, wanted) = request.RequestItems.Single();
            if (wanted.Keys.Count > 25)
            {
                throw new AmazonDynamoDBException("Too many items requested for the BatchGetItem call");
            }
            var keys = wanted.Keys;
            var unprocessed = new List<Dictionary<string, AttributeValue>>();
            if (UnprocessedBatchCalls != 0)
            {
                UnprocessedBatchCalls--;
                unprocessed = keys.Skip(keys.Count / 2).ToList();
                keys = keys.Take(keys.Count / 2).ToList();
            }
            var table = Table(tableName);
            var found = keys.Select(key => Find(table, key)).Where(item => item is not null).Select(item => item!).Reverse().ToList();
            return new BatchGetItemResponse
            {
                Responses = new Dictionary<string, List<Dictionary<string, AttributeValue>>> { [tableName] = found },
                UnprocessedKeys = unprocessed.Count == 0
                    ? new Dictionary<string, KeysAndAttributes>()
                    : new Dictionary<string, KeysAndAttributes> { [tableName] = new KeysAndAttributes { Keys = unprocessed, ConsistentRead = wanted.ConsistentRead } },
            };
        }
    }
}
