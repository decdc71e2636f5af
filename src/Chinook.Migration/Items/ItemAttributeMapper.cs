using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace Chinook.Migration.Items
{
    /// <summary>
    /// Converts between <see cref="ChinookItem"/> plain values and the AWS SDK's <see cref="AttributeValue"/>,
    /// both ways, without loss: numbers travel as their exact decimal text.
    /// </summary>
    public static class ItemAttributeMapper
    {
        /// <summary>The whole item as DynamoDB takes it in a PutRequest: PK, SK and every attribute.</summary>
        public static Dictionary<string, AttributeValue> ToAttributeMap(ChinookItem item)
        {
            var map = new Dictionary<string, AttributeValue>(item.Attributes.Count + 2, StringComparer.Ordinal)
            {
                [ChinookKeys.PartitionKeyName] = new AttributeValue { S = item.PK },
                [ChinookKeys.SortKeyName] = new AttributeValue { S = item.SK },
            };
            foreach (var attribute in item.Attributes)
            {
                map[attribute.Key] = ToAttributeValue(attribute.Value);
            }
            return map;
        }

        /// <summary>The key alone (PK and SK), as DeleteItem, GetItem and a DeleteRequest take it.</summary>
        public static Dictionary<string, AttributeValue> ToKey(ChinookItem item) => new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            [ChinookKeys.PartitionKeyName] = new AttributeValue { S = item.PK },
            [ChinookKeys.SortKeyName] = new AttributeValue { S = item.SK },
        };

        public static AttributeValue ToAttributeValue(object? value)
        {
            switch (value)
            {
                case null:
                    return new AttributeValue { NULL = true };
                case string text:
                    return new AttributeValue { S = text };
                case long number:
                    return new AttributeValue { N = number.ToString(CultureInfo.InvariantCulture) };
                case int number:
                    return new AttributeValue { N = number.ToString(CultureInfo.InvariantCulture) };
                case decimal number:
                    return new AttributeValue { N = number.ToString(CultureInfo.InvariantCulture) };
                case bool flag:
                    return new AttributeValue { BOOL = flag };
                case IReadOnlyDictionary<string, object?> map:
                    var m = new Dictionary<string, AttributeValue>(map.Count, StringComparer.Ordinal);
                    foreach (var element in map)
                    {
                        m[element.Key] = ToAttributeValue(element.Value);
                    }
                    // An empty map is a value too; without IsMSet the SDK would leave it out of the request.
                    return new AttributeValue { M = m, IsMSet = true };
                case IReadOnlyList<object?> list:
                    var l = new List<AttributeValue>(list.Count);
                    foreach (var element in list)
                    {
                        l.Add(ToAttributeValue(element));
                    }
                    return new AttributeValue { L = l, IsLSet = true };
                default:
                    throw new ArgumentException($"A {value.GetType().Name} is not an item value: use string, long, decimal, bool, a list or a map.", nameof(value));
            }
        }

        /// <summary>
        /// An item read from DynamoDB (GetItem, Query, Scan) as a <see cref="ChinookItem"/> of the given table.
        /// A NULL attribute reads as absent, as the module never writes one.
        /// </summary>
        /// <exception cref="ArgumentException">The map has no string PK or SK, or holds a set or binary value.</exception>
        public static ChinookItem FromAttributeMap(string tableName, IReadOnlyDictionary<string, AttributeValue> map)
        {
            string Key(string name) =>
                map.TryGetValue(name, out var key) && key.S is not null
                    ? key.S
                    : throw new ArgumentException($"The item has no string key attribute {name}.", nameof(map));

            var attributes = new List<KeyValuePair<string, object?>>(map.Count);
            foreach (var attribute in map)
            {
                if (attribute.Key != ChinookKeys.PartitionKeyName && attribute.Key != ChinookKeys.SortKeyName)
                {
                    attributes.Add(new KeyValuePair<string, object?>(SharedName(attribute.Key), FromAttributeValue(attribute.Value, attribute.Key)));
                }
            }
            // The values were just built here and nobody else holds them: taken over, not copied a second time.
            return ChinookItem.FromGivenValues(tableName, Key(ChinookKeys.PartitionKeyName), Key(ChinookKeys.SortKeyName), attributes);
        }

        /// <summary>"PK=.., SK=.." of an item as read, as far as it has them: how errors name an item that cannot be read.</summary>
        public static string DescribeKey(IReadOnlyDictionary<string, AttributeValue> map)
        {
            string Part(string name) => map.TryGetValue(name, out var value) ? value.S ?? "(not a string)" : "(none)";
            return $"PK={Part(ChinookKeys.PartitionKeyName)}, SK={Part(ChinookKeys.SortKeyName)}";
        }

        /// <summary>
        /// One string per attribute name, however many items are read: the SDK makes a new one for every name of
        /// every item, and a scanned table of half a million items held millions of copies of a few dozen names.
        /// Bounded, so a table full of stray names cannot grow it without end.
        /// </summary>
        private static string SharedName(string name)
        {
            if (SharedNames.TryGetValue(name, out var shared))
            {
                return shared;
            }
            return SharedNames.Count < MaxSharedNames ? SharedNames.GetOrAdd(name, name) : name;
        }

        private const int MaxSharedNames = 4096;
        private static readonly ConcurrentDictionary<string, string> SharedNames = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);

        /// <summary>A plain value: numbers come back as long when whole and as decimal otherwise.</summary>
        public static object? FromAttributeValue(AttributeValue value, string name = "value")
        {
            if (value.S is not null)
            {
                return value.S;
            }
            if (value.N is not null)
            {
                return ParseNumber(value.N, name);
            }
            if (value.BOOL.HasValue)
            {
                return value.BOOL.Value;
            }
            if (value.NULL == true)
            {
                return null;
            }
            if (value.M is not null || value.IsMSet)
            {
                var map = new Dictionary<string, object?>(value.M?.Count ?? 0, StringComparer.Ordinal);
                foreach (var element in value.M ?? new Dictionary<string, AttributeValue>())
                {
                    map[SharedName(element.Key)] = FromAttributeValue(element.Value, name + "." + element.Key);
                }
                return map;
            }
            if (value.L is not null || value.IsLSet)
            {
                var list = new List<object?>(value.L?.Count ?? 0);
                foreach (var element in value.L ?? new List<AttributeValue>())
                {
                    list.Add(FromAttributeValue(element, name + "[]"));
                }
                return list;
            }
            throw new ArgumentException($"{name} is a set or binary value, which Chinook items never hold.", nameof(value));
        }

        private static object ParseNumber(string text, string name)
        {
            if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                throw new ArgumentException($"{name} holds '{text}', which is not a number .NET's decimal can hold exactly.", nameof(text));
            }
            return number == decimal.Truncate(number) && number >= long.MinValue && number <= long.MaxValue ? (object)(long)number : number;
        }
    }
}
