using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2.Model;
using Chinook.Migration.Items;
using Chinook.Migration.Target.Writing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Chinook.Migration.Tests.Target
{
    public class DynamoBatchWriterTests
    {
        // Only against a hang: what the tests wait for is due at once.
        private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

        internal static readonly BatchWriterOptions Fast = new BatchWriterOptions
        {
            MaxConcurrency = 4,
            BaseDelay = TimeSpan.FromMilliseconds(1),
            MaxDelay = TimeSpan.FromMilliseconds(5),
        };

        private static PendingWrite Item(string table, int id, string value = "v", int size = 100) => new PendingWrite(
            table, $"PK#{id}", $"SK#{id}",
            new Dictionary<string, AttributeValue>
            {
                ["PK"] = new AttributeValue { S = $"PK#{id}" },
                ["SK"] = new AttributeValue { S = $"SK#{id}" },
                ["Value"] = new AttributeValue { S = value },
            },
            size, (size + 1023) / 1024);

        internal static (IReadOnlyList<TableWriteResult> Results, List<WriteEvent> Events) Run(
            ScriptedDynamoClient client, IEnumerable<PendingWrite> items, BatchWriterOptions? options = null)
        {
            using var writer = new DynamoBatchWriter(client, options ?? Fast, CancellationToken.None);
            foreach (var item in items)
            {
                writer.Add(item);
            }
            writer.Complete();
            writer.Completion.Wait(TimeSpan.FromSeconds(30));
            var events = new List<WriteEvent>();
            while (writer.Events.TryRead(out var e))
            {
                events.Add(e);
            }
            return (writer.Results(), events);
        }

        private static IEnumerable<(string Table, string Pk)> Keys(BatchWriteItemRequest request) =>
            request.RequestItems.SelectMany(t => t.Value.Select(r => (t.Key, r.PutRequest.Item["PK"].S)));

        [Fact]
        public void EveryCallHoldsAtMost25RequestsAndNoKeyTwice()
        {
            var client = new ScriptedDynamoClient((r, n, ct) => ScriptedDynamoClient.AllWritten());
            var items = Enumerable.Range(0, 1000).Select(i => Item(i % 3 == 0 ? "A" : "B", i % 700)).ToList();

            var (results, _) = Run(client, items);

            Assert.All(client.Requests, r => Assert.InRange(r.RequestItems.Sum(t => t.Value.Count), 1, 25));
            Assert.All(client.Requests, r => Assert.Equal(Keys(r).Count(), Keys(r).Distinct().Count()));
            Assert.Equal(1000, results.Sum(r => r.ItemsReceived));
            Assert.Equal(0, results.Sum(r => r.Failed));
            Assert.Equal(1000, results.Sum(r => r.ItemsWritten) + results.Sum(r => r.DuplicatesFolded));
        }

        [Fact]
        public void TheLaterOfTwoItemsWithOneKeyWinsAndTheFoldIsCounted()
        {
            var client = new ScriptedDynamoClient((r, n, ct) => ScriptedDynamoClient.AllWritten());
            var (results, _) = Run(client, new[] { Item("A", 1, "old"), Item("A", 2), Item("A", 1, "new") });

            var sent = client.Requests.SelectMany(r => r.RequestItems["A"]).Select(w => w.PutRequest.Item).ToList();
            Assert.Equal(2, sent.Count);
            Assert.Equal("new", sent.Single(i => i["PK"].S == "PK#1")["Value"].S);
            Assert.Equal(1, results.Single().DuplicatesFolded);
            Assert.Equal(2, results.Single().ItemsWritten);
        }

        [Fact]
        public void AKeyInFlightIsNotSentAgainUntilItsEarlierVersionLanded()
        {
            var order = new List<string>();
            var client = new ScriptedDynamoClient(async (r, n, ct) =>
            {
                if (n == 1)
                {
                    await Task.Delay(200, ct);
                }
                lock (order)
                {
                    order.AddRange(r.RequestItems.SelectMany(t => t.Value).Where(w => w.PutRequest.Item["PK"].S == "PK#0").Select(w => w.PutRequest.Item["Value"].S));
                }
                return new BatchWriteItemResponse();
            });
            var items = new[] { Item("A", 0, "first") }.Concat(Enumerable.Range(1, 24).Select(i => Item("A", i)))
                .Concat(new[] { Item("A", 0, "second") });

            Run(client, items);

            Assert.Equal(new[] { "first", "second" }, order);
        }

        [Fact]
        public void UnprocessedItemsAreRetriedUntilWritten()
        {
            var client = new ScriptedDynamoClient((r, n, ct) =>
                n % 3 == 0 ? ScriptedDynamoClient.AllWritten() : ScriptedDynamoClient.HalfUnprocessed(r));
            var (results, events) = Run(client, Enumerable.Range(0, 200).Select(i => Item("A", i)));

            var result = results.Single();
            Assert.Equal(200, result.ItemsWritten);
            Assert.Equal(0, result.Failed);
            Assert.True(result.Retries > 0);
            Assert.Equal(TableWriteStatus.Written, result.Status);
            Assert.DoesNotContain(events, e => e is ItemNotWritten);
        }

        [Theory]
        [InlineData("ProvisionedThroughputExceededException")]
        [InlineData("ThrottlingException")]
        [InlineData("InternalServerError")]
        public void ThrottlingAndServerErrorsAreRetriedUntilWritten(string error)
        {
            var client = new ScriptedDynamoClient((r, n, ct) => n <= 6 ? Task.FromException<BatchWriteItemResponse>(Failure(error)) : ScriptedDynamoClient.AllWritten());
            var (results, _) = Run(client, Enumerable.Range(0, 50).Select(i => Item("A", i)));

            Assert.Equal(50, results.Single().ItemsWritten);
            Assert.True(results.Single().Retries >= 6);
        }

        [Fact]
        public void APermanentFailureReportsTheExactKeysAfterTheRetryBound()
        {
            var client = new ScriptedDynamoClient((r, n, ct) => ScriptedDynamoClient.HalfUnprocessed(r));
            var options = new BatchWriterOptions { MaxConcurrency = 2, MaxAttempts = 4, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(2) };
            var (results, events) = Run(client, Enumerable.Range(0, 25).Select(i => Item("A", i)), options);

            // Half of what is left stays unprocessed on each of the 4 calls: 13, 7, 4, then 2 items are left.
            var failed = events.OfType<ItemNotWritten>().ToList();
            var result = results.Single();
            Assert.Equal(4, client.Calls);
            Assert.Equal(2, result.Failed);
            Assert.Equal(23, result.ItemsWritten);
            Assert.Equal(TableWriteStatus.Partial, result.Status);
            Assert.Equal(result.FailedKeys.OrderBy(k => k.PartitionKey), failed.Select(f => f.Item.Key).OrderBy(k => k.PartitionKey));
            Assert.All(failed, f => Assert.Equal(WriteFailureReason.RetriesExhausted, f.Reason));
            var sentLast = client.Requests.Last().RequestItems["A"].Select(w => w.PutRequest.Item["PK"].S).ToList();
            var unprocessedLast = sentLast.Where((_, i) => i % 2 == 0);
            Assert.Equal(unprocessedLast.OrderBy(k => k), failed.Select(f => f.Item.PartitionKey).OrderBy(k => k));
        }

        [Fact]
        public void AValidationErrorFailsTheBatchWithoutRetrying()
        {
            var client = new ScriptedDynamoClient((r, n, ct) => Task.FromException<BatchWriteItemResponse>(Failure("ValidationException", 400)));
            var (results, events) = Run(client, Enumerable.Range(0, 10).Select(i => Item("A", i)));

            Assert.Equal(1, client.Calls);
            Assert.Equal(10, results.Single().Failed);
            Assert.All(events.OfType<ItemNotWritten>(), e => Assert.Equal(WriteFailureReason.Rejected, e.Reason));
        }

        [Fact]
        public void AnItemOver400KBIsReportedAndNeverSent()
        {
            var client = new ScriptedDynamoClient((r, n, ct) => ScriptedDynamoClient.AllWritten());
            var (results, events) = Run(client, new[] { Item("A", 1, size: ItemLimits.MaxItemBytes + 1), Item("A", 2) });

            var failure = Assert.Single(events.OfType<ItemNotWritten>());
            Assert.Equal(WriteFailureReason.TooLarge, failure.Reason);
            Assert.Equal("PK#1", failure.Item.PartitionKey);
            Assert.DoesNotContain(client.Requests.SelectMany(Keys), k => k.Pk == "PK#1");
            Assert.Equal(1, results.Single().ItemsWritten);
        }

        [Fact]
        public void LargeItemsAreHeldToTheMemoryBudgetWhileCallsStillOverlap()
        {
            const int pageSize = 300 * 1024;
            var options = new BatchWriterOptions { MaxConcurrency = 8 };
            var budget = options.MaxBytesHeld;
            long inFlight = 0, mostInFlight = 0;
            var overlapped = false;
            var client = new ScriptedDynamoClient(async (r, n, ct) =>
            {
                long bytes = r.RequestItems.Sum(t => t.Value.Count) * pageSize;
                var now = Interlocked.Add(ref inFlight, bytes);
                overlapped |= now > bytes;
                InterlockedMax(ref mostInFlight, now);
                await Task.Delay(20, ct);
                Interlocked.Add(ref inFlight, -bytes);
                return new BatchWriteItemResponse();
            });

            var (results, _) = Run(client, Enumerable.Range(0, 60).Select(i => Item("Playlists", i, size: pageSize)), options);

            Assert.Equal(60, results.Single().ItemsWritten);
            Assert.InRange(mostInFlight, pageSize, budget);
            Assert.True(overlapped, "no two calls were ever in flight together");
        }

        [Theory]
        [InlineData(1)]
        [InlineData(256)]
        public void SmallItemsGoIn25ItemCallsAtAnyConcurrency(int concurrency)
        {
            var client = new ScriptedDynamoClient((r, n, ct) => ScriptedDynamoClient.AllWritten());
            var options = new BatchWriterOptions { MaxConcurrency = concurrency };

            var (results, _) = Run(client, Enumerable.Range(0, 1000).Select(i => Item("A", i, size: 2000)), options);

            Assert.Equal(1000, results.Single().ItemsWritten);
            Assert.Equal(40, client.Calls);
            Assert.All(client.Requests, r => Assert.Equal(25, r.RequestItems["A"].Count));
        }

        [Fact]
        public void AnItemLargerThanTheWholeBudgetIsStillWritten()
        {
            var client = new ScriptedDynamoClient((r, n, ct) => ScriptedDynamoClient.AllWritten());
            var options = new BatchWriterOptions { MaxConcurrency = 2, MaxBytesHeldPerCall = 500 };

            var (results, _) = Run(client, new[] { Item("A", 1, size: 5000), Item("A", 2, size: 5000), Item("A", 3) }, options);

            Assert.Equal(3, results.Single().ItemsWritten);
            Assert.All(client.Requests, r => Assert.Single(r.RequestItems["A"]));
        }

        private static void InterlockedMax(ref long target, long value)
        {
            var seen = Interlocked.Read(ref target);
            while (value > seen && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
                seen = Interlocked.Read(ref target);
            }
        }

        [Fact]
        public async Task StoppingCancelsCallsInFlightAndReportsWhatWasNotWritten()
        {
            // Four batches of 25, one per worker, each call hanging until it is cancelled.
            using var allInFlight = new CountdownEvent(4);
            var client = new ScriptedDynamoClient(async (r, n, ct) =>
            {
                allInFlight.Signal();
                await Task.Delay(Timeout.Infinite, ct);
                return new BatchWriteItemResponse();
            });
            var writer = new DynamoBatchWriter(client, Fast, CancellationToken.None);
            for (var i = 0; i < 100; i++)
            {
                writer.Add(Item("A", i));
            }
            Assert.True(allInFlight.Wait(Hang), "the four calls were never in flight");
            writer.Stop();
            writer.Complete();

            // The calls never end on their own: the writer finishes only if stopping cancelled them.
            await writer.Completion.WaitAsync(Hang);
            var results = writer.Results();
            Assert.Equal(TableWriteStatus.Stopped, results.Single().Status);
            Assert.Equal(100, results.Single().Failed);
            writer.Dispose();
        }

        [Fact]
        public async Task TheWriteRateIsHeldToTheLimit()
        {
            var client = new ScriptedDynamoClient((r, n, ct) => ScriptedDynamoClient.AllWritten());
            var clock = new FakeTimeProvider();
            var options = new BatchWriterOptions { MaxConcurrency = 4, MaxWriteUnitsPerSecond = 100, Clock = clock };
            // 300 one-unit items in 12 calls of 25 units, at 100 units a second: a second's worth at once, then 10
            // units every 100 ms. By step k of 100 ms, 100 + 10k units were granted, so that many whole calls were made.
            var run = Task.Run(() => Run(client, Enumerable.Range(0, 300).Select(i => Item("A", i)), options));
            for (var step = 0; step <= 20; step++)
            {
                if (step > 0)
                {
                    clock.Advance(TimeSpan.FromMilliseconds(100));
                }
                var allowed = Math.Min(12, (100 + 10 * step) / 25);
                Assert.True(SpinWait.SpinUntil(() => client.Calls >= allowed, Hang), $"only {client.Calls} calls by {step * 100} ms");
                Assert.Equal(allowed, client.Calls);
            }

            var (results, _) = await run.WaitAsync(Hang);
            Assert.Equal(300, results.Single().ItemsWritten);
        }

        [Theory]
        [InlineData(50, null, 50)]
        [InlineData(5000, 20, 20)]
        public async Task TheWriterStartsAtTheTablesProvisionedRateAndNeverGoesAboveTheCap(long provisioned, int? cap, int rate)
        {
            var client = new ScriptedDynamoClient((r, n, ct) => ScriptedDynamoClient.AllWritten()) { ProvisionedWriteUnits = provisioned };
            client.Tables["A"] = DateTime.UtcNow;
            var clock = new FakeTimeProvider();
            var options = new BatchWriterOptions { MaxConcurrency = 4, MaxWriteUnitsPerSecond = cap, Clock = clock };
            // One-unit items in 25-unit calls: a second's worth of the rate at once, then the rate, never a call more.
            var run = Task.Run(() => Run(client, Enumerable.Range(0, 500).Select(i => Item("A", i)), options));
            Assert.True(SpinWait.SpinUntil(() => client.Calls >= rate / 25, Hang), "the first second's calls were not made");
            for (var step = 1; step <= 30; step++)
            {
                clock.Advance(TimeSpan.FromMilliseconds(100));
                var allowed = Math.Min(20, (rate + rate * step / 10) / 25);
                SpinWait.SpinUntil(() => client.Calls >= allowed, TimeSpan.FromMilliseconds(200));
                Assert.InRange(client.Calls, 0, allowed);
            }
            // The bucket holds at most a second's worth: the rest comes only with the clock, step by step.
            for (var step = 0; step < 1000 && !run.IsCompleted; step++)
            {
                clock.Advance(TimeSpan.FromMilliseconds(100));
                await Task.Delay(1);
            }
            var (results, _) = await run.WaitAsync(Hang);
            Assert.Equal(500, results.Single().ItemsWritten);
        }

        [Fact]
        public async Task StoppingWhileWaitingForTheWriteRateEndsWithoutTheClockMoving()
        {
            var client = new ScriptedDynamoClient((r, n, ct) => ScriptedDynamoClient.AllWritten()) { ProvisionedWriteUnits = 30 };
            client.Tables["A"] = DateTime.UtcNow;
            var clock = new FakeTimeProvider();
            var writer = new DynamoBatchWriter(client, new BatchWriterOptions { MaxConcurrency = 4, Clock = clock }, CancellationToken.None);
            for (var i = 0; i < 200; i++)
            {
                writer.Add(Item("A", i));
            }
            writer.Complete();
            Assert.True(SpinWait.SpinUntil(() => client.Calls >= 1, Hang), "the first call was not made");

            // At 30 units a second the first call goes at once and the rest would take seconds: stopping must not
            // wait for any of them.
            writer.Stop();
            await writer.Completion.WaitAsync(Hang);
            var result = writer.Results().Single();
            Assert.Equal(TableWriteStatus.Stopped, result.Status);
            Assert.Equal(200, result.ItemsWritten + result.Failed);
            writer.Dispose();
        }

        [Fact]
        public void ThrottledCallsAndConsumedCapacityAreReportedPerTable()
        {
            var client = new ScriptedDynamoClient((r, n, ct) => n == 1
                ? Task.FromException<BatchWriteItemResponse>(Failure("ThrottlingException"))
                : Task.FromResult(new BatchWriteItemResponse
                {
                    UnprocessedItems = new Dictionary<string, List<WriteRequest>>(),
                    ConsumedCapacity = r.RequestItems.Select(t => new ConsumedCapacity { TableName = t.Key, CapacityUnits = 2.0 * t.Value.Count }).ToList(),
                }));
            var options = new BatchWriterOptions { MaxConcurrency = 1, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(2) };

            var result = Run(client, Enumerable.Range(0, 100).Select(i => Item("A", i)), options).Results.Single();

            Assert.All(client.Requests, r => Assert.Equal(Amazon.DynamoDBv2.ReturnConsumedCapacity.TOTAL, r.ReturnConsumedCapacity));
            Assert.Equal(100, result.ItemsWritten);
            Assert.Equal(1, result.ThrottledCalls);
            Assert.Equal(200, result.ConsumedWriteUnits);
            Assert.Equal(1, result.Concurrency);
        }

        [Fact]
        public void InvalidOptionsAreRefused()
        {
            var client = new ScriptedDynamoClient((r, n, ct) => ScriptedDynamoClient.AllWritten());
            Assert.Throws<ArgumentOutOfRangeException>(() => new DynamoBatchWriter(client, new BatchWriterOptions { MaxConcurrency = -1 }, CancellationToken.None));
            Assert.Throws<ArgumentOutOfRangeException>(() => new DynamoBatchWriter(client, new BatchWriterOptions { MaxWriteUnitsPerSecond = 0 }, CancellationToken.None));
            Assert.Throws<ArgumentOutOfRangeException>(() => new DynamoBatchWriter(client, new BatchWriterOptions { MaxConcurrency = 4, MinConcurrency = 5 }, CancellationToken.None));
        }

        [Fact]
        public void WhatIfCountsItemsAndWriteUnitsPerTableWithoutACall()
        {
            var planner = new WritePlanner();
            foreach (var item in Enumerable.Range(0, 30).Select(i => Item(i < 10 ? "A" : "B", i, size: 1500)))
            {
                planner.Add(item);
            }
            var results = planner.Results(declined: false);
            Assert.Equal(new[] { ("A", 10L, 20L), ("B", 20L, 40L) }, results.Select(r => (r.TableName, r.ItemsReceived, r.WriteUnits)));
            Assert.All(results, r => Assert.Equal(TableWriteStatus.WhatIf, r.Status));
            Assert.All(results, r => Assert.Equal(0, r.ItemsWritten));
        }

        private static Exception Failure(string code, int status = 500)
        {
            Exception ex = code switch
            {
                "ProvisionedThroughputExceededException" => new ProvisionedThroughputExceededException("slow down"),
                "InternalServerError" => new InternalServerErrorException("boom"),
                _ => new Amazon.DynamoDBv2.AmazonDynamoDBException(code),
            };
            if (ex is Amazon.Runtime.AmazonServiceException service)
            {
                service.ErrorCode = code;
                service.StatusCode = (System.Net.HttpStatusCode)(code == "ThrottlingException" ? 400 : status);
            }
            return ex;
        }
    }
}
