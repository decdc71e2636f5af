using System;
using System.Threading;
using System.Threading.Tasks;
using Chinook.Migration.Target.Writing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Chinook.Migration.Tests.Target
{
    /// <summary>The write-rate limit on a clock the test moves: what is granted when, without waiting it out.</summary>
    public class WriteRateLimiterTests
    {
        // Only against a hang: every grant below is due by the fake clock before it is awaited.
        private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);
        private static readonly TimeSpan OnePeriod = TimeSpan.FromMilliseconds(100);

        [Fact]
        public async Task OneSecondsWorthIsGrantedAtOnceAndTheRestAtTheRate()
        {
            var clock = new FakeTimeProvider();
            using var limiter = new WriteRateLimiter(100, clock);

            Assert.True(limiter.AcquireAsync(100, CancellationToken.None).IsCompletedSuccessfully);
            // 100 units a second refill 10 every 100 ms: 25 more units are there after 300 ms, not before.
            var next = limiter.AcquireAsync(25, CancellationToken.None);
            clock.Advance(2 * OnePeriod);
            Assert.False(next.IsCompleted);
            clock.Advance(OnePeriod);
            await next.WaitAsync(Hang);
        }

        [Fact]
        public async Task MoreThanOneSecondsWorthIsGrantedInPiecesAtTheRate()
        {
            var clock = new FakeTimeProvider();
            using var limiter = new WriteRateLimiter(10, clock);

            // A bucket of 10 never holds 25: 10 at once, 10 after a second, 5 after half a second more.
            var acquired = limiter.AcquireAsync(25, CancellationToken.None);
            for (var step = 1; step < 15; step++)
            {
                clock.Advance(OnePeriod);
                Assert.False(acquired.IsCompleted, $"25 units at 10 a second were granted after {step * 100} ms");
            }
            clock.Advance(OnePeriod);
            await acquired.WaitAsync(Hang);
        }

        [Fact]
        public async Task WaitersAreServedOldestFirstAndACancelledOneGivesWay()
        {
            var clock = new FakeTimeProvider();
            using var limiter = new WriteRateLimiter(100, clock);
            using var stop = new CancellationTokenSource();
            await limiter.AcquireAsync(100, CancellationToken.None);

            var large = limiter.AcquireAsync(50, stop.Token);
            var small = limiter.AcquireAsync(10, CancellationToken.None);
            clock.Advance(OnePeriod);
            Assert.False(small.IsCompleted, "a later, smaller request went ahead of an earlier one");

            stop.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => large.WaitAsync(Hang));
            await small.WaitAsync(Hang);
        }
    }
}
