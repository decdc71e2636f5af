using System.Text;

namespace Chinook.Migration.Items
{
    /// <summary>
    /// DynamoDB's hard limits on items and keys. The local server used for tests is looser than the service,
    /// so the module checks these itself instead of learning about them from a rejected write.
    /// </summary>
    public static class ItemLimits
    {
        /// <summary>400 KB: attribute names and values together, keys included.</summary>
        public const int MaxItemBytes = 409_600;

        /// <summary>A partition key value, of the table or of an index.</summary>
        public const int MaxPartitionKeyBytes = 2048;

        /// <summary>A sort key value, of the table or of an index.</summary>
        public const int MaxSortKeyBytes = 1024;

        /// <summary>What one write request unit covers.</summary>
        public const int WriteUnitBytes = 1024;

        public static int Utf8Bytes(string value) => Encoding.UTF8.GetByteCount(value);

        /// <summary>Write request units a put of an item of this size consumes.</summary>
        public static int WriteUnits(int sizeBytes) => sizeBytes <= 0 ? 1 : (sizeBytes + WriteUnitBytes - 1) / WriteUnitBytes;
    }
}
