using System;
using System.Linq;
using Chinook.Migration.Validation;
using Xunit;

namespace Chinook.Migration.Tests.Validation
{
    public class LatencyMeasurementTests
    {
        [Fact]
        public void PercentilesAreNearestRankOverTheSortedSamples()
        {
            // 1..20 ms in shuffled order: p50 is the 10th, p95 the 19th, p99 the 20th sample.
            var samples = new double[] { 7, 20, 3, 15, 1, 12, 9, 18, 5, 11, 2, 16, 8, 19, 4, 13, 6, 17, 10, 14 };
            var latency = LatencyMeasurement.Of(samples, 50);
            Assert.Equal(20, latency.Iterations);
            Assert.Equal(10, latency.P50Ms);
            Assert.Equal(19, latency.P95Ms);
            Assert.Equal(20, latency.P99Ms);
        }

        [Fact]
        public void EveryPercentileOfOneSampleIsThatSample()
        {
            var latency = LatencyMeasurement.Of(new[] { 4.5 }, null);
            Assert.Equal(new[] { 4.5, 4.5, 4.5 }, new[] { latency.P50Ms, latency.P95Ms, latency.P99Ms });
        }

        [Fact]
        public void AHundredSamplesGiveTheSamplesAtRanks50_95And99()
        {
            var samples = Enumerable.Range(1, 100).Select(i => (double)i).Reverse();
            var latency = LatencyMeasurement.Of(samples, null);
            Assert.Equal((50, 95, 99), (latency.P50Ms, latency.P95Ms, latency.P99Ms));
        }

        [Fact]
        public void P95IsHeldAgainstTheTargetSoOneSlowCallInTwentyDoesNotFail()
        {
            var oneSlow = Enumerable.Repeat(2.0, 19).Append(500.0);
            Assert.True(LatencyMeasurement.Of(oneSlow, 10).WithinTarget);
            var twoSlow = Enumerable.Repeat(2.0, 18).Concat(new[] { 500.0, 500.0 });
            Assert.False(LatencyMeasurement.Of(twoSlow, 10).WithinTarget);
            Assert.True(LatencyMeasurement.Of(twoSlow, null).WithinTarget);
        }

        [Fact]
        public void NoSamplesIsRefused()
        {
            Assert.Throws<ArgumentException>(() => LatencyMeasurement.Of(Array.Empty<double>(), 10));
        }

        [Theory]
        [InlineData(ReadShape.SingleItem, 1, 10.0)]
        [InlineData(ReadShape.Query, 1, 50.0)]
        [InlineData(ReadShape.Query, 99, 50.0)]
        [InlineData(ReadShape.Query, 100, null)]
        [InlineData(ReadShape.Query, 1297, null)]
        [InlineData(ReadShape.BatchRead, 25, 100.0)]
        public void TheUsersTargetsDependOnTheReadAndItsSize(ReadShape shape, int items, double? target)
        {
            Assert.Equal(target, LatencyTargets.For(shape, items));
        }
    }
}
