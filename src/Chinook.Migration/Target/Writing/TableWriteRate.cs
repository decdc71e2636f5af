using System;
using System.Threading;
using System.Threading.Tasks;

namespace Chinook.Migration.Target.Writing
{
    /// <summary>
    /// One table's write rate, as DynamoDB throttles per table: the controller decides it, a token bucket holds
    /// the calls to it. No bucket while the rate is unknown and nothing was throttled.
    /// </summary>
    internal sealed class TableWriteRate : IDisposable
    {
        /// <summary>A smaller move of the controller's rate is not worth re-timing the bucket.</summary>
        private const double Hysteresis = 0.02;

        private readonly object _lock = new object();
        private readonly TimeProvider _clock;
        private WriteRateLimiter? _bucket;

        public TableWriteRate(double? provisioned, double? cap, TimeProvider clock)
        {
            _clock = clock;
            Controller = new WriteRateController(provisioned, cap, clock);
            Provisioned = provisioned;
        }

        public WriteRateController Controller { get; }

        public double? Provisioned { get; }

        public Task AcquireAsync(int writeUnits, CancellationToken cancellation)
        {
            if (Controller.Rate is not double rate)
            {
                return Task.CompletedTask;
            }
            WriteRateLimiter bucket;
            lock (_lock)
            {
                if (_bucket is null)
                {
                    _bucket = new WriteRateLimiter(rate, _clock);
                }
                else if (Math.Abs(_bucket.Rate - rate) > rate * Hysteresis)
                {
                    _bucket.ChangeRate(rate);
                }
                bucket = _bucket;
            }
            return bucket.AcquireAsync(writeUnits, cancellation);
        }

        public void Dispose()
        {
            lock (_lock)
            {
                _bucket?.Dispose();
            }
        }
    }
}
