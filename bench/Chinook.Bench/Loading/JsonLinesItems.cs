using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace Chinook.Bench.Loading
{
    /// <summary>
    /// Items from a JSON-lines file, one item a line: {"t": table, "s": size in bytes, "w": write units,
    /// "i": {attribute: plain JSON value}}. The benchmark writes it from ConvertTo-ChinookItem's own output,
    /// so the loaders send exactly the module's items. Strings become S, numbers N (their exact text), true
    /// and false BOOL, null NULL, arrays L and objects M. "s" and "w" are the module's figures: its write units
    /// are used as they are (computed by DynamoDB's rules without them), its size is kept beside the size
    /// computed here, so a file that does not carry the module's items faithfully shows.
    /// </summary>
    public static class JsonLinesItems
    {
        public static IEnumerable<BenchItem> Read(string path)
        {
            using var reader = new StreamReader(path);
            var lineNumber = 0;
            string? line;
            while ((line = reader.ReadLine()) != null)
            {
                lineNumber++;
                if (line.Length == 0)
                {
                    continue;
                }
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                if (!root.TryGetProperty("t", out var table) || !root.TryGetProperty("i", out var item) || item.ValueKind != JsonValueKind.Object)
                {
                    throw new InvalidDataException($"{path} line {lineNumber}: expected {{\"t\": table, \"i\": {{attributes}}}}.");
                }
                var attributes = item.EnumerateObject().ToDictionary(p => p.Name, p => ToAttribute(p.Value), StringComparer.Ordinal);
                if (!attributes.TryGetValue("PK", out var pk) || pk.S == null || !attributes.TryGetValue("SK", out var sk) || sk.S == null)
                {
                    throw new InvalidDataException($"{path} line {lineNumber}: the item has no string PK and SK.");
                }
                var size = ItemSize.Of(attributes);
                int? reported = root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : null;
                var units = root.TryGetProperty("w", out var w) && w.ValueKind == JsonValueKind.Number ? w.GetInt32() : ItemSize.WriteUnits(size);
                yield return new BenchItem(TargetTables.BaseNameOf(table.GetString()!), attributes, size, units, reported);
            }
        }

        private static AttributeValue ToAttribute(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => new AttributeValue { S = value.GetString() },
            JsonValueKind.Number => new AttributeValue { N = value.GetRawText() },
            JsonValueKind.True => new AttributeValue { BOOL = true },
            JsonValueKind.False => new AttributeValue { BOOL = false },
            JsonValueKind.Array => new AttributeValue { L = value.EnumerateArray().Select(ToAttribute).ToList() },
            JsonValueKind.Object => new AttributeValue { M = value.EnumerateObject().ToDictionary(p => p.Name, p => ToAttribute(p.Value), StringComparer.Ordinal) },
            _ => new AttributeValue { NULL = true },
        };
    }
}
