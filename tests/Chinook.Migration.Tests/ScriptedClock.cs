using System;
using System.Threading;

namespace Chinook.Migration.Tests
{
    /// <summary>A clock that stands still until the test moves it, for what is timed (checkpoints, rates) without sleeping.</summary>
    internal sealed class ScriptedClock : TimeProvider
    {
        private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        private long ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Read(ref ticks);

        public override DateTimeOffset GetUtcNow() => Start.AddTicks(GetTimestamp());

        public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
    }
}
