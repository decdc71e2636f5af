using System;
using System.IO;
using Chinook.Migration.Source;
using Chinook.Migration.Target.Writing;

namespace Chinook.Migration.Export
{
    /// <summary>
    /// The checkpoint of one source and target: its identity is the source's content and the target and prefix
    /// written to, so that -Resume never skips items of different work.
    /// </summary>
    internal static class ExportCheckpoint
    {
        /// <summary>Loaded for -Resume, else started anew; null (and reported) when -Resume must not use it.</summary>
        public static CheckpointFile? Open(SourceDatabase database, ExportOptions options, IProgress<ExportEvent> progress)
        {
            var hash = WriteCheckpoint.HashFile(database.Path);
            var selection = $"target={options.Target};prefix={options.TablePrefix}";
            var path = options.CheckpointPath ?? CheckpointFile.DefaultPath(hash, selection);
            var fresh = new WriteCheckpoint { SourcePath = database.Path, SourceSha256 = hash, Selection = selection };
            if (!options.Resume)
            {
                return new CheckpointFile(path, fresh, dryRun: !options.SaveCheckpoint);
            }
            try
            {
                var existing = WriteCheckpoint.Load(path);
                if (existing is null)
                {
                    progress.Report(new ExportMessage(ExportMessageLevel.Warning, $"No checkpoint at '{path}': writing every item."));
                    return new CheckpointFile(path, fresh, dryRun: false);
                }
                existing.EnsureMatches(hash, selection, path);
                return new CheckpointFile(path, existing, dryRun: false);
            }
            catch (InvalidDataException ex)
            {
                progress.Report(new CheckpointRefused(path, ex));
                return null;
            }
        }
    }
}
