using System;
using System.Collections.Generic;
using System.Linq;
using Chinook.Migration.Items;
using Chinook.Migration.Source;
using Chinook.Migration.Tests.Transform;
using Chinook.Migration.Validation;

namespace Chinook.Migration.Tests.Validation
{
    /// <summary>
    /// The shipped database migrated in memory: its items as DynamoDB hands them back (through AttributeValue, so
    /// money 2.00 reads as the number 2), and ways to damage a copy of them as the tests need.
    /// </summary>
    internal static class ShippedTarget
    {
        private static readonly Lazy<List<ChinookItem>> Converted = new Lazy<List<ChinookItem>>(() => Conversion.Of(TestDatabases.Shipped).Items);

        /// <summary>The items the source implies, as the conversion makes them.</summary>
        public static IReadOnlyList<ChinookItem> Expected => Converted.Value;

        /// <summary>A fresh list of the items as the target holds them after a clean migration.</summary>
        public static List<ChinookItem> Items() =>
            Converted.Value.Select(i => ItemAttributeMapper.FromAttributeMap(i.TableName, ItemAttributeMapper.ToAttributeMap(i))).ToList();

        public static IReadOnlyList<(string BaseName, string TableName)> Tables { get; } = TableNames.BaseNames.Select(t => (t, t)).ToList();

        public static ChinookItem Find(this List<ChinookItem> items, string pk, string sk) => items.Single(i => i.PK == pk && i.SK == sk);

        /// <summary>Replaces the item at (pk, sk) with a copy whose attributes <paramref name="change"/> has edited.</summary>
        public static void Change(this List<ChinookItem> items, string pk, string sk, Action<Dictionary<string, object?>> change)
        {
            var index = items.FindIndex(i => i.PK == pk && i.SK == sk);
            var attributes = items[index].Attributes.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
            change(attributes);
            items[index] = new ChinookItem(items[index].TableName, pk, sk, attributes);
        }

        public static void Remove(this List<ChinookItem> items, string pk, string sk) => items.RemoveAll(i => i.PK == pk && i.SK == sk);
    }
}
