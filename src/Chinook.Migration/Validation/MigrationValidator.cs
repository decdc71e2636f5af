using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Chinook.Migration.Comparison;
using Chinook.Migration.Items;
using Chinook.Migration.Readback;
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
    /// The target is read once, in full (parallel, consistent scans), and every item goes to each consumer of the scan:
    /// the rows into a temporary SQLite file compared with the source in SQL, and, for the item and relationship checks,
    /// a snapshot held in memory with background garbage collection off meanwhile (<see cref="BlockingCollections"/>).
    /// The source database is used from one flow at a time, as SQLite connections require.
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
            var probes = options.Runs(ValidationKind.AccessPattern) || options.Runs(ValidationKind.Latency)
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
            var timedCalls = options.Runs(ValidationKind.Latency) ? options.Iterations : 0;
            foreach (var probe in probes)
            {
                steps.Start(ValidationPhase.MeasuringAccessPatterns, timedCalls > 0
                    ? $"Access pattern '{probe.Check}' on {probe.Entity}: {probe.Subject}; one call checked against the source, then {timedCalls} timed calls."
                    : $"Access pattern '{probe.Check}' on {probe.Entity}: {probe.Subject}; one call checked against the source.");
                var (answer, latency) = await AccessPatternCheck.RunAsync(probe, timedCalls, options.FailingKeyCount, cancellationToken).ConfigureAwait(false);
                if (options.Runs(ValidationKind.AccessPattern))
                {
                    Emit(answer);
                }
                if (latency is not null)
                {
                    Emit(latency);
                }
            }
            return results;
        }

        /// <summary>
        /// The checks that compare the whole target with the source, over one scan of each table: its items stream into
        /// a temporary SQLite file with Chinook's schema (the rows, compared in SQL with the source), into a fingerprint
        /// store on disk for the item checks and, for the relationship checks, into a snapshot. All of them live only here.
        /// </summary>
        private async Task CheckTargetAsync(StepCounter steps, Action<ValidationResult> emit, CancellationToken cancellationToken)
        {
            var comparesRows = options.Runs(ValidationKind.RecordCount) || options.Runs(ValidationKind.DataIntegrity);
            var snapshot = options.Runs(ValidationKind.Relationship) ? new TargetSnapshot(TargetTableNames) : null;
            using var fingerprints = options.Runs(ValidationKind.DataIntegrity) ? TargetFingerprintStore.Create() : null;
            var fingerprintSink = fingerprints is null ? null : new TargetFingerprintSink(fingerprints, TargetTableNames);
            var rebuiltPath = comparesRows ? System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"chinook-validation-{Guid.NewGuid():N}.sqlite") : null;
            var conflicts = new List<ReadbackProblem>();
            try
            {
                using (var writer = rebuiltPath is null ? null : new ChinookSqliteWriter(rebuiltPath, options.TablePrefix, p =>
                {
                    if (p.Kind == ReadbackProblemKind.Conflict)
                    {
                        conflicts.Add(p);
                    }
                }))
                {
                    var sinks = new List<IScannedItemSink>();
                    if (writer is not null)
                    {
                        sinks.Add(writer);
                    }
                    if (snapshot is not null)
                    {
                        sinks.Add(snapshot);
                    }
                    if (fingerprintSink is not null)
                    {
                        sinks.Add(fingerprintSink);
                    }
                    await ScanAsync(sinks, steps, cancellationToken).ConfigureAwait(false);
                    writer?.Complete();
                }
                if (rebuiltPath is not null)
                {
                    CompareRows(rebuiltPath, conflicts, steps, emit, cancellationToken);
                }
                if (options.Runs(ValidationKind.DataIntegrity))
                {
                    CompareItems(fingerprints!, fingerprintSink!, steps, cancellationToken).ForEach(emit);
                }
                if (options.Runs(ValidationKind.Relationship))
                {
                    steps.Start(ValidationPhase.FollowingReferences, $"Following {RelationshipChecks.Relationships.Count} relationships through the target.");
                    foreach (var result in RelationshipChecks.Check(snapshot!, (table, column) => SourceOrphans.Read(source, table, column), options.FailingKeyCount))
                    {
                        emit(result);
                    }
                }
            }
            finally
            {
                if (rebuiltPath is not null)
                {
                    System.IO.File.Delete(rebuiltPath);
                    System.IO.File.Delete(rebuiltPath + "-journal");
                }
            }
        }

        private bool NeedsScan => options.Runs(ValidationKind.RecordCount) || options.Runs(ValidationKind.DataIntegrity) || options.Runs(ValidationKind.Relationship);

        private int StepCount() =>
            (NeedsScan ? 1 : 0)
            + (options.Runs(ValidationKind.RecordCount) || options.Runs(ValidationKind.DataIntegrity) ? ChinookSchema.Tables.Count : 0)
            + (options.Runs(ValidationKind.DataIntegrity) ? 1 : 0)
            + (options.Runs(ValidationKind.Relationship) ? 1 : 0);

        private async Task ScanAsync(IReadOnlyList<IScannedItemSink> sinks, StepCounter steps, CancellationToken cancellationToken)
        {
            steps.Start(ValidationPhase.Scanning,
                $"Scanning every item of {string.Join(", ", TargetTableNames)}: {options.ScanSegments} parallel segments per table, at most {options.MaxConcurrency} calls at once, strongly consistent reads.");
            var scanner = new TargetScanner(connection, options.ScanSegments, options.MaxConcurrency);
            var scanProgress = new SynchronousProgress<ScanProgress>(p => steps.Report(p.TableFinished
                ? $"Scanned {p.Table}: {Discrepancies.Count(p.TableItemsRead)} items."
                : $"Scanning {p.Table}: {Discrepancies.Count(p.TableItemsRead)} items read.", p.ItemsRead));
            var read = await scanner.ScanAsync(TargetTableNames, sinks, scanProgress, cancellationToken).ConfigureAwait(false);
            steps.Report($"Read {Discrepancies.Count(read)} items from the target.", read);
        }

        /// <summary>Record counts first, then the row-by-row results, so that the summary comes before the detail.</summary>
        private void CompareRows(string rebuiltPath, IReadOnlyList<ReadbackProblem> conflicts, StepCounter steps, Action<ValidationResult> emit, CancellationToken cancellationToken)
        {
            var integrity = new List<ValidationResult>();
            using (var comparison = new SourceTableComparison(source, rebuiltPath, conflicts, options.FailingKeyCount))
            {
                foreach (var table in ChinookSchema.Tables)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    steps.Start(ValidationPhase.ComparingRows, $"Comparing the {table.Name} rows of the source with those rebuilt from {TableNames.OfSourceTable(table.Name)}, in SQL.");
                    var (count, rows) = comparison.Compare(table);
                    if (options.Runs(ValidationKind.RecordCount))
                    {
                        emit(count);
                    }
                    integrity.Add(rows);
                }
            }
            if (options.Runs(ValidationKind.DataIntegrity))
            {
                integrity.ForEach(emit);
            }
        }

        private List<ValidationResult> CompareItems(TargetFingerprintStore target, TargetFingerprintSink filed, StepCounter steps, CancellationToken cancellationToken)
        {
            steps.Start(ValidationPhase.ComparingItems, "Converting the source to items and comparing them with the target's, attribute by attribute.");
            var conversionProgress = new SynchronousProgress<ConversionProgress>(p =>
            {
                if (p.Stage == ConversionStage.StepStarted)
                {
                    steps.Report($"Comparing items: {p.Description}.", filed.Count);
                }
            });
            var expected = ItemConverter.Convert(source, new ConversionOptions { TablePrefix = options.TablePrefix }, conversionProgress, cancellationToken)
                .Where(o => o.Item is not null)
                .Select(o => o.Item!);
            var reader = new TargetItemReader(connection.Client, cancellationToken);
            return TargetTableComparison.Compare(expected, target, filed.Unreadable, tables, options.FailingKeyCount, reader.Read).ToList();
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
