using System;

namespace Chinook.Migration.Target.Writing
{
    public sealed class BatchWriterOptions
    {
        /// <summary>
        /// The most BatchWriteItem calls in flight at once: the writer finds how many the server takes (see
        /// <see cref="CallWindow"/>) up to this. 64 calls of 25 items hide a 50 ms round trip at 32,000 items/s.
        /// </summary>
        public const int DefaultMaxConcurrency = 64;

        /// <summary>Calls in flight when a run starts, within the bounds: what a fixed window used to hold.</summary>
        internal const int StartConcurrency = 8;

        /// <summary>Large items held in flight at once are bounded by bytes per call, for this many calls at most.</summary>
        private const int LargeCallsHeld = 16;

        public int MaxConcurrency { get; set; } = DefaultMaxConcurrency;

        /// <summary>The fewest calls in flight the writer lowers to; equal to <see cref="MaxConcurrency"/> for a fixed number.</summary>
        public int MinConcurrency { get; set; } = 1;

        /// <summary>Hard upper bound on write units sent per second, over all tables; null for no limit.</summary>
        public double? MaxWriteUnitsPerSecond { get; set; }

        /// <summary>Calls made for one item before it is reported as failed: the first one and its retries.</summary>
        public int MaxAttempts { get; set; } = 10;

        /// <summary>Scale of the exponential backoff: attempt n waits a random time up to BaseDelay * 2^n.</summary>
        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(50);

        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>
        /// Bytes of items (by DynamoDB's size rules) the writer holds per call it may have in flight: gathering,
        /// queued and in flight together stay within <see cref="MaxBytesHeld"/>, and a batch within this. Small
        /// items never reach it (25 tracks are about 8 KB, 25 orders about 24 KB); it keeps a run of large items
        /// (playlist pages near 400 KB, each many times that as .NET objects) from filling memory. At the default
        /// concurrency (1 MB held) the 100x benchmark's peak fell from 2.51 to 1.23 times the 1x peak (README
        /// "Loading").
        /// </summary>
        internal long MaxBytesHeldPerCall { get; set; } = 128 * 1024;

        internal long MaxBytesHeld => MaxBytesHeldPerCall * Math.Min(MaxConcurrency, LargeCallsHeld);

        /// <summary>The clock of the write rate, the calls in flight and the retry backoff; tests give one they can advance.</summary>
        internal TimeProvider Clock { get; set; } = TimeProvider.System;

        internal void Validate()
        {
            if (MaxConcurrency < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(MaxConcurrency), MaxConcurrency, "MaxConcurrency must be at least 1.");
            }
            if (MinConcurrency < 1 || MinConcurrency > MaxConcurrency)
            {
                throw new ArgumentOutOfRangeException(nameof(MinConcurrency), MinConcurrency, $"MinConcurrency must be from 1 to MaxConcurrency ({MaxConcurrency}).");
            }
            if (MaxWriteUnitsPerSecond is double rate && (rate <= 0 || double.IsNaN(rate) || double.IsInfinity(rate)))
            {
                throw new ArgumentOutOfRangeException(nameof(MaxWriteUnitsPerSecond), rate, "MaxWriteUnitsPerSecond must be a positive number.");
            }
            if (MaxAttempts < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, "MaxAttempts must be at least 1.");
            }
        }
    }
}
