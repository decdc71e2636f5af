using System;

namespace Chinook.Migration.Target.Writing
{
    public sealed class BatchWriterOptions
    {
        /// <summary>BatchWriteItem calls in flight at once. See README "Loading" for the measurements behind it.</summary>
        public const int DefaultMaxConcurrency = 8;

        public int MaxConcurrency { get; set; } = DefaultMaxConcurrency;

        /// <summary>Upper bound on write units sent per second; null for no limit.</summary>
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

        internal long MaxBytesHeld => MaxBytesHeldPerCall * MaxConcurrency;

        /// <summary>The clock of the write-rate limit and the retry backoff; tests give one they can advance.</summary>
        internal TimeProvider Clock { get; set; } = TimeProvider.System;

        internal void Validate()
        {
            if (MaxConcurrency < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(MaxConcurrency), MaxConcurrency, "MaxConcurrency must be at least 1.");
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
