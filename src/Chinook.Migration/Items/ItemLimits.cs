using System.Collections.Generic;
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

        /// <summary>
        /// What DynamoDB would refuse about an item: over 400 KB, or a key value of the table or of an index
        /// (GSI1PK, GSI1SK, GSI2PK) that is over its limit or empty. Empty when the item can be written.
        /// </summary>
        public static IReadOnlyList<string> Violations(ChinookItem item)
        {
            var violations = new List<string>();
            if (item.SizeBytes > MaxItemBytes)
            {
                violations.Add($"the item is {item.SizeBytes:N0} bytes, over {MaxItemBytes:N0}");
            }
            void Check(string name, string? value, int limit)
            {
                value ??= item.Attributes.TryGetValue(name, out var attribute) ? attribute as string : null;
                if (value is null)
                {
                    return;
                }
                if (value.Length == 0)
                {
                    violations.Add($"key attribute {name} is empty");
                }
                else if (Utf8Bytes(value) > limit)
                {
                    violations.Add($"key attribute {name} is {Utf8Bytes(value):N0} bytes, over {limit:N0}");
                }
            }
            Check(ChinookKeys.PartitionKeyName, item.PK, MaxPartitionKeyBytes);
            Check(ChinookKeys.SortKeyName, item.SK, MaxSortKeyBytes);
            Check(ChinookKeys.Gsi1PartitionKeyName, null, MaxPartitionKeyBytes);
            Check(ChinookKeys.Gsi1SortKeyName, null, MaxSortKeyBytes);
            Check(ChinookKeys.Gsi2PartitionKeyName, null, MaxPartitionKeyBytes);
            Check(ChinookKeys.Gsi3PartitionKeyName, null, MaxPartitionKeyBytes);
            Check(ChinookKeys.Gsi3SortKeyName, null, MaxSortKeyBytes);
            return violations;
        }

        public static int Utf8Bytes(string value) => Encoding.UTF8.GetByteCount(value);

        /// <summary>Write request units a put of an item of this size consumes.</summary>
        public static int WriteUnits(int sizeBytes) => sizeBytes <= 0 ? 1 : (sizeBytes + WriteUnitBytes - 1) / WriteUnitBytes;
    }
}
