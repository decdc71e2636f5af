using System;

namespace Chinook.Migration.Target
{
    /// <summary>Exponential backoff, the same for the writer's retries and the readers' unprocessed keys.</summary>
    internal static class Backoff
    {
        /// <summary>The longest wait before the given retry (1, 2, ...): <paramref name="first"/> doubled each time, at most <paramref name="max"/>.</summary>
        public static TimeSpan Bound(TimeSpan first, TimeSpan max, int retry) =>
            TimeSpan.FromTicks((long)Math.Min(max.Ticks, first.Ticks * Math.Pow(2, Math.Min(retry - 1, 30))));
    }
}
