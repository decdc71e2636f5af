using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Chinook.Migration.Comparison;
using Chinook.Migration.Items;
using Chinook.Migration.Source;
using Chinook.Migration.Target;
using Chinook.Migration.Transform;

namespace Chinook.Migration.Validation
{
    /// <summary>
    /// Proves that the target tables hold the source: record counts of all 11 tables, every row field by field,
    /// every item attribute by attribute, every relationship, and the access patterns with their latency. Emits
    /// one <see cref="ValidationResult"/> per check; a failed check is a result, never an exception.
    /// </summary>
    /// <remarks>
    /// The target is read once, in full (parallel, consistent scans), and held in memory, with background garbage
    /// collection off meanwhile (<see cref="BlockingCollections"/>); the source streams past it. The source
    /// database is used from one flow at a time, as SQLite connections require.
    /// </remarks>
    public sealed class MigrationValidator
    {
        private readonly SourceDatabase source;
        private readonly DynamoConnection connection;
        private readonly ValidationOptions options;
        private readonly IReadOnlyList<(string BaseName, string TableName)> tables;

        /// <exception cref="ArgumentException">The options are out of range.</exception>
        public MigrationValidator(SourceDatabase source, DynamoConnection connection, ValidationOptions? options = null)
        {
            this.source = source ?? throw new ArgumentNullException(nameof(source));
            this.connection = connection ?? throw new ArgumentNullException(nameof(connection));
            this.options = options ?? new ValidationOptions();
            this.options.Validate();
            tables = TableNames.BaseNames.Select(t => (t, TableNames.Qualify(this.options.TablePrefix, t))).ToList();
        }

        /// <summary>The names (prefix included) of the tables the validation reads.</summary>
        public IReadOnlyList<string> TargetTableNames => tables.Select(t => t.TableName).ToList();

        /// <param name="onResult">Called with each result as soon as its check is done, in the order of the returned list.</param>
        /// <exception cref="DynamoOperationException">The target cannot be read (a table is missing, access is denied, no answer).</exception>
        /// <exception cref="SourceDatabaseException">The source cannot be read.</exception>
        public async Task<IReadOnlyList<ValidationResult>> RunAsync(IProgress<ValidationProgress>? progress = null, Action<ValidationResult>? onResult = null,
            CancellationToken cancellationToken = default)
        {
            var results = new List<ValidationResult>();
            void Emit(ValidationResult result)
            {
                results.Add(result);
                onResult?.Invoke(result);
            }
            var probes = options.Runs(ValidationKind.AccessPattern)
                ? AccessPatternProbes.Build(source, connection, options.TablePrefix)
                : Array.Empty<AccessProbe>();
            var steps = new StepCounter(progress, StepCount() + probes.Count);
            if (NeedsScan)
            {
                using (BlockingCollections.Enter())
                {
                    await CheckTargetAsync(steps, Emit, cancellationToken).ConfigureAwait(false);
                }
            }
            foreach (var probe in probes)
            {
                steps.Start(ValidationPhase.MeasuringAccessPatterns,
                    $"Access pattern '{probe.Check}' on {probe.Entity}: {probe.Subject}; one call checked against the source, then {options.Iterations} timed calls.");
                Emit(await AccessPatternCheck.RunAsync(probe, options.Iterations, options.FailingKeyCount, cancellationToken).ConfigureAwait(false));
            }
            return results;
        }

        /// <summary>
        /// The checks that compare the whole target with the source. The snapshot lives only here, so that it is
        /// garbage before the access patterns are timed.
        /// </summary>
        private async Task CheckTargetAsync(StepCounter steps, Action<ValidationResult> emit, CancellationToken cancellationToken)
        {
            var snapshot = await ScanAsync(steps, cancellationToken).ConfigureAwait(false);
            if (options.Runs(ValidationKind.RecordCount) || options.Runs(ValidationKind.DataIntegrity))
            {
                CompareRows(snapshot, steps, emit, cancellationToken);
            }
            if (options.Runs(ValidationKind.DataIntegrity))
            {
                CompareItems(snapshot, steps, cancellationToken).ForEach(emit);
            }
            if (options.Runs(ValidationKind.Relationship))
            {
                steps.Start(ValidationPhase.FollowingReferences, $"Following {RelationshipChecks.Relationships.Count} relationships through the target.");
                foreach (var result in RelationshipChecks.Check(snapshot, (table, column) => SourceOrphans.Read(source, table, column), options.FailingKeyCount))
                {
                    emit(result);
                }
            }
        }

        private bool NeedsScan => options.Runs(ValidationKind.RecordCount) || options.Runs(ValidationKind.DataIntegrity) || options.Runs(ValidationKind.Relationship);

