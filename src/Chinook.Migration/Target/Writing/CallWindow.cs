using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Chinook.Migration.Target.Writing
{
    /// <summary>
    /// How many BatchWriteItem calls may be in flight, found while writing: every window of calls it compares the
    /// items written per second with the window before. It raises the limit while throughput rises and calls wait
    /// for a place; it lowers it when latency grows without more throughput (the server is queueing them), and
    /// when a call is throttled. Between <see cref="Minimum"/> and <see cref="Maximum"/>; equal bounds fix it.
    /// </summary>
    /// <remarks>
    /// A fixed window cannot be right for both ends: 8 calls of 10 ms each cap 25-item batches at 20,000 items/s,
    /// while dynalite is saturated by one. Only a window in which calls waited for a place (more demand than the
    /// limit) moves it on throughput or latency: a producer slower than the server neither drives it to the
    /// maximum for nothing nor, through the latency noise of a busy machine, down to one call.
    /// </remarks>
    internal sealed class CallWindow
    {
        /// <summary>A window ends after this long and at least as many calls as the limit (or 8, whichever is more).</summary>
        internal static readonly TimeSpan WindowLength = TimeSpan.FromMilliseconds(250);

        private const double Rise = 1.10;
        private const double LatencyGrowth = 1.5;
        private const int ProbeEvery = 4;

        private readonly object _lock = new object();
        private readonly LinkedList<Waiter> _waiting = new LinkedList<Waiter>();
        private readonly TimeProvider _clock;
        private int _inFlight;
        private long _windowStart;
        private int _calls;
        private long _items;
        private double _latencySeconds;
        private bool _throttled;
        private bool _saturated;
        private double _previousThroughput;
        private double _lowestLatency = double.MaxValue;
        private int _steadyWindows;

        public CallWindow(int minimum, int maximum, int start, TimeProvider clock)
        {
            Minimum = minimum;
            Maximum = maximum;
            Limit = Math.Clamp(start, minimum, maximum);
            _clock = clock;
            _windowStart = clock.GetTimestamp();
        }

        public int Minimum { get; }
        public int Maximum { get; }

        /// <summary>Calls allowed in flight now.</summary>
        public int Limit { get; private set; }

        /// <summary>Waits for a place for one call.</summary>
        public Task EnterAsync(CancellationToken cancellation)
        {
            lock (_lock)
            {
                if (_waiting.Count == 0 && _inFlight < Limit)
                {
                    _inFlight++;
                    return Task.CompletedTask;
                }
                if (cancellation.IsCancellationRequested)
                {
                    return Task.FromCanceled(cancellation);
                }
                _saturated = true;
                var waiter = new Waiter();
                var node = _waiting.AddLast(waiter);
                waiter.Registration = cancellation.Register(() => Withdraw(node, cancellation));
                return waiter.Entered.Task;
            }
        }

        /// <summary>A call ended: the items it wrote, how long it took, whether it was throttled.</summary>
        public void Exit(int itemsWritten, TimeSpan latency, bool throttled)
        {
            lock (_lock)
            {
                _inFlight--;
                _calls++;
                _items += itemsWritten;
                _latencySeconds += latency.TotalSeconds;
                _throttled |= throttled;
                var elapsed = _clock.GetElapsedTime(_windowStart);
                if (elapsed >= WindowLength && _calls >= Math.Max(Limit, 8))
                {
                    Decide(elapsed);
                }
            }
            Grant();
        }

        private void Decide(TimeSpan elapsed)
        {
            var throughput = _items / elapsed.TotalSeconds;
            var latency = _latencySeconds / _calls;
            var limit = Limit;
            if (_throttled)
            {
                limit = limit * 3 / 4;
                _steadyWindows = 0;
            }
            else if (_saturated && throughput > _previousThroughput * Rise)
            {
                limit += Math.Max(1, limit / 4);
                _steadyWindows = 0;
            }
            else if (_saturated && latency > _lowestLatency * LatencyGrowth && throughput < _previousThroughput * Rise)
            {
                limit -= Math.Max(1, limit / 8);
                _steadyWindows = 0;
            }
            else if (_saturated && ++_steadyWindows % ProbeEvery == 0)
            {
                // Throughput may be the server's or the producer's limit, or the limit may have moved: one more
                // call finds out, and the latency rule takes it back when it only queues.
                limit++;
            }
            Limit = Math.Clamp(limit, Minimum, Maximum);
            // The lowest latency seen, let drift up a little each window so that one lucky window does not stay the
            // baseline for good.
            _lowestLatency = Math.Min(_lowestLatency * 1.002, latency);
            _previousThroughput = throughput;
            _windowStart = _clock.GetTimestamp();
            _calls = 0;
            _items = 0;
            _latencySeconds = 0;
            _throttled = false;
            _saturated = _waiting.Count > 0;
        }

        private void Grant()
        {
            var entered = new List<Waiter>();
            lock (_lock)
            {
                while (_inFlight < Limit && _waiting.First is { } head)
                {
                    _waiting.RemoveFirst();
                    _inFlight++;
                    entered.Add(head.Value);
                }
            }
            foreach (var waiter in entered)
            {
                waiter.Registration.Dispose();
                waiter.Entered.TrySetResult();
            }
        }

        private void Withdraw(LinkedListNode<Waiter> node, CancellationToken cancellation)
        {
            lock (_lock)
            {
                if (node.List == null)
                {
                    return;
                }
                _waiting.Remove(node);
            }
            node.Value.Entered.TrySetCanceled(cancellation);
        }

        private sealed class Waiter
        {
            public TaskCompletionSource Entered { get; } = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

            public CancellationTokenRegistration Registration { get; set; }
        }
    }
}
