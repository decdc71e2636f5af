using System;
using System.Diagnostics;

namespace Chinook.PowerShell.Commands.Shared
{
    /// <summary>
    /// Lets a progress bar be redrawn a few times a second: the core reports every hundred rows, and PowerShell's
    /// WriteProgress costs far more than converting a hundred rows.
    /// </summary>
    internal sealed class ProgressThrottle
    {
        public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private TimeSpan last = -Interval;

        /// <summary>True, and the interval starts again, when the last redraw is long enough ago.</summary>
        public bool Due()
        {
            var now = clock.Elapsed;
            if (now - last < Interval)
            {
                return false;
            }
            last = now;
            return true;
        }
    }
}
