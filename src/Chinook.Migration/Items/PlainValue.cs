using System;
using System.Collections.Generic;

namespace Chinook.Migration.Items
{
    /// <summary>Checks and copies the plain values an item may hold, so an item never shares mutable state.</summary>
    internal static class PlainValue
    {
        public static object Copy(object value, string path)
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
                    throw new ArgumentException($"{path} is binary floating point, which is not exact: give a decimal.", nameof(value));
                case IReadOnlyDictionary<string, object?> map:
                    var mapCopy = new Dictionary<string, object?>(map.Count, StringComparer.Ordinal);
                    foreach (var element in map)
                    {
                        if (element.Value is not null)
                        {
                            mapCopy.Add(element.Key, Copy(element.Value, path + "." + element.Key));
                        }
                    }
                    return mapCopy;
                case IReadOnlyList<object?> list:
                    var listCopy = new List<object?>(list.Count);
                    for (var i = 0; i < list.Count; i++)
                    {
                        listCopy.Add(Copy(list[i] ?? throw new ArgumentException($"{path}[{i}] is null; lists hold no nulls.", nameof(value)), $"{path}[{i}]"));
                    }
                    return listCopy;
                default:
                    throw new ArgumentException($"{path} is a {value.GetType().Name}: item values are string, long, decimal, bool, lists and maps.", nameof(value));
            }
        }
    }
}
