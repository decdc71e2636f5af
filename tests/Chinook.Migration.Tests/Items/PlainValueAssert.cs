using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Chinook.Migration.Tests.Items
{
    /// <summary>Deep equality of item values, type included: 2L and 2.00m are different values here.</summary>
    internal static class PlainValueAssert
    {
        public static void Equal(object? expected, object? actual, string path = "value")
        {
            switch (expected)
            {
                case IReadOnlyDictionary<string, object?> map:
                    var actualMap = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(actual);
                    Assert.True(map.Keys.OrderBy(k => k).SequenceEqual(actualMap.Keys.OrderBy(k => k)),
                        $"{path}: expected attributes [{string.Join(", ", map.Keys.OrderBy(k => k))}] but got [{string.Join(", ", actualMap.Keys.OrderBy(k => k))}]");
                    foreach (var element in map)
                    {
                        Equal(element.Value, actualMap[element.Key], path + "." + element.Key);
                    }
                    break;
                case IReadOnlyList<object?> list:
                    var actualList = Assert.IsAssignableFrom<IReadOnlyList<object?>>(actual);
                    Assert.True(list.Count == actualList.Count, $"{path}: expected {list.Count} elements but got {actualList.Count}");
                    for (var i = 0; i < list.Count; i++)
                    {
                        Equal(list[i], actualList[i], $"{path}[{i}]");
                    }
                    break;
                case decimal amount:
                    var actualAmount = Assert.IsType<decimal>(actual);
                    Assert.True(amount == actualAmount && amount.ToString() == actualAmount.ToString(), $"{path}: expected {amount} but got {actualAmount}");
                    break;
                default:
                    Assert.True(Equals(expected, actual) && expected?.GetType() == actual?.GetType(),
                        $"{path}: expected {expected} ({expected?.GetType().Name}) but got {actual} ({actual?.GetType().Name})");
                    break;
            }
        }

        public static Dictionary<string, object?> Map(params (string Name, object? Value)[] values) =>
            values.ToDictionary(v => v.Name, v => v.Value);

        public static List<object?> List(params object?[] values) => values.ToList();
    }
}
