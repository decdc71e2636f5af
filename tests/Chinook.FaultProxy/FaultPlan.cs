using System;
using System.Collections.Generic;
using System.Linq;

namespace Chinook.FaultProxy
{
    /// <summary>
    /// Decides which request gets which fault. One seeded random source behind a lock, so a client that
    /// sends its requests one at a time meets the same faults in every run.
    /// </summary>
    internal sealed class FaultPlan
    {
        private readonly object gate = new object();
        private readonly ProxyOptions options;
        private readonly Random random;
        private long injected;

        public FaultPlan(ProxyOptions options)
        {
            this.options = options;
            random = new Random(options.Seed);
        }

        /// <param name="action">The X-Amz-Target action (BatchWriteItem, ...), or null when the request has none.</param>
        /// <param name="canWithhold">Whether the request is a batch that 'unprocessed' can split.</param>
        public FaultKind? Choose(string? action, bool canWithhold)
        {
            if (options.FaultRate <= 0 || (options.FaultOnlyTargets is { } targets && (action is null || !targets.Contains(action))))
            {
                return null;
            }
            var candidates = options.Faults.Where(kind => kind != FaultKind.Unprocessed || canWithhold).ToList();
            if (candidates.Count == 0)
            {
                return null;
            }
            lock (gate)
            {
                if (injected >= options.MaxFaults || random.NextDouble() >= options.FaultRate)
                {
                    return null;
                }
                injected++;
                return candidates[random.Next(candidates.Count)];
            }
        }

        /// <summary>
        /// The positions of the requests of a batch to hand back as unprocessed: some but not all of them, as a
        /// throttled table does, and the single request of a batch of one (so that 'unprocessed' at rate 1 never
        /// lets anything through and a client's retry bound is really tested).
        /// </summary>
        public ISet<int> ChooseWithheld(int count)
        {
            lock (gate)
            {
                var withheld = count == 1 ? 1 : random.Next(1, count);
                var positions = Enumerable.Range(0, count).ToArray();
                random.Shuffle(positions);
                return positions.Take(withheld).ToHashSet();
            }
        }
    }
}
