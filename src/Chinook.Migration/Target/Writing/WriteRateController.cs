using System;
using System.Collections.Generic;

namespace Chinook.Migration.Target.Writing
{
    /// <summary>
    /// Finds the write rate one table allows, in write units per second, by CUBIC congestion control: a throttled
    /// call cuts the rate to <see cref="Decrease"/> of what the table was taking, after which it climbs back in a
    /// cubic curve, fast at first, flat near the rate that was throttled, and faster again past it, so it probes
    /// for more without lingering under the limit it just found. It starts from the table's provisioned capacity
    /// when there is one, else unlimited until the first throttling; a cap is never exceeded.
    /// </summary>
    /// <remarks>
    /// AIMD would climb back at one fixed step and spend most of each cycle below the limit; CUBIC's plateau keeps
    /// it near the limit with few throttled calls, and its convex part follows a limit that comes back up.
    /// A call throttled after it was sent at the old rate says nothing new, so only calls sent after the last
    /// cut can cut again: a burst of throttled calls in flight is one cut, not many. And DynamoDB meters a table
    /// over about a second, so a cut gets <see cref="MinimumCutInterval"/> to show before the next: against a
    /// server that answers in a millisecond, one cut per call would take the rate to nothing in a moment.
    /// </remarks>
    internal sealed class WriteRateController
    {
        /// <summary>The share of the throttled rate that the rate is cut to.</summary>
        internal const double Decrease = 0.8;

        /// <summary>How long after a cut the rate is back at the rate that was throttled.</summary>
        internal static readonly TimeSpan Recovery = TimeSpan.FromSeconds(4);

        /// <summary>The least time between two cuts: a halved budget is followed in about a second.</summary>
        internal static readonly TimeSpan MinimumCutInterval = TimeSpan.FromMilliseconds(200);

        private const double MinimumRate = 1;
        private static readonly TimeSpan MeasuredWindow = TimeSpan.FromSeconds(1);
        private static readonly TimeSpan MinimumSpan = TimeSpan.FromMilliseconds(10);

        private readonly object _lock = new object();
        private readonly TimeProvider _clock;
        private readonly double? _start;
        private readonly double? _cap;
        private readonly Queue<(long At, double Units)> _recent = new Queue<(long, double)>();
        private double _recentUnits;
        private long? _firstConsumedAt;
        private double? _throttledRate;
        private long _cutAt;

        /// <param name="provisioned">The table's provisioned write capacity; null when on demand or unknown.</param>
        /// <param name="cap">The user's hard limit; null for none.</param>
        public WriteRateController(double? provisioned, double? cap, TimeProvider clock)
        {
            _clock = clock;
            _cap = cap;
            _start = provisioned is double p && cap is double c ? Math.Min(p, c) : provisioned ?? cap;
        }

        /// <summary>The write units per second to send at now; null for no limit.</summary>
        public double? Rate
        {
            get
            {
                lock (_lock)
                {
                    return RateNow(_clock.GetTimestamp());
                }
            }
        }

        /// <summary>Write units the table took (ConsumedCapacity, or the items' own units) in a call that was not throttled.</summary>
        public void Consumed(double units)
        {
            lock (_lock)
            {
                var now = _clock.GetTimestamp();
                _firstConsumedAt ??= now;
                _recent.Enqueue((now, units));
                _recentUnits += units;
                Trim(now);
            }
        }

        /// <summary>
        /// A call sent at <paramref name="sentAt"/> (a timestamp of the clock) with <paramref name="units"/> write
        /// units for this table was throttled; true when that cut the rate.
        /// </summary>
        public bool Throttled(long sentAt, double units)
        {
            lock (_lock)
            {
                var now = _clock.GetTimestamp();
                if (_throttledRate != null && (sentAt < _cutAt || _clock.GetElapsedTime(_cutAt, now) < MinimumCutInterval))
                {
                    return false;
                }
                Trim(now);
                // What the table took over the last second is what it allows: the rate sent at may be far above it
                // (the producer was slower), or unknown before the first throttling, when a table that took nothing
                // yet allows at least less than this call asked for.
                var taken = _recentUnits / MeasuredSpan(now).TotalSeconds;
                var throttledAt = RateNow(now) is double rate
                    ? (taken > 0 ? Math.Min(rate, taken) : rate)
                    : Math.Max(taken, units);
                _throttledRate = Math.Max(MinimumRate, throttledAt);
                _cutAt = now;
                return true;
            }
        }

        private double? RateNow(long now)
        {
            if (_throttledRate is not double top)
            {
                return _start;
            }
            // W(t) = C (t - K)^3 + Wmax, with K the recovery time and C chosen so that W(0) = Decrease * Wmax.
            var k = Recovery.TotalSeconds;
            var c = top * (1 - Decrease) / (k * k * k);
            var t = _clock.GetElapsedTime(_cutAt, now).TotalSeconds - k;
            var rate = Math.Max(MinimumRate, top + c * t * t * t);
            return _cap is double cap ? Math.Min(cap, rate) : rate;
        }

        /// <summary>The last second, or less in the first second of writing: the rate so far, not a second's average.</summary>
        private TimeSpan MeasuredSpan(long now)
        {
            var since = _firstConsumedAt is long first ? _clock.GetElapsedTime(first, now) : MeasuredWindow;
            return since < MinimumSpan ? MinimumSpan : since > MeasuredWindow ? MeasuredWindow : since;
        }

        private void Trim(long now)
        {
            while (_recent.Count > 0 && _clock.GetElapsedTime(_recent.Peek().At, now) > MeasuredWindow)
            {
                _recentUnits -= _recent.Dequeue().Units;
            }
        }
    }
}
