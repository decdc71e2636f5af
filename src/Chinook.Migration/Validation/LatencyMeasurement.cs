using System;
using System.Collections.Generic;
using System.Linq;

namespace Chinook.Migration.Validation
{
    /// <summary>
    /// The latency distribution of repeated calls of one read, as percentiles by the nearest-rank method: the
    /// p-th percentile of n sorted samples is the sample at rank ceil(p/100 * n), so it is always a latency that
    /// was actually measured (with 20 calls p95 is the 19th fastest and p99 the slowest).
    /// </summary>
    public sealed class LatencyMeasurement
    {
        private LatencyMeasurement(int iterations, double p50, double p95, double p99, double? targetMs)
        {
            Iterations = iterations;
            P50Ms = p50;
            P95Ms = p95;
            P99Ms = p99;
            TargetMs = targetMs;
        }

        public int Iterations { get; }
        public double P50Ms { get; }
        public double P95Ms { get; }
        public double P99Ms { get; }

        /// <summary>The user's target for this read, or null when it has none.</summary>
        public double? TargetMs { get; }

        /// <summary>
        /// p95 is held against the target: one slow call in twenty (a garbage collection, a page fault) should not
        /// fail a read that is fast nineteen times; p99 is reported for whoever needs the tail.
        /// </summary>
        public bool WithinTarget => TargetMs is not double target || P95Ms < target;

        /// <exception cref="ArgumentException">No samples.</exception>
        public static LatencyMeasurement Of(IEnumerable<double> samplesMs, double? targetMs)
        {
            var sorted = samplesMs.OrderBy(s => s).ToArray();
            if (sorted.Length == 0)
            {
                throw new ArgumentException("A latency distribution needs at least one sample.", nameof(samplesMs));
            }
            return new LatencyMeasurement(sorted.Length, Percentile(sorted, 50), Percentile(sorted, 95), Percentile(sorted, 99), targetMs);
        }

        /// <summary>The nearest-rank percentile of samples sorted in ascending order.</summary>
        public static double Percentile(IReadOnlyList<double> sortedSamples, double percent)
        {
            if (sortedSamples.Count == 0)
            {
                throw new ArgumentException("A percentile needs at least one sample.", nameof(sortedSamples));
            }
            if (percent <= 0 || percent > 100)
            {
                throw new ArgumentOutOfRangeException(nameof(percent), percent, "A percentile is above 0 and at most 100.");
            }
            var rank = (int)Math.Ceiling(percent / 100 * sortedSamples.Count);
            return sortedSamples[Math.Max(rank, 1) - 1];
        }
    }

    /// <summary>The kinds of read the user set latency targets for.</summary>
    public enum ReadShape
    {
        /// <summary>One item by its key, or by a unique value through an index: under 10 ms.</summary>
        SingleItem,

        /// <summary>A Query: under 50 ms when it returns fewer than 100 items; no target for larger answers.</summary>
        Query,

        /// <summary>A BatchGetItem of 25 items: under 100 ms.</summary>
        BatchRead,
    }

    public static class LatencyTargets
    {
        public const double SingleItemMs = 10;
        public const double SmallQueryMs = 50;
        public const double BatchReadMs = 100;

        /// <summary>Queries of this many items or more have no latency target; they pass on a correct answer.</summary>
        public const int SmallQueryItemLimit = 100;

        /// <summary>The user's target for a read of this shape that returns <paramref name="items"/> items, or null when there is none.</summary>
        public static double? For(ReadShape shape, int items) => shape switch
        {
            ReadShape.SingleItem => SingleItemMs,
            ReadShape.BatchRead => BatchReadMs,
            _ => items < SmallQueryItemLimit ? SmallQueryMs : (double?)null,
        };
    }
}
