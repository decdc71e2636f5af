using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace Chinook.Migration.Target.Writing
{
    /// <summary>A checkpoint and the file it lives in; saving is skipped in a dry run (-WhatIf writes nothing).</summary>
    public sealed class CheckpointFile
    {
        private readonly bool dryRun;

        public CheckpointFile(string path, WriteCheckpoint record, bool dryRun)
        {
            Path = path;
            Record = record;
            this.dryRun = dryRun;
        }

        public string Path { get; }
        public WriteCheckpoint Record { get; }

        /// <summary>The environment variable that names the folder for checkpoints, for a session or a whole test run.</summary>
        public const string FolderVariable = "CHINOOK_CHECKPOINT_FOLDER";

        /// <summary>
        /// The folder checkpoints go to unless a file is named: the one given, else <see cref="FolderVariable"/>, else the
        /// user's local application data (~/.local/share/ChinookMigration/checkpoints on Linux).
        /// </summary>
        public static string Folder(string? folder)
        {
            if (!string.IsNullOrEmpty(folder))
            {
                return folder;
            }
            if (Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } fromEnvironment)
            {
                return System.IO.Path.GetFullPath(fromEnvironment);
            }
            return System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
                "ChinookMigration", "checkpoints");
        }

        /// <summary>Where a checkpoint lives unless the user names a file: one file per source content and target, so two migrations never share one.</summary>
        public static string DefaultPath(string sourceSha256, string selection, string? folder)
        {
            using var sha = SHA256.Create();
            var target = BitConverter.ToString(sha.ComputeHash(Encoding.UTF8.GetBytes(selection))).Replace("-", string.Empty).Substring(0, 12);
            return System.IO.Path.Combine(Folder(folder), $"{sourceSha256.Substring(0, 16)}-{target}.json");
        }

        public void Save(long itemsSettled)
        {
            if (dryRun)
            {
                return;
            }
            Record.ItemsSettled = itemsSettled;
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
            Record.Save(Path);
        }
    }
}
