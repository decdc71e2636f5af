using System.Collections.Generic;
using Chinook.Migration.Items;

namespace Chinook.Migration.Target.Writing
{
    /// <summary>
    /// Gathers items into batches that DynamoDB accepts: at most 25 requests and 16 MB, and never two
    /// requests for one key (the later item replaces the earlier one, and the fold is counted).
    /// </summary>
    internal sealed class BatchAssembler
    {
        private readonly int _maxRequests;
        private readonly long _maxBytes;
        private List<PendingWrite> _items = new List<PendingWrite>();
        private Dictionary<ItemKey, int> _positions = new Dictionary<ItemKey, int>();
        private long _bytes;

        /// <param name="maxBytes">At most DynamoDB's 16 MB; less keeps several calls in flight within a memory budget.</param>
        public BatchAssembler(int maxRequests = BatchLimits.MaxRequestsPerBatch, long maxBytes = BatchLimits.MaxBatchBytes)
        {
            _maxRequests = maxRequests;
            _maxBytes = System.Math.Min(maxBytes, BatchLimits.MaxBatchBytes);
        }

        public int Count => _items.Count;

        /// <summary>The size of the items gathered so far, by DynamoDB's rules.</summary>
        public long Bytes => _bytes;

        public bool Contains(ItemKey key) => _positions.ContainsKey(key);

        /// <summary>Adds an item; returns a batch that is ready to send (full, or too big to take this item), or null.</summary>
        public IReadOnlyList<PendingWrite>? Add(PendingWrite item, out PendingWrite? replaced)
        {
            replaced = null;
            if (_positions.TryGetValue(item.Key, out var position))
            {
                replaced = _items[position];
                _bytes += item.SizeBytes - replaced.SizeBytes;
                _items[position] = item;
                return null;
            }

            IReadOnlyList<PendingWrite>? ready = null;
            if (_items.Count > 0 && _bytes + item.SizeBytes > _maxBytes)
            {
                ready = Take();
            }
            _positions.Add(item.Key, _items.Count);
            _items.Add(item);
            _bytes += item.SizeBytes;
            return ready ?? (_items.Count == _maxRequests ? Take() : null);
        }

        /// <summary>The items gathered so far, as a batch; the assembler starts empty again.</summary>
        public IReadOnlyList<PendingWrite> Take()
        {
            var batch = _items;
            _items = new List<PendingWrite>();
            _positions = new Dictionary<ItemKey, int>();
            _bytes = 0;
            return batch;
        }
    }
}
