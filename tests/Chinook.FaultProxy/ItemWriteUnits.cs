using System;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace Chinook.FaultProxy
{
    /// <summary>
    /// The write units of a put, from its item in DynamoDB's wire JSON, by the documented size rules: names and
    /// strings are their UTF-8 bytes, a number one byte per two significant digits plus one, binary its bytes,
    /// a Boolean or null one byte, a list or map 3 bytes plus 1 per element; one unit per started kilobyte.
    /// </summary>
    internal static class ItemWriteUnits
    {
        private const int UnitBytes = 1024;

        public static int OfPut(JsonNode? writeRequest)
        {
            if (writeRequest?["PutRequest"]?["Item"] is not JsonObject item)
            {
                // A delete costs one unit (of an item up to 1 KB); its stored size is not in the request.
                return 1;
            }
            var bytes = item.Sum(attribute => Encoding.UTF8.GetByteCount(attribute.Key) + ValueBytes(attribute.Value));
            return Math.Max(1, (bytes + UnitBytes - 1) / UnitBytes);
        }

        private static int ValueBytes(JsonNode? typed)
        {
            if (typed is not JsonObject value || value.Count != 1)
            {
                return 0;
            }
            var (type, content) = value.First();
            return type switch
            {
                "S" => Encoding.UTF8.GetByteCount((string?)content ?? string.Empty),
                "N" => NumberBytes((string?)content ?? "0"),
                "B" => BinaryBytes((string?)content),
                "BOOL" or "NULL" => 1,
                "SS" => ((JsonArray?)content)?.Sum(s => Encoding.UTF8.GetByteCount((string?)s ?? string.Empty)) ?? 0,
                "NS" => ((JsonArray?)content)?.Sum(n => NumberBytes((string?)n ?? "0")) ?? 0,
                "BS" => ((JsonArray?)content)?.Sum(b => BinaryBytes((string?)b)) ?? 0,
                "L" => 3 + (((JsonArray?)content)?.Sum(element => 1 + ValueBytes(element)) ?? 0),
                "M" => 3 + (((JsonObject?)content)?.Sum(element => 1 + Encoding.UTF8.GetByteCount(element.Key) + ValueBytes(element.Value)) ?? 0),
                _ => 0,
            };
        }

        private static int NumberBytes(string number)
        {
            var digits = number.TrimStart('-', '+').Replace(".", string.Empty, StringComparison.Ordinal).Trim('0').Length;
            return 1 + (Math.Max(1, digits) + 1) / 2;
        }

        private static int BinaryBytes(string? base64) => base64 is null ? 0 : Convert.FromBase64String(base64).Length;
    }
}
