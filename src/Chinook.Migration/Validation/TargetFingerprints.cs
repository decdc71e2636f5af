using System;
using System.Collections.Generic;
using Chinook.Migration.Comparison;
using Chinook.Migration.Items;

namespace Chinook.Migration.Validation
{
    /// <summary>
    /// Files a scanned target as fingerprints: each item as DynamoDB holds it (table name and attribute map), so the
    /// store takes the same input whichever scan reads the target.
    /// </summary>
    public static class TargetFingerprints
    {
        /// <returns>The bytes of the items read per table, by DynamoDB's size rules: what the scan's read units are counted from.</returns>
        public static IReadOnlyDictionary<string, long> FileInto(TargetSnapshot snapshot, TargetFingerprintStore store)
        {
            var bytes = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var table in snapshot.Tables)
            {
                bytes[table] = 0;
            }
            foreach (var item in snapshot.Items.Values)
            {
                store.Add(item.TableName, ItemAttributeMapper.ToAttributeMap(item), item.SizeBytes);
                bytes[item.TableName] += item.SizeBytes;
            }
            return bytes;
        }
    }
}
