using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Chinook.Migration.Items;

namespace Chinook.Migration.Target.Writing
{
    /// <summary>
    /// Writes items with BatchWriteItem, several calls in flight, while the caller is still producing them.
    /// One thread adds items (it blocks when the workers are behind, so memory stays flat); workers send
    /// batches, retry throttling, server errors and unprocessed items with backoff, and hand every outcome
    /// back through <see cref="Events"/> for the adding thread to report. How many calls are in flight
    /// (<see cref="CallWindow"/>) and how many write units each table gets per second
    /// (<see cref="WriteRateController"/>, from its provisioned capacity when DescribeTable gives one) are
    /// found while writing, within the options' bounds.
    /// </summary>
    public sealed class DynamoBatchWriter : IDisposable
    {
        private readonly IAmazonDynamoDB _client;
        private readonly BatchWriterOptions _options;
        private readonly CancellationTokenSource _cancellation;
        private readonly Channel<Batch> _batches;
        private readonly Channel<WriteEvent> _events = Channel.CreateUnbounded<WriteEvent>(new UnboundedChannelOptions { SingleReader = true });
        private readonly BatchAssembler _assembler;
        private readonly HeldBytesBudget _budget;
        private readonly TableWriteTally _tally = new TableWriteTally();
        private readonly ConcurrentDictionary<ItemKey, Task> _inFlight = new ConcurrentDictionary<ItemKey, Task>();
        private readonly RetryPolicy _retry;
        private readonly WriteRateLimiter? _rateLimiter;
        private readonly CallWindow _window;
        private readonly ConcurrentDictionary<string, Task<TableWriteRate>> _tableRates = new ConcurrentDictionary<string, Task<TableWriteRate>>(StringComparer.Ordinal);
        private readonly Task[] _workers;
        private readonly ContiguousProgress _progress;
        private long _nextSequence;
        private long _batchNumber;
        private bool _completed;
        private volatile bool _stopRequested;

        /// <param name="alreadyWritten">Items a resumed run skips: numbering continues after them.</param>
        public DynamoBatchWriter(DynamoConnection connection, BatchWriterOptions options, CancellationToken cancellation, long alreadyWritten = 0)
            : this(connection.Client, options, cancellation, alreadyWritten)
        {
        }

        internal DynamoBatchWriter(IAmazonDynamoDB client, BatchWriterOptions options, CancellationToken cancellation, long alreadyWritten = 0)
        {
            options.Validate();
            _client = client;
            _options = options;
            _cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            _retry = new RetryPolicy(options, Environment.TickCount);
            _progress = new ContiguousProgress(alreadyWritten);
            _nextSequence = alreadyWritten;
            _rateLimiter = options.MaxWriteUnitsPerSecond is double rate ? new WriteRateLimiter(rate, options.Clock) : null;
            _budget = new HeldBytesBudget(options.MaxBytesHeld);
            _window = new CallWindow(options.MinConcurrency, options.MaxConcurrency, BatchWriterOptions.StartConcurrency, options.Clock);
            // Batches small enough that the budget still lets every worker have one in flight.
            _assembler = new BatchAssembler(BatchLimits.MaxRequestsPerBatch, options.MaxBytesHeldPerCall);
            _batches = Channel.CreateBounded<Batch>(new BoundedChannelOptions(options.MaxConcurrency)
            {
                SingleWriter = true,
                FullMode = BoundedChannelFullMode.Wait,
            });
            _workers = Enumerable.Range(0, options.MaxConcurrency).Select(_ => Task.Run(WorkAsync)).ToArray();
            Completion = Task.WhenAll(_workers).ContinueWith(_ => _events.Writer.TryComplete(), TaskScheduler.Default);
        }

        /// <summary>Outcomes for the adding thread to report: batches done, items not written.</summary>
        public ChannelReader<WriteEvent> Events => _events.Reader;

        /// <summary>Done when every batch has been written or given up on, after <see cref="Complete"/>.</summary>
        public Task Completion { get; }

        public bool Stopped => _stopRequested;

        /// <summary>
        /// How many of the items added, counted from the first, are settled: written, replaced by a later
        /// item with the same key, or refused for good (too large). A resumed run may skip that many.
        /// </summary>
        public long SettledThrough => _progress.Through;

