using System;
using Chinook.Migration.Items;

namespace Chinook.Migration.Access
{
    /// <summary>
    /// Which read of GSI3-LowerName answers a name pattern. The index keeps names in lower case, so any letter case
    /// compares equal: a literal name is an equality on GSI3SK, a pattern with a literal prefix is begins_with(GSI3SK);
    /// both read the one partition of the prefix's first letter. A pattern that starts with a wildcard has no partition
    /// to read, so artists and tracks are then scanned; genres and media types sit in one small partition, read whole.
    /// The results are matched against the pattern afterwards, as a prefix only narrows the read.
    /// </summary>
    internal static class NameLookup
    {
        /// <summary>The query for artists or tracks (<paramref name="partitionOf"/> gives their partition for a name); null when only a scan can answer.</summary>
        public static KeyQuery? ShardedQuery(NamePattern pattern, Func<string, string> partitionOf)
        {
            var prefix = ChinookKeys.LowerName(pattern.LiteralPrefix);
            return prefix.Length == 0 ? null : Narrow(KeyQuery.Index(ChinookKeys.LowerNameIndex, ChinookKeys.Gsi3PartitionKeyName, partitionOf(prefix), ChinookKeys.Gsi3SortKeyName), pattern, prefix);
        }

        /// <summary>The query for the genres or media types (all in <paramref name="partition"/>) that can match; the whole partition for a leading wildcard.</summary>
        public static KeyQuery ListQuery(NamePattern pattern, string partition)
        {
            var query = KeyQuery.Index(ChinookKeys.LowerNameIndex, ChinookKeys.Gsi3PartitionKeyName, partition, ChinookKeys.Gsi3SortKeyName);
            var prefix = ChinookKeys.LowerName(pattern.LiteralPrefix);
            return prefix.Length == 0 ? query : Narrow(query, pattern, prefix);
        }

        private static KeyQuery Narrow(KeyQuery query, NamePattern pattern, string lowerPrefix) =>
            pattern.IsLiteral ? query.SortKeyIs(lowerPrefix) : query.SortKeyBeginsWith(lowerPrefix);
    }
}
