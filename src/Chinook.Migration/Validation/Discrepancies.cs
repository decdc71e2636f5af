using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Chinook.Migration.Validation
{
    /// <summary>
    /// What one check found wrong, by category ("missing", "differing", "extra"): how many of each, the first
    /// example of each for the message, and the keys of the first <see cref="KeyLimit"/> rows or items for the result.
    /// </summary>
    internal sealed class Discrepancies
    {
        private readonly List<string> keys = new List<string>();
        private readonly Dictionary<string, Category> categories = new Dictionary<string, Category>(StringComparer.Ordinal);
        private readonly List<string> order = new List<string>();

        public Discrepancies(int keyLimit) => KeyLimit = keyLimit;

        public int KeyLimit { get; }

        public int Total { get; private set; }

        public IReadOnlyList<string> Keys => keys;

        public int CountOf(string category) => categories.TryGetValue(category, out var found) ? found.Count : 0;

        /// <param name="category">A word or two that reads after a count: "missing", "differing", "not explained by the source".</param>
        /// <param name="detail">What is wrong with this one, starting with its key; kept for the first of its category.</param>
        public void Add(string category, string key, string detail)
        {
            if (!categories.TryGetValue(category, out var found))
            {
                found = new Category(detail);
                categories.Add(category, found);
                order.Add(category);
            }
            found.Count++;
            Total++;
            if (keys.Count < KeyLimit)
            {
                keys.Add(key);
            }
        }

        /// <summary>"1 missing (TrackId=5); 2 differing (first: TrackId=7: UnitPrice ...)", or null when nothing was found.</summary>
        public string? Summary()
        {
            if (Total == 0)
            {
                return null;
            }
            return string.Join("; ", order.Select(name =>
            {
                var category = categories[name];
                return $"{Count(category.Count)} {name} ({(category.Count > 1 ? "first: " : string.Empty)}{category.FirstDetail})";
            }));
        }

        public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

        private sealed class Category
        {
            public Category(string firstDetail) => FirstDetail = firstDetail;

            public string FirstDetail { get; }
            public int Count { get; set; }
        }
    }
}
