using System.Collections.Generic;

namespace Chinook.Migration.Target.Writing
{
    /// <summary>
    /// Tracks which numbered items are done when they finish out of order, and how many of the first items
    /// are all done: the point a resumed migration can safely start from.
    /// </summary>
    internal sealed class ContiguousProgress
    {
        private readonly object _lock = new object();
        private readonly SortedSet<long> _doneAhead = new SortedSet<long>();
        private long _through;

        public ContiguousProgress(long alreadyDone)
        {
            _through = alreadyDone;
        }

        /// <summary>Every item numbered below this is done.</summary>
        public long Through
        {
            get
            {
                lock (_lock)
                {
                    return _through;
                }
            }
        }

        public void Done(long sequence)
        {
            lock (_lock)
            {
                if (sequence < _through)
                {
                    return;
                }
                _doneAhead.Add(sequence);
                while (_doneAhead.Count > 0 && _doneAhead.Min == _through)
                {
                    _doneAhead.Remove(_through);
                    _through++;
                }
            }
        }
    }
}
