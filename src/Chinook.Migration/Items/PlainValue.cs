using System;
using System.Collections.Generic;
using System.Linq;

namespace Chinook.Migration.Items
{
    /// <summary>Checks and copies the plain values an item may hold, so an item never shares mutable state.</summary>
    internal static class PlainValue
    {
        /// <param name="name">The attribute's name, which begins the path an error message gives.</param>
        public static object Copy(object value, string name) => Copy(value, name, null);

        /// <summary>
        /// The value itself when it is already what <see cref="Copy(object, string)"/> would make of it (nothing
        /// to convert or leave out, maps and lists of the types a copy has), otherwise a copy. For values whose
        /// owner gives them away: the checking walk allocates nothing, where a copy rebuilds every map and list.
        /// </summary>
        public static object TakeOver(object value, string name) => IsItemForm(value) ? value : Copy(value, name);

        private static object Copy(object value, string name, ValuePath? path)
        {
            switch (value)
            {
                case string _:
                case long _:
                case decimal _:
                case bool _:
                    return value;
                case int number:
                    return (long)number;
                case float _:
                case double _:
                    throw new ArgumentException($"{Describe(name, path)} is binary floating point, which is not exact: give a decimal.", nameof(value));
                case IReadOnlyDictionary<string, object?> map:
                    path ??= new ValuePath();
                    var mapCopy = new Dictionary<string, object?>(map.Count, StringComparer.Ordinal);
                    foreach (var element in map)
                    {
                        if (element.Value is not null)
                        {
                            path.Enter(element.Key);
                            mapCopy.Add(element.Key, Copy(element.Value, name, path));
                            path.Leave();
                        }
                    }
                    return mapCopy;
                case IReadOnlyList<object?> list:
                    path ??= new ValuePath();
                    var listCopy = new List<object?>(list.Count);
                    for (var i = 0; i < list.Count; i++)
                    {
                        path.Enter(i);
                        listCopy.Add(Copy(list[i] ?? throw new ArgumentException($"{Describe(name, path)} is null; lists hold no nulls.", nameof(value)), name, path));
                        path.Leave();
                    }
                    return listCopy;
                default:
                    throw new ArgumentException($"{Describe(name, path)} is a {value.GetType().Name}: item values are string, long, decimal, bool, lists and maps.", nameof(value));
            }
        }

        private static bool IsItemForm(object? value)
        {
            switch (value)
            {
                case string _:
                case long _:
                case decimal _:
                case bool _:
                    return true;
                case Dictionary<string, object?> map when map.Comparer == StringComparer.Ordinal:
                    foreach (var element in map)
                    {
                        if (element.Value is null || !IsItemForm(element.Value))
                        {
                            return false;
                        }
                    }
                    return true;
                case List<object?> list:
                    foreach (var element in list)
                    {
                        if (!IsItemForm(element))
                        {
                            return false;
                        }
                    }
                    return true;
                default:
                    return false;
            }
        }

        private static string Describe(string name, ValuePath? path) => name + path;

        /// <summary>
        /// Where a nested value sits below its attribute (".Name", "[3]"), kept as steps and written out only
        /// for an error message: a copy walks every element of every list and map.
        /// </summary>
        private sealed class ValuePath
        {
            private readonly List<(string? Key, int Index)> steps = new List<(string?, int)>();

            public void Enter(string key) => steps.Add((key, 0));

            public void Enter(int index) => steps.Add((null, index));

            public void Leave() => steps.RemoveAt(steps.Count - 1);

            public override string ToString() => string.Concat(steps.Select(step => step.Key is null ? $"[{step.Index}]" : "." + step.Key));
        }
    }
}
