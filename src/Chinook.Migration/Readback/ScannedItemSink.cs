using Chinook.Migration.Items;

namespace Chinook.Migration.Readback
{
    /// <summary>An item of the target that cannot be read as a Chinook item (no string key, a set or binary value).</summary>
    public sealed class UnreadableItem
    {
        public UnreadableItem(string table, string key, string reason)
        {
            Table = table;
            Key = key;
            Reason = reason;
        }

        public string Table { get; }

        /// <summary>"PK=.., SK=.." as far as the item has them.</summary>
        public string Key { get; }
        public string Reason { get; }
    }

    /// <summary>
    /// One consumer of a scan's items (the rebuild into SQLite, a snapshot, a fingerprint store). The scanner hands
    /// every item to every sink, one item at a time from one thread, so a sink needs no locking of its own.
    /// </summary>
    public interface IScannedItemSink
    {
        void Add(ChinookItem item);

        void Add(UnreadableItem item);
    }
}
