using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Chinook.Migration.Target.Writing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Chinook.Migration.Tests.Target
{
    /// <summary>
    /// The calls-in-flight limit against scripted servers on a scripted clock: each round sends one call more than
    /// the limit lets through (so calls wait for a place, as when the producer is ahead) unless a test says how
    /// many, and the server decides
    /// how long the round takes and whether it throttles.
    /// </summary>
    public class CallWindowTests
    {
        private const int ItemsPerCall = 25;

        [Fact]
        public async Task RisesToTheBoundWhileEveryCallTakesTheSameTime()
        {
            // A region: 10 ms a call however many are in flight, so more calls are always more throughput.
            var window = await SimulateAsync(1, 64, 8, seconds: 10, (calls, _) => (TimeSpan.FromMilliseconds(10), false));

            Assert.Equal(64, window.Limit);
        }

        [Fact]
        public async Task SettlesNearWhereAServerThatQueuesStopsGivingMore()
        {
            // A server that writes 20,000 items a second at most: past 8 calls of 10 ms they only queue.
            var window = await SimulateAsync(1, 64, 8, seconds: 30,
                (calls, _) => (TimeSpan.FromSeconds(Math.Max(0.010, calls * ItemsPerCall / 20_000.0)), false));

            Assert.InRange(window.Limit, 4, 16);
        }

        [Fact]
        public async Task AProducerSlowerThanTheServerLeavesItWhereItIsWhateverTheLatencyNoise()
        {
            // Half the calls the limit allows, never waiting; latency jumping between 10 and 40 ms, as on a busy machine.
            var window = await SimulateAsync(1, 64, 8, seconds: 20, (calls, round) => (TimeSpan.FromMilliseconds(round % 3 == 0 ? 40 : 10), false), callsPerRound: limit => limit / 2);

            Assert.Equal(8, window.Limit);
        }

        [Fact]
        public async Task ThrottlingLowersItToTheMinimum()
        {
            var window = await SimulateAsync(2, 64, 32, seconds: 10, (calls, _) => (TimeSpan.FromMilliseconds(10), true));

            Assert.Equal(2, window.Limit);
        }

        [Fact]
        public async Task EqualBoundsFixIt()
        {
            var window = await SimulateAsync(12, 12, 8, seconds: 5, (calls, round) => (TimeSpan.FromMilliseconds(10), round % 7 == 0));

            Assert.Equal(12, window.Limit);
        }

        [Fact]
        public async Task AWaitingCallGivesUpWhenCancelled()
        {
            var window = new CallWindow(1, 1, 1, new FakeTimeProvider());
            await window.EnterAsync(CancellationToken.None);
            using var stop = new CancellationTokenSource();

            var waiting = window.EnterAsync(stop.Token);
            Assert.False(waiting.IsCompleted);
            stop.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        }

        private static async Task<CallWindow> SimulateAsync(int minimum, int maximum, int start, int seconds, Func<int, int, (TimeSpan Latency, bool Throttled)> server,
            Func<int, int>? callsPerRound = null)
        {
            var clock = new FakeTimeProvider();
            var window = new CallWindow(minimum, maximum, start, clock);
            var end = clock.GetUtcNow() + TimeSpan.FromSeconds(seconds);
            for (var round = 0; clock.GetUtcNow() < end; round++)
            {
                var calls = callsPerRound?.Invoke(window.Limit) ?? window.Limit + 1;
                var entered = Enumerable.Range(0, calls).Select(_ => window.EnterAsync(CancellationToken.None)).ToList();
                var (latency, throttled) = server(calls, round);
                clock.Advance(latency);
                // Each call that ends makes a place for the one that waited.
                for (var ended = 0; ended < calls; ended++)
                {
                    await entered[ended];
                    window.Exit(ItemsPerCall, latency, throttled);
                }
            }
            return window;
        }
    }
}
