using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Encodings.Web;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Chinook.Migration.Items;

namespace Chinook.Migration.Import
{
    /// <summary>
    /// One item as a line of DynamoDB's import format DYNAMODB_JSON: {"Item":{"PK":{"S":"..."},...}} and a newline,
    /// no newline inside. The item goes through <see cref="ItemAttributeMapper"/>, as BatchWriteItem sends it, so an
    /// imported table holds what Export-ChinookToDynamo would have written.
    /// </summary>
    public static class DynamoJsonLine
    {
        // Text stays UTF-8 rather than \u escapes (a third of the bytes for non-Latin names); the line is data, never HTML.
        private static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions
        {
            Indented = false,
            SkipValidation = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        /// <summary>Appends the item's line, newline included, to the buffer.</summary>
        public static void Write(ChinookItem item, IBufferWriter<byte> buffer)
        {
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                writer.WriteStartObject();
                writer.WritePropertyName("Item");
                WriteMap(writer, ItemAttributeMapper.ToAttributeMap(item));
                writer.WriteEndObject();
            }
            buffer.GetSpan(1)[0] = (byte)'\n';
            buffer.Advance(1);
        }

        /// <summary>The line as text, without its newline.</summary>
        public static string ToText(ChinookItem item)
        {
            var buffer = new ArrayBufferWriter<byte>();
            Write(item, buffer);
            return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan.Slice(0, buffer.WrittenCount - 1));
        }

        /// <summary>The item a line holds, as a table of the given name would hold it.</summary>
        /// <exception cref="FormatException">The line is not an {"Item":{...}} object of DynamoDB JSON.</exception>
        public static ChinookItem Parse(string tableName, string line)
        {
            try
            {
                using var document = JsonDocument.Parse(line);
                if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("Item", out var item))
                {
                    throw new FormatException("The line is not an object with an Item.");
                }
                return ItemAttributeMapper.FromAttributeMap(tableName, ReadMap(item));
            }
            catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or KeyNotFoundException)
            {
                throw new FormatException($"Not a DynamoDB JSON item line: {ex.Message}", ex);
            }
        }

        private static void WriteMap(Utf8JsonWriter writer, IReadOnlyDictionary<string, AttributeValue> map)
        {
            writer.WriteStartObject();
            foreach (var attribute in map)
            {
                writer.WritePropertyName(attribute.Key);
                WriteValue(writer, attribute.Value);
            }
            writer.WriteEndObject();
        }

        private static void WriteValue(Utf8JsonWriter writer, AttributeValue value)
        {
            writer.WriteStartObject();
            if (value.S is not null)
            {
                writer.WriteString("S", value.S);
            }
            else if (value.N is not null)
            {
                // DynamoDB JSON carries numbers as strings, so no digit is lost to a JSON reader's double.
                writer.WriteString("N", value.N);
            }
            else if (value.BOOL.HasValue)
            {
                writer.WriteBoolean("BOOL", value.BOOL.Value);
            }
            else if (value.NULL == true)
            {
                writer.WriteBoolean("NULL", true);
            }
            else if (value.IsMSet || value.M is not null)
            {
                writer.WritePropertyName("M");
                WriteMap(writer, value.M ?? new Dictionary<string, AttributeValue>());
            }
            else if (value.IsLSet || value.L is not null)
            {
                writer.WritePropertyName("L");
                writer.WriteStartArray();
                foreach (var element in value.L ?? new List<AttributeValue>())
                {
                    WriteValue(writer, element);
                }
                writer.WriteEndArray();
            }
            else
            {
                throw new ArgumentException("An attribute value with no type: Chinook items hold only S, N, BOOL, NULL, M and L.", nameof(value));
            }
            writer.WriteEndObject();
        }

        private static Dictionary<string, AttributeValue> ReadMap(JsonElement map)
        {
            var result = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
            foreach (var attribute in map.EnumerateObject())
            {
                result[attribute.Name] = ReadValue(attribute.Value);
            }
            return result;
        }

        private static AttributeValue ReadValue(JsonElement value)
        {
            foreach (var typed in value.EnumerateObject())
            {
                switch (typed.Name)
                {
                    case "S": return new AttributeValue { S = typed.Value.GetString() };
                    case "N": return new AttributeValue { N = typed.Value.GetString() };
                    case "BOOL": return new AttributeValue { BOOL = typed.Value.GetBoolean() };
                    case "NULL": return new AttributeValue { NULL = true };
                    case "M": return new AttributeValue { M = ReadMap(typed.Value), IsMSet = true };
                    case "L":
                        var list = new List<AttributeValue>();
                        foreach (var element in typed.Value.EnumerateArray())
                        {
                            list.Add(ReadValue(element));
                        }
                        return new AttributeValue { L = list, IsLSet = true };
                    default:
                        throw new ArgumentException($"The type {typed.Name} is not one Chinook items hold.");
                }
            }
            throw new ArgumentException("An attribute value with no type.");
        }
    }
}