        private int StepCount() =>
            (NeedsScan ? 1 : 0)
            + (options.Runs(ValidationKind.RecordCount) || options.Runs(ValidationKind.DataIntegrity) ? ChinookSchema.Tables.Count : 0)
            + (options.Runs(ValidationKind.DataIntegrity) ? 1 : 0)
            + (options.Runs(ValidationKind.Relationship) ? 1 : 0);

        private async Task<TargetSnapshot> ScanAsync(StepCounter steps, CancellationToken cancellationToken)
        {
            steps.Start(ValidationPhase.Scanning,
                $"Scanning every item of {string.Join(", ", TargetTableNames)}: {options.ScanSegments} parallel segments per table, at most {options.MaxConcurrency} calls at once, strongly consistent reads.");
            var scanner = new TargetScanner(connection, options.ScanSegments, options.MaxConcurrency);
            var scanProgress = new SynchronousProgress<ScanProgress>(p => steps.Report(p.TableFinished
                ? $"Scanned {p.Table}: {Discrepancies.Count(p.TableItemsRead)} items."
                : $"Scanning {p.Table}: {Discrepancies.Count(p.TableItemsRead)} items read.", p.ItemsRead));
            var snapshot = await scanner.ScanAsync(TargetTableNames, scanProgress, cancellationToken).ConfigureAwait(false);
            steps.Report($"Read {Discrepancies.Count(snapshot.Count)} items from the target.", snapshot.Count);
            return snapshot;
        }

        /// <summary>Record counts first, then the row-by-row results, so that the summary comes before the detail.</summary>
        private void CompareRows(TargetSnapshot snapshot, StepCounter steps, Action<ValidationResult> emit, CancellationToken cancellationToken)
        {
            var rebuilt = RebuiltRows.From(snapshot.Items.Values);
            var integrity = new List<ValidationResult>();
            foreach (var table in ChinookSchema.Tables)
            {
                cancellationToken.ThrowIfCancellationRequested();
                steps.Start(ValidationPhase.ComparingRows, $"Comparing the {table.Name} rows of the source with those rebuilt from {TableNames.OfSourceTable(table.Name)}.");
                var (count, rows) = SourceTableComparison.Compare(table, Cancellable(SourceRowReader.Read(source, table.Name), cancellationToken), rebuilt, options.FailingKeyCount);
                if (options.Runs(ValidationKind.RecordCount))
                {
                    emit(count);
                }
                integrity.Add(rows);
            }
            if (options.Runs(ValidationKind.DataIntegrity))
            {
                integrity.ForEach(emit);
            }
        }

        private List<ValidationResult> CompareItems(TargetSnapshot snapshot, StepCounter steps, CancellationToken cancellationToken)
        {
            steps.Start(ValidationPhase.ComparingItems, "Converting the source to items and comparing them with the target's, attribute by attribute.");
            var conversionProgress = new SynchronousProgress<ConversionProgress>(p =>
            {
                if (p.Stage == ConversionStage.StepStarted)
                {
                    steps.Report($"Comparing items: {p.Description}.", snapshot.Count);
                }
            });
            var expected = ItemConverter.Convert(source, new ConversionOptions { TablePrefix = options.TablePrefix }, conversionProgress, cancellationToken)
                .Where(o => o.Item is not null)
                .Select(o => o.Item!);
            using var target = TargetFingerprintStore.Create();
            TargetFingerprints.FileInto(snapshot, target);
            var reader = new TargetItemReader(connection.Client, cancellationToken);
            return TargetTableComparison.Compare(expected, target, snapshot.Unreadable, tables, options.FailingKeyCount, reader.Read).ToList();
        }

        private static IEnumerable<T> Cancellable<T>(IEnumerable<T> items, CancellationToken cancellationToken)
        {
            foreach (var item in items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return item;
            }
        }

        private sealed class StepCounter
        {
            private readonly IProgress<ValidationProgress>? progress;
            private readonly int stepCount;
            private int step;
            private ValidationPhase phase;
            private readonly object gate = new object();
            private long itemsRead;

            public StepCounter(IProgress<ValidationProgress>? progress, int stepCount)
            {
                this.progress = progress;
                this.stepCount = stepCount;
            }

            public void Start(ValidationPhase newPhase, string status)
            {
                phase = newPhase;
                step = Math.Min(step + 1, stepCount);
                progress?.Report(new ValidationProgress(phase, step, stepCount, status, true, itemsRead));
            }

            /// <summary>Scan segments report from several threads at once.</summary>
            public void Report(string status, long items)
            {
                lock (gate)
                {
                    itemsRead = Math.Max(itemsRead, items);
                    progress?.Report(new ValidationProgress(phase, step, stepCount, status, false, itemsRead));
                }
            }
        }
    }
}
