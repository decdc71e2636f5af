using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;

namespace Chinook.FaultProxy
{
    /// <summary>
    /// A provisioned table's write capacity, per table as DynamoDB keeps it: each table may write its budget of
    /// write units per second, with one second's worth of burst; a BatchWriteItem whose units are not there is
    /// refused whole with ThrottlingException and costs nothing. The budget follows a schedule in seconds from
    /// the first write (a neighbour's load that halves it, then goes away), and every second's accepted units
    /// and refused calls are kept for the benchmark's rate-over-time table.
    /// </summary>
    internal sealed class WriteBudget
    {
        private readonly object gate = new object();
        private readonly IReadOnlyList<(double AtSecond, double UnitsPerSecond)> schedule;
        private readonly Dictionary<string, Bucket> buckets = new Dictionary<string, Bucket>(StringComparer.Ordinal);
        private readonly List<Second> seconds = new List<Second>();
        private Stopwatch? sinceFirstWrite;

        public WriteBudget(IReadOnlyList<(double AtSecond, double UnitsPerSecond)> schedule) => this.schedule = schedule;

        /// <summary>What DescribeTable reports as the table's provisioned write capacity: the budget it starts with.</summary>
        public double Provisioned => schedule[0].UnitsPerSecond;

        /// <summary>"1500" or "0:1500,20:750,40:1500": write units per second per table, from a second on.</summary>
        public static IReadOnlyList<(double, double)> ParseSchedule(string value)
        {
            var steps = new List<(double, double)>();
            foreach (var step in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var parts = step.Split(':');
                var at = parts.Length == 2 ? Number(parts[0]) : 0;
                var rate = Number(parts[^1]);
                if (parts.Length > 2 || at < 0 || rate <= 0 || (steps.Count > 0 && at <= steps[^1].Item1) || (steps.Count == 0 && at != 0))
                {
                    throw new ArgumentException($"--write-budget takes UNITS or SECOND:UNITS,SECOND:UNITS... from second 0 in rising order; got '{value}'.");
                }
                steps.Add((at, rate));
            }
            return steps.Count > 0 ? steps : throw new ArgumentException("--write-budget needs at least one rate.");
        }

        /// <summary>Takes the call's units from each table's bucket; false (nothing taken) when one of them has too few.</summary>
        public bool TryWrite(IReadOnlyDictionary<string, int> unitsPerTable)
        {
            lock (gate)
            {
                sinceFirstWrite ??= Stopwatch.StartNew();
                var now = sinceFirstWrite.Elapsed.TotalSeconds;
                var rate = RateAt(now);
                var tables = unitsPerTable.Select(table => (Bucket: BucketOf(table.Key, now, rate), Units: table.Value)).ToList();
                var second = SecondAt(now);
                if (tables.Any(table => table.Bucket.Tokens < table.Units))
                {
                    second.ThrottledCalls++;
                    return false;
                }
                foreach (var (bucket, units) in tables)
                {
                    bucket.Tokens -= units;
                    second.AcceptedUnits += units;
                }
                second.AcceptedCalls++;
                return true;
            }
        }

        public object ToJson()
        {
            lock (gate)
            {
                return new
                {
                    schedule = schedule.Select(step => new { atSecond = step.AtSecond, unitsPerSecond = step.UnitsPerSecond }).ToArray(),
                    perSecond = seconds.Select((s, i) => new
                    {
                        second = i, budget = s.Budget, acceptedUnits = s.AcceptedUnits, acceptedCalls = s.AcceptedCalls, throttledCalls = s.ThrottledCalls,
                    }).ToArray(),
                };
            }
        }

        private double RateAt(double second) => schedule.Last(step => step.AtSecond <= second).UnitsPerSecond;

        private Bucket BucketOf(string table, double now, double rate)
        {
            if (!buckets.TryGetValue(table, out var bucket))
            {
                bucket = new Bucket { Tokens = rate, RefilledAt = now };
                buckets.Add(table, bucket);
            }
            bucket.Tokens = Math.Min(rate, bucket.Tokens + (now - bucket.RefilledAt) * rate);
            bucket.RefilledAt = now;
            return bucket;
        }

        private Second SecondAt(double now)
        {
            while (seconds.Count <= (int)now)
            {
                seconds.Add(new Second { Budget = RateAt(seconds.Count) });
            }
            return seconds[(int)now];
        }

        private static double Number(string text) =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : -1;

        private sealed class Bucket
        {
            public double Tokens;
            public double RefilledAt;
        }

        private sealed class Second
        {
            public double Budget;
            public long AcceptedUnits, AcceptedCalls, ThrottledCalls;
        }
    }
}
