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
    /// This bucket accrues tokens by its clock instead, so that the write-rate controller can move its rate at any time.
    /// </remarks>
    internal sealed class WriteRateLimiter : IDisposable
    {
        /// <summary>How often waiters are looked at; tokens accrue by the clock in between.</summary>
        private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(100);

        private readonly object _lock = new object();
        private readonly LinkedList<Waiter> _waiting = new LinkedList<Waiter>();
        private readonly TimeProvider _clock;
        private readonly ITimer _refill;
        private double _rate;
        private int _burst;
        private double _tokens;
        private long _refilledAt;

        public WriteRateLimiter(double writeUnitsPerSecond, TimeProvider clock)
        {
            _clock = clock;
            _refilledAt = clock.GetTimestamp();
            SetRate(writeUnitsPerSecond);
            _tokens = _burst;
            _refill = clock.CreateTimer(_ => Refill(), null, Period, Period);
        }

        public double Rate
        {
            get
            {
                lock (_lock)
                {
                    return _rate;
                }
            }
        }

        /// <summary>Refills at another rate from now on; what the bucket holds stays, up to the new second's worth.</summary>
        public void ChangeRate(double writeUnitsPerSecond)
        {
            lock (_lock)
            {
                Accrue();
                SetRate(writeUnitsPerSecond);
                _tokens = Math.Min(_tokens, _burst);
            }
            // A larger bucket may let a waiter through now.
            Grant();
        }

        private void SetRate(double writeUnitsPerSecond)
        {
            _rate = writeUnitsPerSecond;
            _burst = Math.Max(1, (int)Math.Ceiling(writeUnitsPerSecond));
        }

        private void Accrue()
        {
            var now = _clock.GetTimestamp();
            _tokens = Math.Min(_burst, _tokens + _rate * _clock.GetElapsedTime(_refilledAt, now).TotalSeconds);
            _refilledAt = now;
        }

        /// <summary>Waits until the bucket grants the write units, in pieces no larger than one second's worth.</summary>
        public async Task AcquireAsync(int writeUnits, CancellationToken cancellation)
        {
            var remaining = writeUnits;
            while (remaining > 0)
            {
                int piece;
                lock (_lock)
                {
                    piece = Math.Min(remaining, _burst);
                }
                await TakeAsync(piece, cancellation).ConfigureAwait(false);
                remaining -= piece;
            }
        }

        private Task TakeAsync(int tokens, CancellationToken cancellation)
        {
            lock (_lock)
            {
                Accrue();
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
                Accrue();
            }
            Grant();
        }

        private void Grant()
        {
            var granted = new List<Waiter>();
            lock (_lock)
            {
                // A piece asked for before the rate was cut may be more than the bucket now holds: it goes when the
                // bucket is full, and the debt delays the next.
                while (_waiting.First is { } head && _tokens >= Math.Min(head.Value.Tokens, _burst))
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