        /// <summary>Queues an item; blocks while every worker is busy and the queue is full.</summary>
        public void Add(PendingWrite item)
        {
            if (_completed)
            {
                throw new InvalidOperationException("No item can be added after Complete.");
            }
            item.Sequence = _nextSequence++;
            if (item.SizeBytes > ItemLimits.MaxItemBytes)
            {
                _tally.Received(item.TableName, folded: false);
                Fail(new[] { item }, WriteFailureReason.TooLarge,
                    $"Item {item.Key} is {item.SizeBytes:N0} bytes, over DynamoDB's {ItemLimits.MaxItemBytes:N0}-byte item limit.", null);
                // Retrying cannot make it fit: a resumed run need not stop here.
                _progress.Done(item.Sequence);
                return;
            }
            if (!_budget.TryTake(item.SizeBytes) && !WaitForBudget(item.SizeBytes))
            {
                _tally.Received(item.TableName, folded: false);
                Fail(new[] { item }, WriteFailureReason.Cancelled, "Stopped before this item was sent.", null);
                return;
            }
            // A key still in flight in an earlier batch must land before its newer version is sent,
            // so the later item wins whatever order the workers finish in.
            if (!_assembler.Contains(item.Key) && _inFlight.TryGetValue(item.Key, out var earlier))
            {
                Wait(earlier);
            }
            var ready = _assembler.Add(item, out var replaced);
            _tally.Received(item.TableName, folded: replaced != null);
            if (replaced != null)
            {
                _budget.Release(replaced.SizeBytes);
                _progress.Done(replaced.Sequence);
            }
            if (ready != null)
            {
                Dispatch(ready);
            }
        }

