using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Amazon.DynamoDBv2.Model;

namespace Chinook.Migration.Comparison
{
    /// <summary>
    /// A digest of an item's whole content, as DynamoDB holds it, so that two items can be compared by 16 bytes
    /// kept on disk instead of by their attributes held in memory. Equal content gives equal fingerprints: map
    /// entries (and the item's own attributes) in any order, numbers by value (2, 2.0 and 2.00 are one number in
    /// DynamoDB), set elements in any order. Anything else differs: a type (the string "1" is not the number 1, an
    /// empty list is not an empty map), a character, a list's order.
    /// </summary>
    public static class ItemFingerprint
    {
        public const int Length = 16;

        /// <summary>Every attribute of the item, keys included, as a scan or a PutRequest carries it.</summary>
        public static byte[] Of(IReadOnlyDictionary<string, AttributeValue> item)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var writer = new CanonicalWriter(hash);
            writer.Map(item);
            return hash.GetHashAndReset().AsSpan(0, Length).ToArray();
        }

        /// <summary>
        /// Writes each value as a type tag and a length-prefixed payload, so that no two different values can
        /// write the same bytes (a map's keys and values cannot run into each other).
        /// </summary>
        private readonly struct CanonicalWriter
        {
            private readonly IncrementalHash hash;

            public CanonicalWriter(IncrementalHash hash) => this.hash = hash;

            public void Map(IReadOnlyDictionary<string, AttributeValue> map)
            {
                Tag('M');
                Count(map.Count);
                foreach (var entry in map.OrderBy(e => e.Key, StringComparer.Ordinal))
                {
                    Text(entry.Key);
                    Value(entry.Value);
                }
            }

            private void Value(AttributeValue? value)
            {
                if (value is null || value.NULL == true)
                {
                    Tag('0');
                }
                else if (value.S is not null)
                {
                    Tag('S');
                    Text(value.S);
                }
                else if (value.N is not null)
                {
                    Tag('N');
                    Text(CanonicalNumber(value.N));
                }
                else if (value.BOOL.HasValue)
                {
                    Tag(value.BOOL.Value ? 'T' : 'F');
                }
                else if (value.M is not null || value.IsMSet)
                {
                    Map(value.M ?? new Dictionary<string, AttributeValue>());
                }
                else if (value.L is not null || value.IsLSet)
                {
                    var list = value.L ?? new List<AttributeValue>();
                    Tag('L');
                    Count(list.Count);
                    foreach (var element in list)
                    {
                        Value(element);
                    }
                }
                else if (value.B is not null)
                {
                    Tag('B');
                    Bytes(value.B.ToArray());
                }
                else if (value.SS is not null || value.IsSSSet)
                {
                    Set('s', value.SS ?? new List<string>());
                }
                else if (value.NS is not null || value.IsNSSet)
                {
                    Set('n', (value.NS ?? new List<string>()).Select(CanonicalNumber));
                }
                else if (value.BS is not null || value.IsBSSet)
                {
                    Set('b', (value.BS ?? new List<System.IO.MemoryStream>()).Select(b => Convert.ToBase64String(b.ToArray())));
                }
                else
                {
                    Tag('?');
                }
            }

            private void Set(char tag, IEnumerable<string> elements)
            {
                var sorted = elements.OrderBy(e => e, StringComparer.Ordinal).ToList();
                Tag(tag);
                Count(sorted.Count);
                sorted.ForEach(Text);
            }

            private void Tag(char tag)
            {
                Span<byte> one = stackalloc byte[1];
                one[0] = (byte)tag;
                hash.AppendData(one);
            }

            private void Count(int count)
            {
                Span<byte> four = stackalloc byte[4];
                BinaryPrimitives.WriteInt32LittleEndian(four, count);
                hash.AppendData(four);
            }

            private void Text(string text) => Bytes(Encoding.UTF8.GetBytes(text));

            private void Bytes(byte[] bytes)
            {
                Count(bytes.Length);
                hash.AppendData(bytes);
            }
        }

        /// <summary>
        /// A number as its value's shortest text: DynamoDB keeps no scale, so "1.50" is read back as 1.5. A number
        /// beyond .NET's decimal (DynamoDB takes 38 digits) keeps its own text, marked so it cannot equal a decimal's.
        /// </summary>
        private static string CanonicalNumber(string text) =>
            decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? number.ToString("G29", CultureInfo.InvariantCulture)
                : "~" + text.Trim();
    }
}
