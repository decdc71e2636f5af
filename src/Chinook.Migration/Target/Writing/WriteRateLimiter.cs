using System;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace Chinook.Migration.Target.Writing
{
    /// <summary>Holds the loader to a number of write units per second, for provisioned tables and shared accounts.</summary>
    internal sealed class WriteRateLimiter : IDisposable
    {
        private readonly TokenBucketRateLimiter _bucket;
        private readonly int _burst;

        public WriteRateLimiter(double writeUnitsPerSecond)
        {
            // Refill in whole tokens at a period that keeps the average exact: 15 WCU/s refills 1 token
            // every 66.7 ms rather than 2 every 100 ms.
            var tokensPerPeriod = Math.Max(1, (int)Math.Floor(writeUnitsPerSecond / 10));
            _burst = Math.Max(1, (int)Math.Ceiling(writeUnitsPerSecond));
            _bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = _burst,
                TokensPerPeriod = tokensPerPeriod,
                ReplenishmentPeriod = TimeSpan.FromSeconds(tokensPerPeriod / writeUnitsPerSecond),
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
        }

        /// <summary>Waits until the bucket grants the write units, in pieces no larger than one second's worth.</summary>
        public async Task AcquireAsync(int writeUnits, CancellationToken cancellation)
        {
            var remaining = writeUnits;
            while (remaining > 0)
            {
                var piece = Math.Min(remaining, _burst);
                using var lease = await _bucket.AcquireAsync(piece, cancellation).ConfigureAwait(false);
                if (!lease.IsAcquired)
                {
                    throw new InvalidOperationException("The write-rate limiter refused a lease.");
                }
                remaining -= piece;
            }
        }

        public void Dispose() => _bucket.Dispose();
    }
}
