using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Chinook.Migration.Source;
using Chinook.Migration.Target;
using Chinook.Migration.Target.Writing;

namespace Chinook.Migration.Export
{
    /// <summary>
    /// The checkpoint of one source and target: its identity is the source's content, the target and prefix written
    /// to, and the tables themselves (ARN and creation time), so that -Resume never skips items of different work nor
    /// items of tables that were deleted and created again since.
    /// </summary>
    internal static class ExportCheckpoint
    {
        /// <summary>Loaded for -Resume, else started anew; null (and reported) when -Resume must not use it.</summary>
        /// <param name="tables">The target tables as they are now; null in a dry run, which looks at none.</param>
        public static CheckpointFile? Open(SourceDatabase database, ExportOptions options, IReadOnlyList<TableIdentity>? tables, IProgress<ExportEvent> progress)
        {
            var hash = WriteCheckpoint.HashFile(database.Path);
            var selection = $"target={options.Target};prefix={options.TablePrefix}";
            var path = options.CheckpointPath ?? CheckpointFile.DefaultPath(hash, selection, options.CheckpointFolder);
            var fresh = new WriteCheckpoint { SourcePath = database.Path, SourceSha256 = hash, Selection = selection, Tables = tables?.ToList() };
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
                    return new CheckpointFile(path, fresh, dryRun: !options.SaveCheckpoint);
                }
                existing.EnsureMatches(database.Path, hash, selection, path);
                if (tables is not null && existing.ItemsSettled > 0 && TableChanges(existing, tables) is { Count: > 0 } changes)
                {
                    progress.Report(new ExportMessage(ExportMessageLevel.Warning,
                        $"Checkpoint '{path}' is not used: {string.Join("; ", changes)}. Writing every item from the beginning."));
                    return new CheckpointFile(path, fresh, dryRun: !options.SaveCheckpoint);
                }
                existing.SourcePath = database.Path;
                return new CheckpointFile(path, existing, dryRun: !options.SaveCheckpoint);
            }
            catch (InvalidDataException ex)
            {
                progress.Report(new CheckpointRefused(path, ex));
                return null;
            }
        }

        private static IReadOnlyList<string> TableChanges(WriteCheckpoint existing, IReadOnlyList<TableIdentity> tables) =>
            existing.Tables is null
                ? new[] { "it was written by an earlier version of the module, which did not record which tables it wrote to" }
                : TableIdentity.Changes(existing.Tables, tables);
    }
}
