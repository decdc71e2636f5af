using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace Chinook.Migration.Readback
{
    /// <summary>
    /// Runs tasks that are worthless unless all of them succeed: the first failure cancels the others through
    /// <see cref="Token"/>, and it (not the cancellations it caused) is what the caller sees.
    /// </summary>
    internal sealed class FirstFailure : IDisposable
    {
        private readonly CancellationToken caller;
        private readonly CancellationTokenSource source;
        private Exception? first;

        public FirstFailure(CancellationToken caller)
        {
            this.caller = caller;
            source = CancellationTokenSource.CreateLinkedTokenSource(caller);
        }

        /// <summary>Cancelled when the caller cancels or one of the tasks fails.</summary>
        public CancellationToken Token => source.Token;

        public async Task<T[]> WhenAll<T>(IEnumerable<Task<T>> tasks)
        {
            var watched = tasks.Select(Watch).ToList();
            try
            {
                return await Task.WhenAll(watched).ConfigureAwait(false);
            }
            catch when (first is not null && !caller.IsCancellationRequested)
            {
                ExceptionDispatchInfo.Capture(first).Throw();
                throw;
            }
        }

        private async Task<T> Watch<T>(Task<T> task)
        {
            try
            {
                return await task.ConfigureAwait(false);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && source.IsCancellationRequested))
            {
                Interlocked.CompareExchange(ref first, ex, null);
                source.Cancel();
                throw;
            }
        }

        public void Dispose() => source.Dispose();
    }
}
