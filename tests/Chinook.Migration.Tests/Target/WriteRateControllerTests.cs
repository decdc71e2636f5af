using System;
using System.Collections.Generic;
using System.Linq;
using Chinook.Migration.Target.Writing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Chinook.Migration.Tests.Target
{
    /// <summary>
    /// The write-rate controller against a scripted table on a scripted clock: a sender that sends 25-unit calls as
    /// fast as the controller's rate lets it, and a table that throttles what goes beyond its budget (with one
    /// second of burst, as DynamoDB keeps it). Every second of simulated time is counted; nothing waits.
    /// </summary>
    public class WriteRateControllerTests
    {
        private const int CallUnits = 25;
        private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(10);

        [Fact]
        public void ConvergesToTheTablesBudgetWithoutAKnownStart()
        {
            var run = Simulate(provisioned: null, cap: null, seconds: 60, budget: _ => 1000);

            // After the first throttling finds the budget: at least 90% of it, with under 2% of calls throttled.
            var settled = run.Seconds.Skip(10).ToList();
            Assert.InRange(settled.Average(s => s.Accepted), 900, 1000);
            Assert.True(settled.Sum(s => s.Throttled) < 0.02 * settled.Sum(s => s.Calls), run.Describe());
        }

        [Fact]
        public void StartsFromTheProvisionedCapacityWithFewThrottledCalls()
        {
            var run = Simulate(provisioned: 1000, cap: null, seconds: 30, budget: _ => 1000);

            Assert.InRange(run.Seconds.Average(s => s.Accepted), 900, 1000);
            Assert.True(run.Seconds.Sum(s => s.Throttled) < 0.02 * run.Seconds.Sum(s => s.Calls), run.Describe());
            Assert.True(run.Seconds.Take(3).All(s => s.Accepted >= 900), run.Describe());
        }

        [Fact]
        public void FollowsABudgetThatHalvesAndComesBack()
        {
            var run = Simulate(provisioned: 1000, cap: null, seconds: 75, budget: second => second is >= 20 and < 45 ? 500 : 1000);

            // Within a few seconds of each change it holds close to the new budget, and never far above it.
            var halved = run.Seconds.Skip(25).Take(20).ToList();
            Assert.InRange(halved.Average(s => s.Accepted), 450, 500);
            var back = run.Seconds.Skip(60).ToList();
            Assert.True(back.Average(s => s.Accepted) >= 900, run.Describe());
        }

        [Fact]
        public void NeverSendsAboveTheCap()
        {
            var run = Simulate(provisioned: 5000, cap: 600, seconds: 30, budget: _ => 1000);

            Assert.All(run.Rates, rate => Assert.True(rate <= 600, $"rate {rate} over the cap of 600"));
            Assert.All(run.Seconds.Skip(1), s => Assert.True(s.Sent <= 600, run.Describe()));
            Assert.Equal(0, run.Seconds.Sum(s => s.Throttled));
        }

        [Fact]
        public void ACapAloneHoldsTheRateUntilThrottlingFindsLess()
        {
            var run = Simulate(provisioned: null, cap: 800, seconds: 40, budget: second => second < 10 ? 1000 : 400);

            Assert.All(run.Seconds.Skip(1).Take(8), s => Assert.InRange(s.Sent, 750, 800));
            // Up to the budget, plus the one second of burst a table keeps.
            Assert.InRange(run.Seconds.Skip(20).Average(s => s.Accepted), 360, 420);
        }

        private sealed record Second(double Sent, double Accepted, int Calls, int Throttled);

        private sealed class Run
        {
            public List<Second> Seconds { get; } = new List<Second>();
            public List<double> Rates { get; } = new List<double>();

            public string Describe() =>
                "per second (sent/accepted/throttled calls): " + string.Join(", ", Seconds.Select((s, i) => $"{i}:{s.Sent:F0}/{s.Accepted:F0}/{s.Throttled}"));
        }

        /// <summary>Steps the clock 10 ms at a time; a rate of null sends without a limit (here 100 calls a step).</summary>
        private static Run Simulate(double? provisioned, double? cap, int seconds, Func<int, double> budget)
        {
            var clock = new FakeTimeProvider();
            var controller = new WriteRateController(provisioned, cap, clock);
            var run = new Run();
            var tableTokens = budget(0);
            var credit = 0.0;
            var stepsPerSecond = (int)(TimeSpan.FromSeconds(1) / Step);
            for (var second = 0; second < seconds; second++)
            {
                double sent = 0, accepted = 0;
                int calls = 0, throttled = 0;
                var allowed = budget(second);
                for (var step = 0; step < stepsPerSecond; step++)
                {
                    clock.Advance(Step);
                    tableTokens = Math.Min(allowed, tableTokens + allowed * Step.TotalSeconds);
                    var rate = controller.Rate;
                    if (rate is double r)
                    {
                        run.Rates.Add(r);
                        // A token bucket of one second's worth, as the writer's limiter keeps it.
                        credit = Math.Min(r, credit + r * Step.TotalSeconds);
                    }
                    else
                    {
                        credit = 100 * CallUnits;
                    }
                    while (credit >= CallUnits)
                    {
                        credit -= CallUnits;
                        calls++;
                        sent += CallUnits;
                        if (tableTokens >= CallUnits)
                        {
                            tableTokens -= CallUnits;
                            accepted += CallUnits;
                            controller.Consumed(CallUnits);
                        }
                        else
                        {
                            throttled++;
                            controller.Throttled(clock.GetTimestamp(), CallUnits);
                        }
                    }
                }
                run.Seconds.Add(new Second(sent, accepted, calls, throttled));
            }
            return run;
        }
    }
}
