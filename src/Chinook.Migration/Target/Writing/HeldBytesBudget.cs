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
        // Lock-free: a profile of Export against a server that answers at once showed the adding thread spinning
        // in Monitor.Enter on a lock here (a tenth of its time), contended by the workers' releases.
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
            while (true)
            {
                var held = Interlocked.Read(ref _held);
                if (held > 0 && held + bytes > _limit)
                {
                    _freed.Reset();
                    // A release between the read and the reset would not wake the waiter: look again.
                    if (Interlocked.Read(ref _held) != held)
                    {
                        continue;
                    }
                    return false;
                }
                if (Interlocked.CompareExchange(ref _held, held + bytes, held) == held)
                {
                    return true;
                }
            }
        }

        /// <summary>The bytes taken and not yet released.</summary>
        public long Held => Interlocked.Read(ref _held);

        /// <summary>
        /// Waits until bytes are released after the last <see cref="TryTake"/> that failed; throws
        /// <see cref="System.OperationCanceledException"/> when cancelled.
        /// </summary>
        public void WaitForRelease(CancellationToken cancellation) => _freed.Wait(cancellation);

        public void Release(long bytes)
        {
            Interlocked.Add(ref _held, -bytes);
            _freed.Set();
        }

        public void Dispose() => _freed.Dispose();
    }
}