        /// <summary>Waits until the item fits in the budget; false when stopped first.</summary>
        private bool WaitForBudget(long bytes)
        {
            try
            {
                while (!_budget.TryTake(bytes))
                {
                    if (_assembler.Count > 0 && _budget.Held == _assembler.Bytes)
                    {
                        // All that is held is still being gathered, and only a call's end frees bytes: send it now,
                        // short of 25 items.
                        Dispatch(_assembler.Take());
                        continue;
                    }
                    _budget.WaitForRelease(_cancellation.Token);
                }
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        /// <summary>Sends what is gathered and tells the workers that no more items come.</summary>
        public void Complete()
        {
            if (_completed)
            {
                return;
            }
            _completed = true;
            if (_assembler.Count > 0 && !_cancellation.IsCancellationRequested)
            {
                Dispatch(_assembler.Take());
            }
            _batches.Writer.TryComplete();
        }

        /// <summary>Stops sending: calls in flight are cancelled, and what was not written is reported.</summary>
        public void Stop()
        {
            _stopRequested = true;
            _cancellation.Cancel();
            _batches.Writer.TryComplete();
        }

        public IReadOnlyList<TableWriteResult> Results() => _tally.Snapshot(Stopped, whatIf: false, _window.Limit, WriteRate);

        /// <summary>Calls in flight allowed now.</summary>
        public int Concurrency => _window.Limit;

        /// <summary>The write units per second a table is held to now; null when unknown or unlimited.</summary>
        public double? WriteRate(string tableName) =>
            _tableRates.TryGetValue(tableName, out var rate) && rate.IsCompletedSuccessfully ? rate.Result.Controller.Rate : null;

        /// <summary>Why the writer gave up on its own (the server could not be reached), or null.</summary>
        public string? AbortReason { get; private set; }

        private void Abort(string reason)
        {
            lock (_tally)
            {
                AbortReason ??= reason;
            }
            _cancellation.Cancel();
            _batches.Writer.TryComplete();
        }

        private void Dispatch(IReadOnlyList<PendingWrite> batch)
        {
            var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            foreach (var item in batch)
            {
                _inFlight[item.Key] = done.Task;
            }
            var envelope = new Batch(Interlocked.Increment(ref _batchNumber), batch, done);
            try
            {
                Wait(_batches.Writer.WriteAsync(envelope, _cancellation.Token).AsTask());
            }
            catch (OperationCanceledException)
            {
                ReleaseKeys(envelope);
                Fail(batch, WriteFailureReason.Cancelled, "Stopped before this item was sent.", null);
            }
            catch (ChannelClosedException)
            {
                ReleaseKeys(envelope);
                Fail(batch, WriteFailureReason.Cancelled, "Stopped before this item was sent.", null);
            }
        }

        private static void Wait(Task task) => task.GetAwaiter().GetResult();

        private async Task WorkAsync()
        {
            var reader = _batches.Reader;
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (reader.TryRead(out var batch))
                {
                    try
                    {
                        await WriteBatchAsync(batch).ConfigureAwait(false);
                    }
                    finally
                    {
                        ReleaseKeys(batch);
                    }
                }
            }
        }

        private void ReleaseKeys(Batch batch)
        {
            long bytes = 0;
            foreach (var item in batch)
            {
                ((ICollection<KeyValuePair<ItemKey, Task>>)_inFlight).Remove(new KeyValuePair<ItemKey, Task>(item.Key, batch.Done.Task));
                bytes += item.SizeBytes;
            }
            _budget.Release(bytes);
            batch.Done.TrySetResult(true);
        }

        private async Task WriteBatchAsync(Batch batch)
        {
            var token = _cancellation.Token;
            var clock = Stopwatch.StartNew();
            var pending = batch.ToList();
            var written = new Dictionary<string, int>(StringComparer.Ordinal);
            var writeUnits = 0;
            var calls = 0;
            Exception? lastError = null;

            while (pending.Count > 0)
            {
                if (token.IsCancellationRequested)
                {
                    Fail(pending, WriteFailureReason.Cancelled, "Stopped before this item was written.", null);
                    break;
                }
                if (calls == _options.MaxAttempts)
                {
                    Fail(pending, WriteFailureReason.RetriesExhausted,
                        $"Not written after {calls} attempts: {lastError?.Message ?? "DynamoDB left it unprocessed each time"}.", lastError);
                    if (lastError != null && DynamoErrors.IsUnreachable(lastError))
                    {
                        // The server is gone, not busy: every other batch would wait out its retries too.
                        Abort($"DynamoDB did not answer after {calls} attempts ({lastError.Message})");
                    }
                    break;
                }
                if (calls > 0)
                {
                    foreach (var table in pending.GroupBy(p => p.TableName, StringComparer.Ordinal))
                    {
                        _tally.Retried(table.Key, table.Count());
                    }
                    if (!await DelayAsync(_retry.Delay(calls), _options.Clock, token).ConfigureAwait(false))
                    {
                        continue;
                    }
                }
                calls++;
                var entered = false;
                var throttled = false;
                var writtenNow = 0;
                var sentAt = _options.Clock.GetTimestamp();
                try
                {
                    await AcquireRateAsync(pending, token).ConfigureAwait(false);
                    await _window.EnterAsync(token).ConfigureAwait(false);
                    entered = true;
                    sentAt = _options.Clock.GetTimestamp();
                    var response = await _client.BatchWriteItemAsync(ToRequest(pending), token).ConfigureAwait(false);
                    var unprocessed = UnprocessedKeys(response);
                    var left = new List<PendingWrite>();
                    foreach (var item in pending)
                    {
                        if (unprocessed.Contains(item.Key))
                        {
                            left.Add(item);
                            continue;
                        }
                        _tally.Written(item);
                        _progress.Done(item.Sequence);
                        written[item.TableName] = written.TryGetValue(item.TableName, out var n) ? n + 1 : 1;
                        writeUnits += item.WriteUnits;
                        writtenNow++;
                    }
                    await ConsumedAsync(response, pending, unprocessed).ConfigureAwait(false);
                    if (left.Count > 0)
                    {
                        // Items left unprocessed are DynamoDB's way of throttling part of a batch.
                        throttled = true;
                        await ThrottledAsync(left, sentAt).ConfigureAwait(false);
                    }
                    pending = left;
                    lastError = null;
                }
                catch (Exception ex) when (DynamoErrors.IsThrottling(ex) && !token.IsCancellationRequested)
                {
                    throttled = true;
                    lastError = ex;
                    await ThrottledAsync(pending, sentAt).ConfigureAwait(false);
                }
                catch (Exception ex) when (DynamoErrors.IsTransient(ex, token))
                {
                    lastError = ex;
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    // Reported as not written at the top of the loop.
                }
                catch (Exception ex)
                {
                    Fail(pending, WriteFailureReason.Rejected, $"DynamoDB refused the batch: {ex.Message}", ex);
                    break;
                }
                finally
                {
                    if (entered)
                    {
                        _window.Exit(writtenNow, _options.Clock.GetElapsedTime(sentAt), throttled);
                    }
                }
            }

            if (written.Count > 0)
            {
                _events.Writer.TryWrite(new BatchCompleted(batch.Number, written, writeUnits, calls, clock.Elapsed));
            }
        }

        /// <summary>Waits for the hard cap over all tables, then for each table's own rate.</summary>
        private async Task AcquireRateAsync(List<PendingWrite> pending, CancellationToken token)
        {
            if (_rateLimiter != null)
            {
                await _rateLimiter.AcquireAsync(pending.Sum(p => p.WriteUnits), token).ConfigureAwait(false);
            }
            foreach (var table in pending.GroupBy(p => p.TableName, StringComparer.Ordinal))
            {
                var rate = await RateOf(table.Key).ConfigureAwait(false);
                await rate.AcquireAsync(table.Sum(p => p.WriteUnits), token).ConfigureAwait(false);
            }
        }

        /// <summary>Tells each table's rate what it took: ConsumedCapacity, or the items' own units when the server gives none.</summary>
        private async Task ConsumedAsync(BatchWriteItemResponse response, List<PendingWrite> sent, HashSet<ItemKey> unprocessed)
        {
            var reported = (response.ConsumedCapacity ?? new List<ConsumedCapacity>())
                .Where(c => c.TableName != null && c.CapacityUnits is > 0)
                .ToDictionary(c => c.TableName, c => c.CapacityUnits!.Value, StringComparer.Ordinal);
            foreach (var table in sent.Where(p => !unprocessed.Contains(p.Key)).GroupBy(p => p.TableName, StringComparer.Ordinal))
            {
                var units = reported.TryGetValue(table.Key, out var consumed) ? consumed : table.Sum(p => p.WriteUnits);
                if (reported.ContainsKey(table.Key))
                {
                    _tally.Consumed(table.Key, consumed);
                }
                (await RateOf(table.Key).ConfigureAwait(false)).Controller.Consumed(units);
            }
        }

        private async Task ThrottledAsync(List<PendingWrite> refused, long sentAt)
        {
            foreach (var table in refused.GroupBy(p => p.TableName, StringComparer.Ordinal))
            {
                _tally.Throttled(table.Key);
                (await RateOf(table.Key).ConfigureAwait(false)).Controller.Throttled(sentAt, table.Sum(p => p.WriteUnits));
            }
        }

        /// <summary>A table's rate, made on first use from its provisioned write capacity (one DescribeTable).</summary>
        private Task<TableWriteRate> RateOf(string tableName) =>
            _tableRates.GetOrAdd(tableName, name => DescribeRateAsync(name));

        private async Task<TableWriteRate> DescribeRateAsync(string tableName)
        {
            double? provisioned = null;
            try
            {
                var table = (await _client.DescribeTableAsync(new DescribeTableRequest { TableName = tableName }, _cancellation.Token).ConfigureAwait(false)).Table;
                if (table?.BillingModeSummary?.BillingMode != BillingMode.PAY_PER_REQUEST && table?.ProvisionedThroughput?.WriteCapacityUnits is > 0)
                {
                    provisioned = table.ProvisionedThroughput.WriteCapacityUnits.Value;
                }
            }
            catch (Exception ex) when (ex is AmazonDynamoDBException or Amazon.Runtime.AmazonClientException or OperationCanceledException or System.Net.Http.HttpRequestException)
            {
                // Not allowed to describe it, or not there yet: the rate is found from throttling alone.
            }
            return new TableWriteRate(provisioned, _options.MaxWriteUnitsPerSecond, _options.Clock);
        }

        private static async Task<bool> DelayAsync(TimeSpan delay, TimeProvider clock, CancellationToken token)
        {
            try
            {
                await Task.Delay(delay, clock, token).ConfigureAwait(false);
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        private void Fail(IEnumerable<PendingWrite> items, WriteFailureReason reason, string message, Exception? exception)
        {
            foreach (var item in items)
            {
                _tally.Failed(item);
                _events.Writer.TryWrite(new ItemNotWritten(item, reason, message, exception));
            }
        }

        private static BatchWriteItemRequest ToRequest(IEnumerable<PendingWrite> items) => new BatchWriteItemRequest
        {
            ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
            RequestItems = items
                .GroupBy(i => i.TableName, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(ToWriteRequest).ToList()),
        };

        private static WriteRequest ToWriteRequest(PendingWrite item) => item.IsDelete
            ? new WriteRequest { DeleteRequest = new DeleteRequest { Key = item.Attributes } }
            : new WriteRequest { PutRequest = new PutRequest { Item = item.Attributes } };

        private static HashSet<ItemKey> UnprocessedKeys(BatchWriteItemResponse response)
        {
            var keys = new HashSet<ItemKey>();
            if (response.UnprocessedItems == null)
            {
                return keys;
            }
            foreach (var table in response.UnprocessedItems)
            {
                foreach (var request in table.Value ?? new List<WriteRequest>())
                {
                    var item = request.PutRequest?.Item ?? request.DeleteRequest?.Key;
                    if (item != null && item.TryGetValue("PK", out var pk) && item.TryGetValue("SK", out var sk))
                    {
                        keys.Add(new ItemKey(table.Key, pk.S, sk.S));
                    }
                }
            }
            return keys;
        }

        public void Dispose()
        {
            _cancellation.Cancel();
            _batches.Writer.TryComplete();
            try
            {
                Task.WaitAll(_workers);
            }
            catch (AggregateException)
            {
                // Every worker reports its own failures as events; nothing is left to surface here.
            }
            _rateLimiter?.Dispose();
            foreach (var rate in _tableRates.Values.Where(r => r.IsCompletedSuccessfully))
            {
                rate.Result.Dispose();
            }
            _budget.Dispose();
            _cancellation.Dispose();
        }

        private sealed class Batch : List<PendingWrite>
        {
            public Batch(long number, IEnumerable<PendingWrite> items, TaskCompletionSource<bool> done)
                : base(items)
            {
                Number = number;
                Done = done;
            }

            public long Number { get; }
            public TaskCompletionSource<bool> Done { get; }
        }
    }
}
