using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Amazon.DynamoDBv2.Model;

namespace Chinook.Bench.Loading
{
    /// <summary>
    /// An item's size by DynamoDB's published rules (names and strings in UTF-8 bytes, numbers one byte per
    /// two significant digits plus one, lists and maps three bytes plus one per element), and its write units.
    /// </summary>
    public static class ItemSize
    {
        public static int Of(Dictionary<string, AttributeValue> item) =>
            item.Sum(a => Encoding.UTF8.GetByteCount(a.Key) + Value(a.Value));

        public static int WriteUnits(int sizeBytes) => Math.Max(1, (sizeBytes + 1023) / 1024);

        private static int Value(AttributeValue value)
        {
            if (value.S != null) return Encoding.UTF8.GetByteCount(value.S);
            if (value.N != null) return Number(value.N);
            if (value.L != null) return 3 + value.L.Sum(v => Value(v) + 1);
            if (value.M != null) return 3 + value.M.Sum(a => Encoding.UTF8.GetByteCount(a.Key) + Value(a.Value) + 1);
            return 1; // BOOL and NULL
        }

        private static int Number(string text)
        {
            var digits = text.TrimStart('-').Replace(".", string.Empty, StringComparison.Ordinal).Trim('0').Length;
            return (Math.Max(1, digits) + 1) / 2 + 1;
        }
    }
}
