using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Amazon.DynamoDBv2.Model;

namespace Chinook.Bench.Loading
{
    /// <summary>All items of one load, read before any timing starts, and cut into 25-item batches.</summary>
    public sealed class ItemSet
    {
        public const int MaxItemsPerBatch = 25;

        private ItemSet(string path, string kind, IReadOnlyList<BenchItem> items)
        {
            Path = path;
            Kind = kind;
            Items = items;
        }

        public string Path { get; }
        /// <summary>"module" for a JSON-lines file of ConvertTo-ChinookItem's items, "rows" for items made from database rows.</summary>
        public string Kind { get; }
        public IReadOnlyList<BenchItem> Items { get; }

        public static ItemSet Load(string path)
        {
            var full = System.IO.Path.GetFullPath(path);
            if (!File.Exists(full))
            {
                throw new UsageException($"--items-from '{full}' does not exist.");
            }
            var isJson = full.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || full.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
            return isJson
                ? new ItemSet(full, "module", JsonLinesItems.Read(full).ToList())
                : new ItemSet(full, "rows", RowItems.Read(full).ToList());
        }

        public object Summary() => new
        {
            path = Path,
            kind = Kind,
            items = Items.Count,
            writeUnits = Items.Sum(i => (long)i.WriteUnits),
            bytes = Items.Sum(i => (long)i.SizeBytes),
            moduleBytes = Items.All(i => i.ReportedSizeBytes.HasValue) ? Items.Sum(i => (long)i.ReportedSizeBytes!.Value) : (long?)null,
            tables = Items.GroupBy(i => i.Table).ToDictionary(g => g.Key, g => new
            {
                items = g.Count(),
                writeUnits = g.Sum(i => (long)i.WriteUnits),
                bytes = g.Sum(i => (long)i.SizeBytes),
            }),
        };

        /// <summary>
        /// Batches of at most 25 items of one table, in the items' own order, never two items with the same key
        /// in one batch (DynamoDB rejects that). With sampleItems, every k-th batch so that about that many
        /// items go, spread over all tables as the full load is.
        /// </summary>
        public IReadOnlyList<Batch> Batches(string tablePrefix, int? sampleItems = null)
        {
            var batches = new List<Batch>();
            foreach (var table in Items.GroupBy(i => i.Table))
            {
                var current = new List<BenchItem>();
                var keys = new HashSet<(string, string)>();
                foreach (var item in table)
                {
                    if (current.Count == MaxItemsPerBatch || !keys.Add((item.PartitionKey, item.SortKey)))
                    {
                        batches.Add(new Batch(tablePrefix + table.Key, current));
                        current = new List<BenchItem>();
                        keys.Clear();
                        keys.Add((item.PartitionKey, item.SortKey));
                    }
                    current.Add(item);
                }
                if (current.Count > 0)
                {
                    batches.Add(new Batch(tablePrefix + table.Key, current));
                }
            }
            if (sampleItems is int wanted && wanted < Items.Count)
            {
                var step = (int)Math.Ceiling((double)Items.Count / wanted);
                batches = batches.Where((_, index) => index % step == 0).ToList();
            }
            return batches;
        }
    }

    /// <summary>One BatchWriteItem request, built in full before the clock starts.</summary>
    public sealed class Batch
    {
        public Batch(string tableName, IReadOnlyList<BenchItem> items)
        {
            TableName = tableName;
            Items = items.Count;
            WriteUnits = items.Sum(i => i.WriteUnits);
            Request = new BatchWriteItemRequest
            {
                RequestItems = new Dictionary<string, List<WriteRequest>>
                {
                    [tableName] = items.Select(i => new WriteRequest { PutRequest = new PutRequest { Item = i.Attributes } }).ToList(),
                },
            };
        }

        public string TableName { get; }
        public int Items { get; }
        public int WriteUnits { get; }
        public BatchWriteItemRequest Request { get; }
    }
}
