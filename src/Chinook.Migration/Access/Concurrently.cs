using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Chinook.Migration.Access
{
    /// <summary>Runs one asynchronous read per element with at most a few in flight, and keeps the results in element order.</summary>
    internal static class Concurrently
    {
        public static async Task<IReadOnlyList<TResult>> Map<T, TResult>(IReadOnlyList<T> elements, int maxInFlight, Func<T, Task<TResult>> read)
        {
            using var slots = new SemaphoreSlim(maxInFlight);
            var tasks = elements.Select(async element =>
            {
                await slots.WaitAsync().ConfigureAwait(false);
                try
                {
                    return await read(element).ConfigureAwait(false);
                }
                finally
                {
                    slots.Release();
                }
            }).ToList();
            return await Task.WhenAll(tasks).ConfigureAwait(false);
        }
    }
}
