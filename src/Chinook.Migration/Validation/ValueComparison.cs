using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Chinook.Migration.Validation
{
    /// <summary>
    /// Compares the plain values items and rows hold (string, long, decimal, bool, lists, maps) exactly: text
    /// ordinally, byte for byte; numbers by value, so 2 equals 2.00 (DynamoDB keeps no scale) but 0.99 never equals
    /// 0.990001; lists element by element in order; maps key by key.
    /// </summary>
    internal static class ValueComparison
    {
        public static bool AreEqual(object? expected, object? actual) => Difference("value", expected, actual) is null;

        /// <summary>The first difference under <paramref name="path"/>, as a phrase that names where it is; null when equal.</summary>
        public static string? Difference(string path, object? expected, object? actual)
        {
            if (expected is null || actual is null)
            {
                return expected is null && actual is null ? null
                    : expected is null ? $"{path}: none in the source, {Format(actual)} in the target"
                    : $"{path}: {Format(expected)} in the source, none in the target";
            }
            if (IsNumber(expected) && IsNumber(actual))
            {
                return ToDecimal(expected) == ToDecimal(actual) ? null : Differs(path, expected, actual);
            }
            switch (expected)
            {
                case string text:
                    return actual is string other && string.Equals(text, other, StringComparison.Ordinal) ? null : Differs(path, expected, actual);
                case bool flag:
                    return actual is bool otherFlag && flag == otherFlag ? null : Differs(path, expected, actual);
                case IReadOnlyDictionary<string, object?> map:
                    return actual is IReadOnlyDictionary<string, object?> otherMap ? MapDifference(path, map, otherMap) : Differs(path, expected, actual);
                case IReadOnlyList<object?> list:
                    return actual is IReadOnlyList<object?> otherList ? ListDifference(path, list, otherList) : Differs(path, expected, actual);
                default:
                    return Equals(expected, actual) ? null : Differs(path, expected, actual);
            }
        }

        /// <summary>A value as messages show it: text quoted, numbers invariant, lists and maps by size.</summary>
        public static string Format(object? value) => value switch
        {
            null => "none",
            string text => "'" + (text.Length > 60 ? text.Substring(0, 57) + "..." : text) + "'",
            bool flag => flag ? "true" : "false",
            IReadOnlyDictionary<string, object?> map => $"a map of {map.Count}",
            IReadOnlyList<object?> list => $"a list of {list.Count}",
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };

        private static string? MapDifference(string path, IReadOnlyDictionary<string, object?> expected, IReadOnlyDictionary<string, object?> actual)
        {
            foreach (var entry in expected)
            {
                actual.TryGetValue(entry.Key, out var other);
                if (Difference(path + "." + entry.Key, entry.Value, other) is { } difference)
                {
                    return difference;
                }
            }
            var extra = actual.Keys.FirstOrDefault(k => !expected.ContainsKey(k) && actual[k] is not null);
            return extra is null ? null : $"{path}.{extra}: none in the source, {Format(actual[extra])} in the target";
        }

        private static string? ListDifference(string path, IReadOnlyList<object?> expected, IReadOnlyList<object?> actual)
        {
            var shared = Math.Min(expected.Count, actual.Count);
            for (var i = 0; i < shared; i++)
            {
                if (Difference($"{path}[{i}]", expected[i], actual[i]) is { } difference)
                {
                    return expected.Count == actual.Count ? difference : $"{path}: {expected.Count} elements in the source, {actual.Count} in the target; first difference at {difference}";
                }
            }
            return expected.Count == actual.Count ? null
                : expected.Count > actual.Count
                    ? $"{path}: {expected.Count} elements in the source, {actual.Count} in the target (the last {expected.Count - actual.Count} missing)"
                    : $"{path}: {expected.Count} elements in the source, {actual.Count} in the target (the last {actual.Count - expected.Count} extra)";
        }

        private static string Differs(string path, object expected, object actual) => $"{path}: {Format(expected)} in the source, {Format(actual)} in the target";

        private static bool IsNumber(object value) => value is long || value is int || value is decimal;

        private static decimal ToDecimal(object value) => Convert.ToDecimal(value, CultureInfo.InvariantCulture);
    }
}
