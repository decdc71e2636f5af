using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Chinook.Migration.Items;
using Chinook.Migration.Target;
using Microsoft.Data.Sqlite;

namespace Chinook.Migration.Readback
{
    /// <summary>
    /// The way back: scans the four target tables once, in parallel segments, and rebuilds the 11 Chinook tables
    /// into a new SQLite file with Chinook's own schema. It writes a temporary file beside the destination and
    /// renames it only when complete, so a run that fails or is stopped leaves nothing under the destination's name.
    /// </summary>
    public sealed class SqliteExport
    {
        private readonly DynamoConnection connection;
        private readonly string? tablePrefix;
        private readonly int segments;
        private readonly int maxConcurrency;

        public SqliteExport(DynamoConnection connection, string? tablePrefix, int segments = 4, int maxConcurrency = 4)
        {
            this.connection = connection ?? throw new ArgumentNullException(nameof(connection));
            TableNames.ValidatePrefix(tablePrefix);
            this.tablePrefix = tablePrefix;
            this.segments = segments;
            this.maxConcurrency = maxConcurrency;
        }

        /// <summary>The names (prefix included) of the tables read.</summary>
        public IReadOnlyList<string> TargetTableNames => TableNames.BaseNames.Select(t => TableNames.Qualify(tablePrefix, t)).ToList();

        /// <param name="destination">The file to write; replaced only when <paramref name="overwrite"/> is set.</param>
        /// <param name="onProblem">Each item whose rows do not come back, as soon as it is read.</param>
        /// <param name="consumers">Further consumers of the same scan (each target table is read once for all of them).</param>
        /// <exception cref="IOException">The destination exists and <paramref name="overwrite"/> is not set, or a file cannot be written.</exception>
        /// <exception cref="DynamoOperationException">The target cannot be read.</exception>
        public async Task<RebuildSummary> RunAsync(string destination, bool overwrite, IProgress<ScanProgress>? progress = null,
            Action<ReadbackProblem>? onProblem = null, IReadOnlyList<IScannedItemSink>? consumers = null, CancellationToken cancellationToken = default)
        {
            var fullPath = Path.GetFullPath(destination);
            if (!overwrite && File.Exists(fullPath))
            {
                throw new IOException($"'{fullPath}' exists already.");
            }
            var temporary = Path.Combine(Path.GetDirectoryName(fullPath)!, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.partial");
            try
            {
                RebuildSummary summary;
                try
                {
                    using var writer = new ChinookSqliteWriter(temporary, tablePrefix, onProblem);
                    var sinks = new List<IScannedItemSink> { writer };
                    sinks.AddRange(consumers ?? Array.Empty<IScannedItemSink>());
                    await new TargetScanner(connection, segments, maxConcurrency)
                        .ScanAsync(TargetTableNames, sinks, progress, cancellationToken).ConfigureAwait(false);
                    summary = writer.Complete();
                }
                catch (SqliteException ex)
                {
                    throw new IOException($"'{temporary}' cannot be written: {ex.Message}", ex);
                }
                File.Move(temporary, fullPath, overwrite);
                return summary.At(fullPath);
            }
            finally
            {
                File.Delete(temporary);
                File.Delete(temporary + "-journal");
            }
        }
    }
}
