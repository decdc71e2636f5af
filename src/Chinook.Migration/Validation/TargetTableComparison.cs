using System;
using System.Collections.Generic;
using System.Linq;
using Chinook.Migration.Comparison;
using Chinook.Migration.Items;
using Chinook.Migration.Readback;

namespace Chinook.Migration.Validation
{
    /// <summary>
    /// The items the source implies (as the conversion makes them) against the items the target holds, table by
    /// table, by key and content fingerprint: this sees what rows alone cannot, such as a denormalized copy that went
    /// wrong, an index key, or an item that no source row explains. The target side is a
    /// <see cref="TargetFingerprintStore"/> on disk and the expected items stream past, so memory does not grow with
    /// either; the first differing item of each table is fetched again to name the attributes that differ, and the first unexplained one to name what it is.
    /// </summary>
    public static class TargetTableComparison
    {
        private const string Missing = "missing";
        private const string Differing = "differing";
        private const string Unexplained = "not explained by any source row";
        private const string Unreadable = "unreadable";

        /// <summary>Against a target held in memory: its items are filed as fingerprints first, and fetched from it again.</summary>
        public static IReadOnlyList<ValidationResult> Compare(IEnumerable<ChinookItem> expectedItems, TargetSnapshot snapshot,
            IReadOnlyList<(string BaseName, string TableName)> tables, int failingKeyCount)
        {
            using var store = TargetFingerprintStore.Create();
            TargetFingerprintSink.FileInto(store, snapshot.Items.Values);
            return Compare(expectedItems, store, snapshot.Unreadable, tables, failingKeyCount, key => snapshot.Items.TryGetValue(key, out var item) ? item : null);
        }

        /// <param name="target">The target's keys and fingerprints.</param>
        /// <param name="unreadable">Target items that could not be read as Chinook items: each a finding of its table.</param>
        /// <param name="tables">The target tables to report on: base name (for the check's name) and name with prefix.</param>
        /// <param name="fetch">Reads one target item again (null when it is gone), to name what differs in it.</param>
        public static IReadOnlyList<ValidationResult> Compare(IEnumerable<ChinookItem> expectedItems, TargetFingerprintStore target,
            IReadOnlyList<UnreadableItem> unreadable, IReadOnlyList<(string BaseName, string TableName)> tables, int failingKeyCount,
            Func<ItemKey, ChinookItem?> fetch)
        {
            var tallies = tables.ToDictionary(t => t.TableName, t => new Tally(failingKeyCount), StringComparer.Ordinal);
            var diff = new ItemDiff(target, tallies.Keys, keysKept: 0);
            foreach (var expected in expectedItems)
            {
                if (!tallies.TryGetValue(expected.TableName, out var tally))
                {
                    continue;
                }
                tally.Expected++;
                var key = ItemKey.Of(expected);
                var name = Name(key);
                switch (diff.Compare(expected.TableName, ItemAttributeMapper.ToAttributeMap(expected), expected.WriteUnits))
                {
                    case ItemChange.Unchanged:
                        tally.Identical++;
                        break;
                    case ItemChange.Added:
                        tally.Findings.Add(Missing, name, name);
                        break;
                    default:
                        tally.Findings.Add(Differing, name, tally.Findings.CountOf(Differing) == 0 ? Describe(expected, fetch(key), name) : name);
                        break;
                }
            }
            foreach (var table in tables)
            {
                var findings = tallies[table.TableName].Findings;
                foreach (var extra in diff.Deleted(table.TableName))
                {
                    findings.Add(Unexplained, Name(extra.Key), findings.CountOf(Unexplained) == 0 ? DescribeExtra(fetch(extra.Key), Name(extra.Key)) : Name(extra.Key));
                }
            }
            foreach (var item in unreadable.Where(u => tallies.ContainsKey(u.Table)))
            {
                tallies[item.Table].Findings.Add(Unreadable, item.Key, $"{item.Key}: {item.Reason}");
            }
            foreach (var item in target.Unkeyed.Where(u => tallies.ContainsKey(u.TableName)))
            {
                tallies[item.TableName].Findings.Add(Unreadable, item.Key, $"{item.Key}: no string key");
            }
            return tables.Select(t =>
            {
                var tally = tallies[t.TableName];
                var intact = tally.Findings.Total == 0;
                return new ValidationResult(ValidationKind.DataIntegrity, $"{t.BaseName} items", t.TableName, intact, tally.Expected, tally.Identical,
                    intact
                        ? $"All {Discrepancies.Count(tally.Expected)} items the source implies are in {t.TableName}, attribute by attribute, and nothing else is."
                        : $"{Discrepancies.Count(tally.Identical)} of {Discrepancies.Count(tally.Expected)} items the source implies are in {t.TableName} as they should be; {tally.Findings.Summary()}.",
                    intact ? null : tally.Findings.Keys);
            }).ToList();
        }

        /// <summary>The item's key and the first attributes that differ, from the target's item read again.</summary>
        private static string Describe(ChinookItem expected, ChinookItem? actual, string name)
        {
            if (actual is null)
            {
                return $"{name}: gone from the target when read again";
            }
            var differences = ItemComparison.Differences(expected, actual);
            return differences.Count == 0
                ? $"{name}: equal when read again (changed meanwhile)"
                : $"{name}: {string.Join(", ", differences.Take(3))}{(differences.Count > 3 ? ", ..." : string.Empty)}";
        }

        /// <summary>The item's key and what it is, from the target's item read again: "PK=CUSTOMER#1, SK=NOTE#1 (Note)".</summary>
        private static string DescribeExtra(ChinookItem? item, string name) =>
            item is { EntityType.Length: > 0 } ? $"{name} ({item.EntityType})" : name;

        /// <summary>As failing keys name items: "PK=ALBUM#1, SK=TRACK#5" (the table is the check's entity).</summary>
        private static string Name(ItemKey key) => $"PK={key.PartitionKey}, SK={key.SortKey}";

        private sealed class Tally
        {
            public Tally(int failingKeyCount) => Findings = new Discrepancies(failingKeyCount);

            public Discrepancies Findings { get; }
            public long Expected { get; set; }
            public long Identical { get; set; }
        }
    }
}
