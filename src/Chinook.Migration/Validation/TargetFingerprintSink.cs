using System;
using System.Collections.Generic;
using Chinook.Migration.Comparison;
using Chinook.Migration.Items;
using Chinook.Migration.Readback;

namespace Chinook.Migration.Validation
{
    /// <summary>
    /// Files each scanned item into a fingerprint store as DynamoDB holds it (table name and attribute map), so the
    /// target side of the item comparison lives on disk, not in memory, and takes the same scan as every other check.
    /// </summary>
    public sealed class TargetFingerprintSink : IScannedItemSink
    {
        private readonly TargetFingerprintStore store;
        private readonly Dictionary<string, long> bytes = new Dictionary<string, long>(StringComparer.Ordinal);
        private readonly List<UnreadableItem> unreadable = new List<UnreadableItem>();

        public TargetFingerprintSink(TargetFingerprintStore store, IEnumerable<string> scannedTables)
        {
            this.store = store;
            foreach (var table in scannedTables)
            {
                bytes[table] = 0;
            }
        }

        /// <summary>The bytes of the items read per table, by DynamoDB's size rules: what a scan's read units are counted from.</summary>
        public IReadOnlyDictionary<string, long> BytesRead => bytes;

        public IReadOnlyList<UnreadableItem> Unreadable => unreadable;

        public long Count { get; private set; }

        public void Add(ChinookItem item)
        {
            store.Add(item.TableName, ItemAttributeMapper.ToAttributeMap(item), item.SizeBytes);
            bytes[item.TableName] = bytes.GetValueOrDefault(item.TableName) + item.SizeBytes;
            Count++;
        }

        public void Add(UnreadableItem item)
        {
            unreadable.Add(item);
            Count++;
        }

        /// <summary>Files items held in memory (tests, or items read another way).</summary>
        public static TargetFingerprintSink FileInto(TargetFingerprintStore store, IEnumerable<ChinookItem> items)
        {
            var sink = new TargetFingerprintSink(store, Array.Empty<string>());
            foreach (var item in items)
            {
                sink.Add(item);
            }
            return sink;
        }
    }
}
