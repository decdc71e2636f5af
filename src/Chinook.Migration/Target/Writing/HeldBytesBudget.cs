using System.Threading;

namespace Chinook.Migration.Target.Writing
{
    /// <summary>
    /// Caps the bytes of items the writer holds at once (gathering, queued and in flight). A count of batches
    /// alone does not bound memory: a batch of large items (playlist pages near 400 KB) takes far more than
    /// a batch of tracks, and a database with many of them made the peak grow with the input.
    /// </summary>
    internal sealed class HeldBytesBudget : System.IDisposable
    {
        private readonly object _lock = new object();
        private readonly ManualResetEventSlim _freed = new ManualResetEventSlim(false);
        private readonly long _limit;
        private long _held;

        public HeldBytesBudget(long limit)
        {
            _limit = limit;
        }

        /// <summary>Takes the bytes if they fit; an empty budget takes any item, so one larger than the limit still goes.</summary>
        public bool TryTake(long bytes)
        {
            lock (_lock)
            {
                if (_held > 0 && _held + bytes > _limit)
                {
                    _freed.Reset();
                    return false;
                }
                _held += bytes;
                return true;
            }
        }

        /// <summary>The bytes taken and not yet released.</summary>
        public long Held
        {
            get
            {
                lock (_lock)
                {
                    return _held;
                }
            }
        }

        /// <summary>
        /// Waits until bytes are released after the last <see cref="TryTake"/> that failed; throws
        /// <see cref="System.OperationCanceledException"/> when cancelled.
        /// </summary>
        public void WaitForRelease(CancellationToken cancellation) => _freed.Wait(cancellation);

        public void Release(long bytes)
        {
            lock (_lock)
            {
                _held -= bytes;
            }
            _freed.Set();
        }

        public void Dispose() => _freed.Dispose();
    }
}
