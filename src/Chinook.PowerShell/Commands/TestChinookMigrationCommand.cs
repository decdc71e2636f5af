using System;
using System.Linq;
using System.Management.Automation;
using Chinook.Migration.Items;
using Chinook.Migration.Source;
using Chinook.Migration.Target;
using Chinook.Migration.Validation;
using Chinook.PowerShell.Commands.Shared;

namespace Chinook.PowerShell.Commands
{
    /// <summary>
    /// Compares a source database with the target tables and emits one result per check; a failed check is an
    /// object with Passed = false, not an error. -Quiet answers with one boolean. Only a source or target that
    /// cannot be read at all is an error.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "ChinookMigration", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(ValidationResult), typeof(bool))]
    public sealed class TestChinookMigrationCommand : DynamoCmdlet
    {
        private const string Activity = "Validating the migration";
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";
        private bool allPassed = true;

        /// <summary>The source databases, wildcards expanded; the shipped one when left out.</summary>
        [Parameter(ParameterSetName = PathSet, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[]? Path { get; set; }

        [Parameter(ParameterSetName = LiteralPathSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[]? LiteralPath { get; set; }

        /// <summary>Only these kinds of check.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public ValidationKind[]? Kind { get; set; }

        [Parameter]
        [ValidateRange(1, 100_000)]
        public int Iterations { get; set; } = ValidationOptions.DefaultIterations;

        [Parameter]
        [ValidateRange(0, 100_000)]
        public int FailingKeyCount { get; set; } = ValidationOptions.DefaultFailingKeyCount;

        /// <summary>DynamoDB calls in flight at once while reading the target (and parallel Scan segments per table).</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = ValidationOptions.DefaultMaxConcurrency;

        [Parameter]
        public SwitchParameter Quiet { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var path in SourcePaths.Resolve(this, Path, LiteralPath, Fail))
            {
                try
                {
                    WriteVerbose($"Opening '{path}' read-only.");
                    using var source = SourceDatabase.Open(path);
                    Validate(source);
                }
                catch (SourceDatabaseException ex)
                {
                    Fail(ErrorRecords.FromSource(ex));
                }
                catch (DynamoOperationException ex)
                {
                    Fail(ErrorRecords.FromTableOperation(ex, ex.TableName));
                }
            }
        }

        /// <summary>
        /// A source or table that cannot be read means the migration is not proven: an error, or with -Quiet the answer
        /// false (the reason goes to the verbose stream), so that `if (Test-ChinookMigration -Quiet)` never throws for a
        /// result, whatever the error preference. Invalid settings and an unreachable endpoint stay terminating errors.
        /// </summary>
        private void Fail(ErrorRecord error)
        {
            allPassed = false;
            if (Quiet)
            {
                WriteVerbose($"Not proven: {error.Exception.Message} ({error.FullyQualifiedErrorId})");
            }
            else
            {
                WriteError(error);
            }
        }

        protected override void EndProcessing()
        {
            if (Quiet)
            {
                WriteObject(allPassed);
            }
        }

        private void Validate(SourceDatabase source)
        {
            var options = new ValidationOptions
            {
                TablePrefix = TablePrefix,
                Kinds = Kind?.Distinct().ToList(),
                Iterations = Iterations,
                FailingKeyCount = FailingKeyCount,
                ScanSegments = ThrottleLimit,
                MaxConcurrency = ThrottleLimit,
            };
            var validator = new MigrationValidator(source, Connection, options);
            var database = System.IO.Path.GetFileName(source.Path);
            WriteVerbose($"Validating '{database}' against {string.Join(", ", validator.TargetTableNames)} at {Connection.Endpoint}.");
            var progress = ProgressOnPipeline<ValidationProgress>(p => ReportProgress(p, database));
            var results = ProgressOnPipeline<ValidationResult>(Emit);
            Run(cancellationToken => validator.RunAsync(progress, results.Report, cancellationToken));
            WriteProgress(new ProgressRecord(1, Activity, "Done") { RecordType = ProgressRecordType.Completed });
        }

        private void Emit(ValidationResult result)
        {
            // A slow answer is not lost data: latency decides -Quiet only when -Kind asks for it by name.
            allPassed &= result.Passed || (result.Kind == ValidationKind.Latency && Kind?.Contains(ValidationKind.Latency) != true);
            WriteVerbose($"{(result.Passed ? "Passed" : "FAILED")}: {result.Kind} {result.Check}.");
            if (!Quiet)
            {
                WriteObject(result);
            }
        }

        private void ReportProgress(ValidationProgress progress, string database)
        {
            if (progress.StepStarted)
            {
                WriteVerbose(progress.Status);
            }
            WriteProgress(new ProgressRecord(1, $"{Activity} of {database}", progress.Status)
            {
                PercentComplete = Math.Min(100, progress.PercentComplete),
                CurrentOperation = $"Step {progress.Step} of {progress.StepCount}; {progress.ItemsRead:N0} items read from the target",
            });
        }
    }
}
