using System;

namespace Chinook.Migration
{
    /// <summary>
    /// Lets a progress bar be redrawn a few times a second: the core reports every hundred rows, and drawing a
    /// progress bar (PowerShell's WriteProgress) costs far more than converting a hundred rows.
    /// </summary>
    public sealed class ProgressThrottle
    {
        public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
        private readonly TimeProvider clock;
        private long? last;

        public ProgressThrottle(TimeProvider clock) => this.clock = clock;

        /// <summary>True, and the interval starts again, when the last redraw is long enough ago (or there was none).</summary>
        public bool Due()
        {
            var now = clock.GetTimestamp();
            if (last is long previous && clock.GetElapsedTime(previous, now) < Interval)
            {
                return false;
            }
            last = now;
            return true;
        }
    }
}
