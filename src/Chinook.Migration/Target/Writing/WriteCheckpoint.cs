using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text.Json;

namespace Chinook.Migration.Target.Writing
{
    /// <summary>
    /// How far a migration of one source got: the number of items, in conversion order, that are settled.
    /// Conversion order is deterministic for an unchanged source and the same selection, so a resumed run
    /// converts again but writes only what comes after. The source's hash, the selection and the identity of the
    /// tables written to are kept so a checkpoint is never applied to different work, nor to tables created anew.
    /// </summary>
    public sealed class WriteCheckpoint
    {
        public const int CurrentFormat = 1;

        public int Format { get; set; } = CurrentFormat;
        public string SourcePath { get; set; } = string.Empty;
        public string SourceSha256 { get; set; } = string.Empty;
        /// <summary>Table prefix and entity/table selection, as one comparable string.</summary>
        public string Selection { get; set; } = string.Empty;
        public long ItemsSettled { get; set; }
        /// <summary>The target tables as they were when the run began; null in a checkpoint of an earlier version of the module.</summary>
        public List<TableIdentity>? Tables { get; set; }
        public DateTime UpdatedUtc { get; set; }

        public static string HashFile(string path)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var sha = SHA256.Create();
            return BitConverter.ToString(sha.ComputeHash(stream)).Replace("-", string.Empty);
        }

        /// <summary>Reads a checkpoint; a missing file is null, a damaged one is an error, never a silent restart.</summary>
        public static WriteCheckpoint? Load(string path)
        {
            if (!File.Exists(path))
            {
                return null;
            }
            WriteCheckpoint? checkpoint;
            try
            {
                checkpoint = JsonSerializer.Deserialize<WriteCheckpoint>(File.ReadAllText(path));
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"Checkpoint '{path}' is damaged: {ex.Message}", ex);
            }
            if (checkpoint is null || checkpoint.Format != CurrentFormat || checkpoint.ItemsSettled < 0 || checkpoint.SourceSha256.Length != 64)
            {
                throw new InvalidDataException($"Checkpoint '{path}' is damaged or from another version of the module.");
            }
            return checkpoint;
        }

        /// <summary>Throws when this checkpoint belongs to another source (by content, wherever the file is) or selection.</summary>
        public void EnsureMatches(string sourcePath, string sourceSha256, string selection, string path)
        {
            if (!string.Equals(SourceSha256, sourceSha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidDataException(
                    $"Checkpoint '{path}' was written for another source: '{SourcePath}' with SHA-256 {Short(SourceSha256)}, but '{sourcePath}' has SHA-256 " +
                    $"{Short(sourceSha256)} (another file, or the same file changed since): resume refused.");
            }
            if (!string.Equals(Selection, selection, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"Checkpoint '{path}' was written for another selection ({Selection}); this run is {selection}: resume refused.");
            }
        }

        private static string Short(string sha256) => sha256.Length > 12 ? sha256.Substring(0, 12) + "..." : sha256;

        /// <summary>Writes the checkpoint atomically: a reader sees the old file or the new one, never half of one.</summary>
        public void Save(string path)
        {
            UpdatedUtc = DateTime.UtcNow;
            var full = Path.GetFullPath(path);
            var temporary = full + ".tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(this, new JsonSerializerOptions { WriteIndented = true }));
            if (File.Exists(full))
            {
                File.Replace(temporary, full, null);
            }
            else
            {
                File.Move(temporary, full);
            }
        }
    }
}
