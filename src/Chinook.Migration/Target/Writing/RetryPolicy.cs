using System;

namespace Chinook.Migration.Target.Writing
{
    /// <summary>How long to wait before another try: exponential backoff with full jitter.</summary>
    internal sealed class RetryPolicy
    {
        private readonly BatchWriterOptions _options;
        private readonly Random _random;
        private readonly object _lock = new object();

        public RetryPolicy(BatchWriterOptions options, int seed)
        {
            _options = options;
            _random = new Random(seed);
        }

        /// <summary>Full jitter: a uniformly random wait between zero and the capped exponential bound.</summary>
        public TimeSpan Delay(int attempt)
        {
            var bound = Backoff.Bound(_options.BaseDelay, _options.MaxDelay, attempt + 1);
            double fraction;
            lock (_lock)
            {
                fraction = _random.NextDouble();
            }
            return TimeSpan.FromTicks((long)(bound.Ticks * fraction));
        }
    }
}
