using System;
using System.Runtime;

namespace Chinook.Migration.Validation
{
    /// <summary>
    /// Turns off background garbage collection while a validation holds the scanned target, and back on when the
    /// last such validation ends. With background collections the heap of a 100x target fragmented to 4.7 GB of
    /// working set, with 2.6 GB of it free space; blocking collections compact it, and the peak was 2.3 GB.
    /// </summary>
    internal static class BlockingCollections
    {
        private static readonly object Lock = new object();
        private static int holders;
        private static GCLatencyMode previous;

        public static IDisposable Enter()
        {
            lock (Lock)
            {
                if (holders++ == 0)
                {
                    previous = GCSettings.LatencyMode;
                    GCSettings.LatencyMode = GCLatencyMode.Batch;
                }
            }
            return new Holder();
        }

        private static void Leave()
        {
            lock (Lock)
            {
                if (--holders == 0)
                {
                    GCSettings.LatencyMode = previous;
                }
            }
        }

        private sealed class Holder : IDisposable
        {
            private bool left;

            public void Dispose()
            {
                if (!left)
                {
                    left = true;
                    Leave();
                }
            }
        }
    }
}
