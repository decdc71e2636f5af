using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Chinook.Bench.Loading
{
    /// <summary>What one timed load did.</summary>
    public sealed class LoadResult
    {
        public string Design { get; init; } = string.Empty;
        public int Concurrency { get; init; }
        public string TablePrefix { get; init; } = string.Empty;
        public long Requests { get; init; }
        public long ItemsWritten { get; init; }
        public long WriteUnits { get; init; }
        public double Seconds { get; init; }
        public double ItemsPerSecond { get; init; }
        public double WriteUnitsPerSecond { get; init; }
        /// <summary>Unprocessed items sent again (the ceiling retries them; the user's design does not).</summary>
        public long RetriedItems { get; init; }
        /// <summary>Items that never got written: unprocessed in the user's design, or in failed calls.</summary>
        public long UnwrittenItems { get; init; }
        public IReadOnlyList<string> Errors { get; init; } = Array.Empty<string>();
        /// <summary>Round-trip time of each BatchWriteItem call: p50, p90, p99 and max, in milliseconds.</summary>
        public IReadOnlyDictionary<string, double> LatencyMs { get; init; } = new Dictionary<string, double>();
    }

    /// <summary>
    /// Sends pre-built batches with a fixed number of calls in flight, and nothing else: no conversion, no
    /// rate limit, no backoff. At its best concurrency that is as fast as this server takes these items.
    /// </summary>
    public static class BatchLoader
    {
        private const int MaxUnprocessedRounds = 50;

        public static async Task<LoadResult> Run(IAmazonDynamoDB client, string design, string tablePrefix, IReadOnlyList<Batch> batches,
            int concurrency, bool retryUnprocessed)
        {
            // One call before the clock starts, so the connection and the SDK's first-call set-up are not timed.
            await client.DescribeTableAsync(batches[0].TableName).ConfigureAwait(false);

            var next = -1;
            long written = 0, units = 0, retried = 0, unwritten = 0, requests = 0;
            var errors = new List<string>();
            var latencies = new List<double>[concurrency];
            var clock = Stopwatch.StartNew();
            var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
            {
                var mine = latencies[w] = new List<double>();
                int index;
                while ((index = Interlocked.Increment(ref next)) < batches.Count)
                {
                    var batch = batches[index];
                    var request = batch.Request;
                    var batchUnwritten = 0;
                    for (var round = 0; ; round++)
                    {
                        var sent = request.RequestItems!.Values.Sum(r => r.Count);
                        var started = Stopwatch.GetTimestamp();
                        BatchWriteItemResponse response;
                        try
                        {
                            response = await client.BatchWriteItemAsync(request).ConfigureAwait(false);
                        }
                        catch (Exception e)
                        {
                            batchUnwritten += sent;
                            lock (errors) { errors.Add($"{batch.TableName}: {e.GetType().Name}: {e.Message}"); }
                            break;
                        }
                        mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                        Interlocked.Increment(ref requests);
                        var left = response.UnprocessedItems?.Values.Sum(r => r.Count) ?? 0;
                        Interlocked.Add(ref written, sent - left);
                        if (left == 0)
                        {
                            break;
                        }
                        if (!retryUnprocessed || round == MaxUnprocessedRounds)
                        {
                            batchUnwritten += left;
                            break;
                        }
                        Interlocked.Add(ref retried, left);
                        request = new BatchWriteItemRequest { RequestItems = response.UnprocessedItems };
                    }
                    // Write units of the items written; items of one batch are alike enough to share them out evenly.
                    Interlocked.Add(ref unwritten, batchUnwritten);
                    Interlocked.Add(ref units, (long)batch.WriteUnits * (batch.Items - batchUnwritten) / batch.Items);
                }
            })).ToArray();
            await Task.WhenAll(workers).ConfigureAwait(false);
            clock.Stop();

            var seconds = clock.Elapsed.TotalSeconds;
            var all = latencies.Where(l => l != null).SelectMany(l => l).OrderBy(l => l).ToList();
            return new LoadResult
            {
                Design = design,
                Concurrency = concurrency,
                TablePrefix = tablePrefix,
                Requests = requests,
                ItemsWritten = written,
                WriteUnits = units,
                Seconds = Math.Round(seconds, 3),
                ItemsPerSecond = Math.Round(written / seconds, 1),
                WriteUnitsPerSecond = Math.Round(units / seconds, 1),
                RetriedItems = retried,
                UnwrittenItems = unwritten,
                Errors = errors.Take(5).ToList(),
                LatencyMs = new Dictionary<string, double>
                {
                    ["p50"] = Percentile(all, 0.50),
                    ["p90"] = Percentile(all, 0.90),
                    ["p99"] = Percentile(all, 0.99),
                    ["max"] = all.Count == 0 ? 0 : Math.Round(all[^1], 2),
                },
            };
        }

        private static double Percentile(List<double> sorted, double q) =>
            sorted.Count == 0 ? 0 : Math.Round(sorted[(int)Math.Ceiling(q * sorted.Count) - 1], 2);
    }
}
