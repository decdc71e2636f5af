using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chinook.Migration.Import
{
    /// <summary>
    /// What an export to S3 wrote, at &lt;KeyPrefix&gt;manifest.json, outside every table's prefix (an import reads every
    /// object under its prefix). Rewritten after each object, so a stopped export can be resumed from it; Complete
    /// once every table is written.
    /// </summary>
    public sealed class S3ExportManifest
    {
        public const string FileName = "manifest.json";
        public const string InputFormat = "DYNAMODB_JSON";
        public const string Compression = "GZIP";

        private static readonly JsonSerializerOptions Json = new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };

        public int Version { get; set; } = 1;
        public string Format { get; set; } = InputFormat;
        public string InputCompression { get; set; } = Compression;
        public string? TablePrefix { get; set; }
        /// <summary>The source database's file name (no folder: the manifest may be shared).</summary>
        public string Source { get; set; } = string.Empty;
        public bool Complete { get; set; }
        public DateTimeOffset Updated { get; set; }
        public List<ManifestTable> Tables { get; set; } = new List<ManifestTable>();

        public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

        /// <exception cref="FormatException">The bytes are not a manifest.</exception>
        public static S3ExportManifest FromJson(byte[] json)
        {
            try
            {
                return JsonSerializer.Deserialize<S3ExportManifest>(json, Json) ?? throw new FormatException("The manifest is empty.");
            }
            catch (JsonException ex)
            {
                throw new FormatException($"The manifest is not valid JSON: {ex.Message}", ex);
            }
        }
    }

    /// <summary>One table's objects: all of them, and only they, lie under <see cref="KeyPrefix"/>, the S3KeyPrefix of its import.</summary>
    public sealed class ManifestTable
    {
        public string TableName { get; set; } = string.Empty;
        public string KeyPrefix { get; set; } = string.Empty;
        public long Items { get; set; }
        public bool Complete { get; set; }
        public List<ManifestObject> Objects { get; set; } = new List<ManifestObject>();
    }

    /// <summary>
    /// One object: its key, its items (one line each), the bytes of its lines before gzip, the bytes stored (after
    /// gzip), the SHA-256 of its lines before gzip (so a check does not depend on the gzip library's output), and
    /// its multipart parts (0: one PutObject).
    /// </summary>
    public sealed record ManifestObject(string Key, long Items, long LineBytes, long? Bytes, string Sha256, int Parts);
}
