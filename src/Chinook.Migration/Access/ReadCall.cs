using System;
using System.Threading;

namespace Chinook.Migration.Access
{
    /// <summary>
    /// The requests of one access pattern (one reader method call), counted across the concurrent reads it makes,
    /// so that its progress can say how many of the requests known so far are done.
    /// </summary>
    internal sealed class ReadCall
    {
        private readonly IProgress<ReadProgress>? progress;
        private int planned;
        private int done;

        public ReadCall(IProgress<ReadProgress>? progress, int plannedRequests = 1)
        {
            this.progress = progress;
            planned = plannedRequests;
        }

        /// <summary>More requests that the first answers showed to be needed.</summary>
        public void Plan(int moreRequests) => Interlocked.Add(ref planned, moreRequests);

        public void Started(ReadRequest request) => progress?.Report(new ReadProgress(request, 0, 0, false, Volatile.Read(ref done), Volatile.Read(ref planned)));

        public void PageRead(ReadRequest request, int page, int itemsRead, bool finished)
        {
            var doneNow = finished ? Interlocked.Increment(ref done) : Volatile.Read(ref done);
            progress?.Report(new ReadProgress(request, page, itemsRead, finished, doneNow, Volatile.Read(ref planned)));
        }
    }
}
