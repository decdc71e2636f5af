using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Chinook.Migration.Target.Writing
{
    /// <summary>
    /// Holds the loader to a number of write units per second, for provisioned tables and shared accounts: a token
    /// bucket that starts full with one second's worth, refills on its clock and grants waiters oldest first.
    /// </summary>
    /// <remarks>
    /// System.Threading.RateLimiting's TokenBucketRateLimiter takes no <see cref="TimeProvider"/> (its timer and,
    /// without auto-replenishment, its refill amount both read the real clock), so tests could only wait it out.
    /// This bucket does what it did with AutoReplenishment: a whole refill each period, up to the limit.
    /// </remarks>
    internal sealed class WriteRateLimiter : IDisposable
    {
        private readonly object _lock = new object();
        private readonly LinkedList<Waiter> _waiting = new LinkedList<Waiter>();
        private readonly ITimer _refill;
        private readonly int _burst;
        private readonly int _tokensPerPeriod;
        private int _tokens;

        public WriteRateLimiter(double writeUnitsPerSecond, TimeProvider clock)
        {
            // Refill in whole tokens at a period that keeps the average exact: 15 WCU/s refills 1 token
            // every 66.7 ms rather than 2 every 100 ms.
            _tokensPerPeriod = Math.Max(1, (int)Math.Floor(writeUnitsPerSecond / 10));
            _burst = Math.Max(1, (int)Math.Ceiling(writeUnitsPerSecond));
            _tokens = _burst;
            var period = TimeSpan.FromSeconds(_tokensPerPeriod / writeUnitsPerSecond);
            _refill = clock.CreateTimer(_ => Refill(), null, period, period);
        }

        /// <summary>Waits until the bucket grants the write units, in pieces no larger than one second's worth.</summary>
        public async Task AcquireAsync(int writeUnits, CancellationToken cancellation)
        {
            var remaining = writeUnits;
            while (remaining > 0)
            {
                var piece = Math.Min(remaining, _burst);
                await TakeAsync(piece, cancellation).ConfigureAwait(false);
                remaining -= piece;
            }
        }

        private Task TakeAsync(int tokens, CancellationToken cancellation)
        {
            lock (_lock)
            {
                if (_waiting.Count == 0 && _tokens >= tokens)
                {
                    _tokens -= tokens;
                    return Task.CompletedTask;
                }
                if (cancellation.IsCancellationRequested)
                {
                    return Task.FromCanceled(cancellation);
                }
                var waiter = new Waiter(tokens);
                var node = _waiting.AddLast(waiter);
                waiter.Registration = cancellation.Register(() => Withdraw(node, cancellation));
                return waiter.Granted.Task;
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
            node.Value.Granted.TrySetCanceled(cancellation);
            // The waiter behind it may need fewer tokens than are there.
            Grant();
        }

        private void Refill()
        {
            lock (_lock)
            {
                _tokens = Math.Min(_burst, _tokens + _tokensPerPeriod);
            }
            Grant();
        }

        private void Grant()
        {
            var granted = new List<Waiter>();
            lock (_lock)
            {
                while (_waiting.First is { } head && head.Value.Tokens <= _tokens)
                {
                    _tokens -= head.Value.Tokens;
                    _waiting.RemoveFirst();
                    granted.Add(head.Value);
                }
            }
            foreach (var waiter in granted)
            {
                waiter.Registration.Dispose();
                waiter.Granted.TrySetResult();
            }
        }

        public void Dispose() => _refill.Dispose();

        private sealed class Waiter
        {
            public Waiter(int tokens) => Tokens = tokens;

            public int Tokens { get; }

            public TaskCompletionSource Granted { get; } = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

            public CancellationTokenRegistration Registration { get; set; }
        }
    }
}
