using System.Collections.Generic;
using System.Linq;
using Chinook.Migration.Items;

namespace Chinook.Migration.Validation
{
    /// <summary>Compares an item the source implies with the item the target holds, attribute by attribute.</summary>
    public static class ItemComparison
    {
        /// <summary>One phrase per differing attribute (the first difference inside it), in the expected item's attribute order, then the target's extras.</summary>
        public static IReadOnlyList<string> Differences(ChinookItem expected, ChinookItem actual)
        {
            var differences = new List<string>();
            foreach (var attribute in expected.Attributes)
            {
                actual.Attributes.TryGetValue(attribute.Key, out var other);
                if (ValueComparison.Difference(attribute.Key, attribute.Value, other) is { } difference)
                {
                    differences.Add(difference);
                }
            }
            differences.AddRange(actual.Attributes
                .Where(a => !expected.Attributes.ContainsKey(a.Key))
                .Select(a => $"{a.Key}: none in the source, {ValueComparison.Format(a.Value)} in the target"));
            return differences;
        }
    }
}
