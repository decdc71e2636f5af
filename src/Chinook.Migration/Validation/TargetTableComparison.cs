using System;
using System.Collections.Generic;
using System.Linq;
using Chinook.Migration.Items;
using Chinook.Migration.Target.Writing;

namespace Chinook.Migration.Validation
{
    /// <summary>
    /// The items the source implies (as the conversion makes them) against the items the target holds, table by
    /// table and attribute by attribute: this sees what rows alone cannot, such as a denormalized copy that went
    /// wrong, an index key, or an item that no source row explains. The expected items stream past; only the
    /// target side is held in memory.
    /// </summary>
    public static class TargetTableComparison
    {
        private const string Missing = "missing";
        private const string Differing = "differing";
        private const string Unexplained = "not explained by any source row";
        private const string Unreadable = "unreadable";

        /// <param name="tables">The target tables to report on: base name (for the check's name) and name with prefix.</param>
        public static IReadOnlyList<ValidationResult> Compare(IEnumerable<ChinookItem> expectedItems, TargetSnapshot snapshot,
            IReadOnlyList<(string BaseName, string TableName)> tables, int failingKeyCount)
        {
            var tallies = tables.ToDictionary(t => t.TableName, t => new Tally(failingKeyCount), StringComparer.Ordinal);
            var matched = new HashSet<ItemKey>();
            foreach (var expected in expectedItems)
            {
                if (!tallies.TryGetValue(expected.TableName, out var tally))
                {
                    continue;
                }
                var key = ItemKey.Of(expected);
                var name = Name(key);
                tally.Expected++;
                if (!snapshot.Items.TryGetValue(key, out var actual))
                {
                    tally.Findings.Add(Missing, name, name);
                    continue;
                }
                matched.Add(key);
                var differences = ItemComparison.Differences(expected, actual);
                if (differences.Count > 0)
                {
                    tally.Findings.Add(Differing, name, $"{name}: {string.Join(", ", differences.Take(3))}{(differences.Count > 3 ? ", ..." : string.Empty)}");
                }
                else
                {
                    tally.Identical++;
                }
            }
            foreach (var extra in snapshot.Items.Keys.Where(k => tallies.ContainsKey(k.TableName) && !matched.Contains(k))
                .OrderBy(k => k.PartitionKey, StringComparer.Ordinal).ThenBy(k => k.SortKey, StringComparer.Ordinal))
            {
                var item = snapshot.Items[extra];
                tallies[extra.TableName].Findings.Add(Unexplained, Name(extra),
                    $"{Name(extra)}{(item.EntityType.Length > 0 ? " (" + item.EntityType + ")" : string.Empty)}");
            }
            foreach (var item in snapshot.Unreadable.Where(u => tallies.ContainsKey(u.Table)))
            {
                tallies[item.Table].Findings.Add(Unreadable, item.Key, $"{item.Key}: {item.Reason}");
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
