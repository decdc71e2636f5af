using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Chinook.Migration.Items;
using Chinook.Migration.Source;
using Microsoft.Data.Sqlite;

namespace Chinook.Migration.Transform
{
    /// <summary>
    /// Turns the rows of a Chinook database into the items of the four DynamoDB tables, streaming: each query
    /// reads in key order, each aggregate (an artist's album, an order with its lines, a playlist page) is
    /// emitted as soon as it is complete, and memory holds one aggregate at a time.
    /// </summary>
    public static class ItemConverter
    {
        private const int ReportEveryRows = 100;

        /// <summary>
        /// The items, and the problems with source rows, in stream order. Problems never stop the stream; only
        /// an unreadable database does (<see cref="SourceDatabaseException"/>) or cancellation.
        /// </summary>
        /// <exception cref="ArgumentException">The options name a bad prefix or an unknown table (thrown at once).</exception>
        public static IEnumerable<ConversionOutput> Convert(SourceDatabase database, ConversionOptions? options = null,
            IProgress<ConversionProgress>? progress = null, CancellationToken cancellationToken = default)
        {
            if (database is null)
            {
                throw new ArgumentNullException(nameof(database));
            }
            options ??= new ConversionOptions();
            options.Validate();
            return TranslatingSqliteErrors(database.Path, Run(new ConversionContext(database, options, cancellationToken), progress));
        }

        private static IEnumerable<ConversionOutput> Run(ConversionContext context, IProgress<ConversionProgress>? progress)
        {
            // Each transform feeds one target table.
            var steps = Feeding(TableNames.MusicCatalog, CatalogTransform.Steps(context.Options))
                .Concat(Feeding(TableNames.CustomerOrders, OrdersTransform.Steps(context.Options)))
                .Concat(Feeding(TableNames.Playlists, PlaylistsTransform.Steps(context.Options)))
                .Concat(Feeding(TableNames.EmployeeManagement, StaffTransform.Steps(context.Options)))
                .ToList();
            var totals = steps.Select(s => context.Database.Scalar(s.Step.CountSql)).ToList();
            var overallTotal = totals.Sum();
            var targetTotals = steps.Select((s, i) => (s.Target, Rows: totals[i])).GroupBy(t => t.Target)
                .ToDictionary(g => g.Key, g => g.Sum(t => t.Rows), StringComparer.Ordinal);
            var readBefore = 0L;
            var targetReadBefore = 0L;
            for (var i = 0; i < steps.Count; i++)
            {
                var (target, step) = steps[i];
                if (i > 0 && steps[i - 1].Target != target)
                {
                    targetReadBefore = 0;
                }
                ConversionProgress Progress(ConversionStage stage, long read) => new ConversionProgress(stage, i + 1, steps.Count, step.SourceTable,
                    step.Description, read, totals[i], readBefore + read, overallTotal, context.ItemsEmitted, context.Problems,
                    target, targetReadBefore + read, targetTotals[target]);

                progress?.Report(Progress(ConversionStage.StepStarted, 0));
                void OnRowRead(long read)
                {
                    context.Cancellation.ThrowIfCancellationRequested();
                    if (read % ReportEveryRows == 0)
                    {
                        progress?.Report(Progress(ConversionStage.Reading, read));
                    }
                }
                using var cursor = new SourceRowCursor(context.Database, step.Sql, OnRowRead);
                foreach (var output in step.Convert(context, cursor))
                {
                    yield return output;
                }
                progress?.Report(Progress(ConversionStage.StepFinished, cursor.RowsRead));
                readBefore += cursor.RowsRead;
                targetReadBefore += cursor.RowsRead;
            }
        }

        private static IEnumerable<(string Target, ConversionStep Step)> Feeding(string targetTable, IEnumerable<ConversionStep> steps) =>
            steps.Select(step => (targetTable, step));

        // An iterator cannot yield inside a try with a catch, so the SQLite errors are translated around it.
        private static IEnumerable<ConversionOutput> TranslatingSqliteErrors(string path, IEnumerable<ConversionOutput> outputs)
        {
            using var enumerator = outputs.GetEnumerator();
            while (true)
            {
                try
                {
                    if (!enumerator.MoveNext())
                    {
                        yield break;
                    }
                }
                catch (SqliteException ex)
                {
                    throw SourceDatabase.Translate(path, ex);
                }
                yield return enumerator.Current;
            }
        }
    }
}
