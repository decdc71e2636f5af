using System;
using System.Collections.Generic;
using System.Globalization;

namespace Chinook.Migration.Items
{
    /// <summary>
    /// An item's size by DynamoDB's documented rules (Developer Guide, "DynamoDB item sizes and formats"):
    /// a string is its UTF-8 bytes; a number about one byte per two significant digits plus one; a Boolean
    /// or null one byte; a list or map 3 bytes plus, for each element, 1 byte and the element's size (a map
    /// element's size includes its name); every attribute adds the UTF-8 bytes of its name.
    /// </summary>
    /// <remarks>
    /// The guide gives the number rule as approximate. DynamoDB stores a number as an exponent byte and
    /// base-100 digit pairs aligned on the decimal point, so 1.5 takes the pairs "01" and "50". Counting
    /// pairs that way, plus one byte for a negative number, never falls short of the stored size, which is
    /// what a 400 KB limit check needs; it equals the documented value for the ids, counts and prices here.
    /// </remarks>
    public static class ItemSize
    {
        private const int ContainerOverhead = 3;
        private const int ElementOverhead = 1;

        /// <summary>The size of a whole item: its key attributes PK and SK and every other attribute.</summary>
        public static int Of(string partitionKey, string sortKey, IEnumerable<KeyValuePair<string, object?>> attributes)
        {
            var size = Attribute(ChinookKeys.PartitionKeyName, partitionKey) + Attribute(ChinookKeys.SortKeyName, sortKey);
            foreach (var attribute in attributes)
            {
                size += Attribute(attribute.Key, attribute.Value);
            }
            return size;
        }

        /// <summary>An attribute's size: its name's UTF-8 bytes and its value's size.</summary>
        public static int Attribute(string name, object? value) => ItemLimits.Utf8Bytes(name) + Value(value);

        public static int Value(object? value)
        {
            switch (value)
            {
                case null:
                case bool _:
                    return 1;
                case string text:
                    return ItemLimits.Utf8Bytes(text);
                case long number:
                    return Number(number);
                case decimal number:
                    return Number(number);
                case IReadOnlyDictionary<string, object?> map:
                    var mapSize = ContainerOverhead;
                    foreach (var element in map)
                    {
                        mapSize += ElementOverhead + Attribute(element.Key, element.Value);
                    }
                    return mapSize;
                case IReadOnlyList<object?> list:
                    var listSize = ContainerOverhead;
                    foreach (var element in list)
                    {
                        listSize += ElementOverhead + Value(element);
                    }
                    return listSize;
                default:
                    throw new ArgumentException($"A {value.GetType().Name} is not an item value: use string, long, decimal, bool, a list or a map.", nameof(value));
            }
        }

        /// <summary>A whole number's size, the same as <see cref="Number(decimal)"/> gives, counted without writing its digits out.</summary>
        public static int Number(long number)
        {
            if (number == 0)
            {
                return 1;
            }
            // long.MinValue has no positive long, so the magnitude is taken as an unsigned number.
            var magnitude = number < 0 ? (ulong)(-(number + 1)) + 1 : (ulong)number;
            var lowest = 0;
            while (magnitude % 10 == 0)
            {
                magnitude /= 10;
                lowest++;
            }
            var highest = lowest;
            while (magnitude >= 10)
            {
                magnitude /= 10;
                highest++;
            }
            var pairs = FloorHalf(highest) - FloorHalf(lowest) + 1;
            return 1 + pairs + (number < 0 ? 1 : 0);
        }

        public static int Number(decimal number)
        {
            var digits = Math.Abs(number).ToString(CultureInfo.InvariantCulture);
            var point = digits.IndexOf('.');
            var integerDigits = point < 0 ? digits.Length : point;
            int? highest = null, lowest = null;
            for (var i = 0; i < digits.Length; i++)
            {
                if (i == point || digits[i] == '0')
                {
                    continue;
                }
                // The power of ten this digit stands for: 2 for the hundreds, -1 for the tenths.
                var power = i < integerDigits ? integerDigits - 1 - i : integerDigits - i;
                highest ??= power;
                lowest = power;
            }
            if (highest is null || lowest is null)
            {
                return 1;
            }
            var pairs = FloorHalf(highest.Value) - FloorHalf(lowest.Value) + 1;
            return 1 + pairs + (number < 0 ? 1 : 0);
        }

        // Which base-100 pair a power of ten falls in: floor(power / 2), also below the decimal point.
        private static int FloorHalf(int power) => power >= 0 ? power / 2 : (power - 1) / 2;
    }
}
