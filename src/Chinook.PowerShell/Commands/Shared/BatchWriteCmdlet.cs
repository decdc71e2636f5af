using System;
using System.Management.Automation;
using Chinook.Migration.Target;
using Chinook.Migration.Target.Writing;

namespace Chinook.PowerShell.Commands.Shared
{
    /// <summary>
    /// A cmdlet that writes source databases (-Path, -LiteralPath) through the batch writer: its concurrency, rate
    /// limit, attempts and timeout, as one set of parameters.
    /// </summary>
    public abstract class BatchWriteCmdlet : DynamoCmdlet
    {
        protected const string PathSet = "Path";
        protected const string LiteralPathSet = "LiteralPath";

        /// <summary>Source databases, wildcards expanded; the shipped database when left out (and, for a cmdlet that takes items, without pipeline input).</summary>
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

        protected override void ConfigureClient(DynamoConnectionSettings settings)
        {
            // The writer retries throttling, server errors and unprocessed items itself, with one bound and a
            // count for the result; SDK retries underneath would multiply both.
            settings.MaxErrorRetry = 0;
            settings.RequestTimeout = TimeSpan.FromSeconds(RequestTimeoutSeconds);
        }

        protected BatchWriterOptions WriterOptions() => new BatchWriterOptions
        {
            MaxConcurrency = MaxConcurrency,
            MinConcurrency = MinConcurrency,
            MaxWriteUnitsPerSecond = MaxWriteUnitsPerSecond > 0 ? MaxWriteUnitsPerSecond : (double?)null,
            MaxAttempts = MaxAttempts,
        };

        /// <summary>How Ctrl+C surfaces in a writing cmdlet: the core's cancellation, or PowerShell refusing a write.</summary>
        protected bool IsStop(Exception ex) =>
            ex is PipelineStoppedException || (ex is OperationCanceledException && Cancellation.IsCancellationRequested);
    }
}
