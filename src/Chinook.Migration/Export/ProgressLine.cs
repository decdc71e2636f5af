using System;

namespace Chinook.Migration.Export
{
    /// <summary>One progress bar: its name, what it has done, and, once the input seen is known, percent and time left.</summary>
    public sealed record ProgressLine(string Name, string Status, int? PercentComplete, int? SecondsRemaining)
    {
        /// <summary>
        /// The items to expect are extrapolated from those received for the share of input read so far (reading
        /// runs ahead of writing by the queue), and the rest is assumed to go at the rate so far. Without a share,
        /// items or rate there is no estimate.
        /// </summary>
        public static ProgressLine Estimated(string name, string status, double? inputFraction, long received, long written, double rate)
        {
            if (inputFraction is double fraction && fraction > 0 && received > 0 && rate > 0)
            {
                var expected = Math.Max(received / fraction, written);
                return new ProgressLine(name, status, (int)(100 * written / expected), (int)Math.Ceiling((expected - written) / rate));
            }
            return new ProgressLine(name, status, null, null);
        }
    }
}
