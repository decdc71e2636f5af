using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Chinook.FaultProxy
{
    /// <summary>
    /// A BatchWriteItem request that 'unprocessed' can split: part of it goes to the server, the rest comes
    /// back to the client as UnprocessedItems, as a throttled table answers. The withheld part is never written.
    /// </summary>
    internal sealed class BatchWrite
    {
        /// <summary>DynamoDB's limit; a larger batch is forwarded whole so the server rejects it as it should.</summary>
        private const int MaxRequests = 25;

        private readonly JsonObject root;
        private readonly List<(string Table, JsonNode Request)> requests;

        private BatchWrite(JsonObject root, List<(string Table, JsonNode Request)> requests)
        {
            this.root = root;
            this.requests = requests;
        }

        public int Count => requests.Count;

        /// <summary>The write units the batch costs, per table, by DynamoDB's size rules.</summary>
        public IReadOnlyDictionary<string, int> UnitsPerTable() =>
            requests.GroupBy(request => request.Table, StringComparer.Ordinal)
                .ToDictionary(table => table.Key, table => table.Sum(request => ItemWriteUnits.OfPut(request.Request)), StringComparer.Ordinal);

        /// <summary>
        /// The answer of a server that wrote the whole batch (and stores nothing): no unprocessed items, and the
        /// consumed capacity per table when the request asked for it.
        /// </summary>
        public byte[] AllProcessedAnswer()
        {
            var answer = new JsonObject { ["UnprocessedItems"] = new JsonObject() };
            if ((string?)root["ReturnConsumedCapacity"] is "TOTAL" or "INDEXES")
            {
                answer["ConsumedCapacity"] = new JsonArray(UnitsPerTable()
                    .Select(table => (JsonNode)new JsonObject { ["TableName"] = table.Key, ["CapacityUnits"] = table.Value })
                    .ToArray());
            }
            return JsonSerializer.SerializeToUtf8Bytes(answer);
        }

        /// <summary>The batch in a request body, or null when the body is not a batch of 1 to 25 requests.</summary>
        public static BatchWrite? TryParse(byte[] body)
        {
            try
            {
                if (JsonNode.Parse(body) is not JsonObject root || root["RequestItems"] is not JsonObject tables)
                {
                    return null;
                }
                var requests = new List<(string, JsonNode)>();
                foreach (var (table, list) in tables)
                {
                    if (list is not JsonArray array || array.Any(request => request is null))
                    {
                        return null;
                    }
                    requests.AddRange(array.Select(request => (table, request!)));
                }
                return requests.Count is > 0 and <= MaxRequests ? new BatchWrite(root, requests) : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        /// <summary>The request body with only the requests that are not withheld, or null when all are.</summary>
        public byte[]? ForwardedBody(ISet<int> withheld)
        {
            if (withheld.Count == Count)
            {
                return null;
            }
            var forwarded = (JsonObject)root.DeepClone();
            forwarded["RequestItems"] = Group(Enumerable.Range(0, Count).Where(position => !withheld.Contains(position)));
            return JsonSerializer.SerializeToUtf8Bytes(forwarded);
        }

        /// <summary>
        /// The server's successful answer to the forwarded part (or an empty one when nothing was forwarded)
        /// with the withheld requests added to its UnprocessedItems.
        /// </summary>
        public byte[] AnswerWithUnprocessed(byte[]? serverAnswer, ISet<int> withheld)
        {
            var answer = serverAnswer is null ? new JsonObject() : JsonNode.Parse(serverAnswer) as JsonObject
                ?? throw new JsonException("The server's BatchWriteItem answer is not a JSON object.");
            if (answer["UnprocessedItems"] is not JsonObject unprocessed)
            {
                unprocessed = new JsonObject();
                answer["UnprocessedItems"] = unprocessed;
            }
            AddTo(unprocessed, withheld.Order());
            return JsonSerializer.SerializeToUtf8Bytes(answer);
        }

        private JsonObject Group(IEnumerable<int> positions)
        {
            var tables = new JsonObject();
            AddTo(tables, positions);
            return tables;
        }

        /// <summary>Adds the requests at these positions to a RequestItems-shaped object, under their tables.</summary>
        private void AddTo(JsonObject tables, IEnumerable<int> positions)
        {
            foreach (var position in positions)
            {
                var (table, request) = requests[position];
                if (tables[table] is not JsonArray list)
                {
                    list = new JsonArray();
                    tables[table] = list;
                }
                list.Add(request.DeepClone());
            }
        }
    }
}
