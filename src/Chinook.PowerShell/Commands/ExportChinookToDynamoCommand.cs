using System;
using System.Management.Automation;
using Chinook.Migration;
using Chinook.Migration.Export;
using Chinook.Migration.Items;
using Chinook.Migration.Source;
using Chinook.Migration.Target;
using Chinook.Migration.Target.Writing;
using Chinook.PowerShell.Commands.Shared;

namespace Chinook.PowerShell.Commands
{
    /// <summary>
    /// Writes items to DynamoDB with BatchWriteItem, several calls in flight, while they are still being
    /// produced: items from ConvertTo-ChinookItem on the pipeline, or a whole database with -Path.
    /// </summary>
    [Cmdlet(VerbsData.Export, "ChinookToDynamo", SupportsShouldProcess = true, DefaultParameterSetName = PathSet)]
    [OutputType(typeof(TableWriteResult))]
    public sealed class ExportChinookToDynamoCommand : DynamoCmdlet
    {
        private const string ItemSet = "Item";
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";

        private ExportRun? pipelineRun;
        private ExportRun? activeRun;

        /// <summary>Items from ConvertTo-ChinookItem, in any order, from any tables.</summary>
        [Parameter(ParameterSetName = ItemSet, Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public ChinookItem[]? InputObject { get; set; }

        /// <summary>Source databases to convert and write whole; without it (and without pipeline input), the shipped database.</summary>
        [Parameter(ParameterSetName = PathSet, Position = 0)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[]? Path { get; set; }

        [Parameter(ParameterSetName = LiteralPathSet, Mandatory = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[]? LiteralPath { get; set; }

        [Parameter]
        [ValidateRange(1, 256)]
        public int MaxConcurrency { get; set; } = BatchWriterOptions.DefaultMaxConcurrency;

        /// <summary>The fewest calls in flight; equal to -MaxConcurrency for a fixed number.</summary>
        [Parameter]
        [ValidateRange(1, 256)]
        public int MinConcurrency { get; set; } = new BatchWriterOptions().MinConcurrency;

        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int MaxWriteUnitsPerSecond { get; set; }

        /// <summary>Calls made for one item before it is reported as not written.</summary>
        [Parameter]
        [ValidateRange(1, 100)]
        public int MaxAttempts { get; set; } = new BatchWriterOptions().MaxAttempts;

        [Parameter]
        [ValidateRange(1, 3600)]
        public int RequestTimeoutSeconds { get; set; } = (int)DynamoConnectionSettings.DefaultRequestTimeout.TotalSeconds;

        /// <summary>With -Path: skip the items the checkpoint says are written.</summary>
        [Parameter(ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = LiteralPathSet)]
        public SwitchParameter Resume { get; set; }

        /// <summary>With -Path: where progress is recorded for -Resume.</summary>
        [Parameter(ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = LiteralPathSet)]
        [ValidateNotNullOrEmpty]
        public string? CheckpointPath { get; set; }

        protected override void ConfigureClient(DynamoConnectionSettings settings)
        {
            // The writer retries throttling, server errors and unprocessed items itself, with one bound and a
            // count for the result; SDK retries underneath would multiply both.
            settings.MaxErrorRetry = 0;
            settings.RequestTimeout = TimeSpan.FromSeconds(RequestTimeoutSeconds);
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ItemSet)
            {
                pipelineRun ??= NewRun();
                activeRun = pipelineRun;
                foreach (var item in InputObject!)
                {
                    pipelineRun.Add(item);
                }
                return;
            }
            foreach (var path in SourcePaths.Resolve(this, Path, LiteralPath))
            {
                ExportDatabase(path);
            }
        }

        protected override void EndProcessing()
        {
            if (pipelineRun != null)
            {
                WriteObject(pipelineRun.Finish(), enumerateCollection: true);
                pipelineRun.Dispose();
                pipelineRun = null;
            }
        }

        protected override void StopProcessing()
        {
            base.StopProcessing();
            activeRun?.Stop();
        }

        public override void Dispose()
        {
            // After Ctrl+C PowerShell skips EndProcessing but still disposes the command, on the pipeline thread,
            // whichever command of the pipeline was running: the one place to say what the pipeline input got to.
            if (pipelineRun != null)
            {
                using (pipelineRun)
                {
                    if (Stopping || Cancellation.IsCancellationRequested)
                    {
                        pipelineRun.WaitStopped();
                        HostWarningLine.Show(Host, pipelineRun.DescribeStop());
                    }
                }
                pipelineRun = null;
            }
            base.Dispose();
        }

        private ExportRun NewRun()
        {
            var options = new ExportOptions
            {
                Writer = new BatchWriterOptions
                {
                    MaxConcurrency = MaxConcurrency,
                    MinConcurrency = MinConcurrency,
                    MaxWriteUnitsPerSecond = MaxWriteUnitsPerSecond > 0 ? MaxWriteUnitsPerSecond : (double?)null,
                    MaxAttempts = MaxAttempts,
                },
                TablePrefix = TablePrefix,
                Target = TargetDescription,
                Resume = Resume,
                CheckpointPath = CheckpointPath is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(CheckpointPath),
                SaveCheckpoint = ShouldWriteCheckpoint(),
            };
            var streams = new ExportEventWriter(this);
            return new ExportRun(() => Connection, options, table => ShouldProcess(table, "Write items with BatchWriteItem"),
                new SynchronousProgress<ExportEvent>(streams.Write), Cancellation, TimeProvider.System);
        }

        private void ExportDatabase(string path)
        {
            SourceDatabase database;
            try
            {
                database = SourceDatabase.Open(path);
            }
            catch (SourceDatabaseException ex)
            {
                WriteError(ErrorRecords.FromSource(ex));
                return;
            }
            using (database)
            using (var run = NewRun())
            {
                activeRun = run;
                try
                {
                    WriteObject(run.ExportDatabase(database), enumerateCollection: true);
                }
                catch (Exception ex) when (IsStop(ex))
                {
                    // Ctrl+C: the run has waited for its workers and saved the checkpoint with the final count.
                    HostWarningLine.Show(Host, run.DescribeStop());
                    throw new PipelineStoppedException();
                }
            }
        }

        /// <summary>How Ctrl+C surfaces here: the core's cancellation, or PowerShell refusing a write.</summary>
        private bool IsStop(Exception ex) =>
            ex is PipelineStoppedException || (ex is OperationCanceledException && Cancellation.IsCancellationRequested);

        // -WhatIf writes nothing, not even a checkpoint.
        private bool ShouldWriteCheckpoint()
        {
            if (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf))
            {
                return !((SwitchParameter)whatIf).IsPresent;
            }
            return !LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference"));
        }
    }
}
