using System.Collections.Generic;
using Chinook.Migration.Items;

namespace Chinook.Migration.Comparison
{
    /// <summary>How one target table compares with the items the source gives: counts of each kind of change, and the first keys of each.</summary>
    public sealed class TableDiff
    {
        internal TableDiff(string tableName, int keysKept)
        {
            TableName = tableName;
            this.keysKept = keysKept;
        }

        private readonly int keysKept;
        private readonly List<ItemKey> added = new List<ItemKey>();
        private readonly List<ItemKey> changed = new List<ItemKey>();
        private readonly List<ItemKey> deleted = new List<ItemKey>();

        public string TableName { get; }
        public long Unchanged { get; private set; }
        public long Added { get; private set; }
        public long Changed { get; private set; }
        public long Deleted { get; private set; }

        /// <summary>Write units that putting the added and changed items costs.</summary>
        public long PutWriteUnits { get; private set; }

        /// <summary>Write units the deletes cost: DynamoDB charges a delete by the size of the item it removes.</summary>
        public long DeleteWriteUnits { get; private set; }

        /// <summary>The first keys of each change, in the order found (the source's order; deleted ones in key order).</summary>
        public IReadOnlyList<ItemKey> AddedKeys => added;
        public IReadOnlyList<ItemKey> ChangedKeys => changed;
        public IReadOnlyList<ItemKey> DeletedKeys => deleted;

        /// <summary>Nothing to write and nothing to delete.</summary>
        public bool InSync => Added == 0 && Changed == 0 && Deleted == 0;

        internal void Count(ItemKey key, ItemChange change, int writeUnits)
        {
            if (change != ItemChange.Unchanged)
            {
                PutWriteUnits += writeUnits;
            }
            switch (change)
            {
                case ItemChange.Unchanged:
                    Unchanged++;
                    break;
                case ItemChange.Added:
                    Added++;
                    Keep(added, key);
                    break;
                case ItemChange.Changed:
                    Changed++;
                    Keep(changed, key);
                    break;
            }
        }

        internal void CountDeleted(UnmatchedItem item)
        {
            Deleted++;
            DeleteWriteUnits += ItemLimits.WriteUnits(item.SizeBytes);
            Keep(deleted, item.Key);
        }

        private void Keep(List<ItemKey> keys, ItemKey key)
        {
            if (keys.Count < keysKept)
            {
                keys.Add(key);
            }
        }
    }
}
