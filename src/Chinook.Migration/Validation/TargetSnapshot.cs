using System;
using System.Collections.Generic;
using System.Linq;
using Chinook.Migration.Items;
using Chinook.Migration.Readback;
using Chinook.Migration.Target.Writing;

namespace Chinook.Migration.Validation
{
    /// <summary>Every item of the scanned tables, by table and key: the target side of every comparison.</summary>
    public sealed class TargetSnapshot : IScannedItemSink
    {
        private readonly Dictionary<ItemKey, ChinookItem> items = new Dictionary<ItemKey, ChinookItem>();
        private readonly List<UnreadableItem> unreadable = new List<UnreadableItem>();
        private readonly HashSet<string> tables = new HashSet<string>(StringComparer.Ordinal);

        public TargetSnapshot(IEnumerable<string> scannedTables)
        {
            foreach (var table in scannedTables)
            {
                tables.Add(table);
            }
        }

        /// <summary>Builds a snapshot from items in memory (tests, or items read another way).</summary>
        public static TargetSnapshot Of(IEnumerable<ChinookItem> items)
        {
            var list = items.ToList();
            var snapshot = new TargetSnapshot(list.Select(i => i.TableName).Distinct());
            foreach (var item in list)
            {
                snapshot.Add(item);
            }
            return snapshot;
        }

        /// <summary>The tables (prefix included) that were scanned in full.</summary>
        public IReadOnlyCollection<string> Tables => tables;

        public IReadOnlyDictionary<ItemKey, ChinookItem> Items => items;

        public IReadOnlyList<UnreadableItem> Unreadable => unreadable;

        public int Count => items.Count + unreadable.Count;

        public IEnumerable<ChinookItem> ItemsOf(string table) => items.Values.Where(i => string.Equals(i.TableName, table, StringComparison.Ordinal));

        /// <exception cref="ArgumentException">An item with the same table and key is there already: a scan never reads one twice.</exception>
        public void Add(ChinookItem item)
        {
            tables.Add(item.TableName);
            items.Add(ItemKey.Of(item), item);
        }

        public void Add(UnreadableItem item)
        {
            tables.Add(item.Table);
            unreadable.Add(item);
        }
    }
}
