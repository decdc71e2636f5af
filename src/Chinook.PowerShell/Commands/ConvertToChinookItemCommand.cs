using System;
using System.Management.Automation;
using System.Threading;
using Chinook.Migration;
using Chinook.Migration.Items;
using Chinook.Migration.Source;
using Chinook.Migration.Transform;
using Chinook.PowerShell.Commands.Shared;

namespace Chinook.PowerShell.Commands
{
    /// <summary>
    /// Streams the rows of a Chinook database into DynamoDB items, one pipeline object per item, ready for
    /// Where-Object, Group-Object and Export-ChinookToDynamo.
    /// </summary>
    [Cmdlet(VerbsData.ConvertTo, "ChinookItem", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(ChinookItem))]
    public sealed class ConvertToChinookItemCommand : SourcePathCmdlet, IDisposable
    {
        private const string Activity = "Converting Chinook rows to DynamoDB items";
        private readonly CancellationTokenSource stopping = new CancellationTokenSource();
        private readonly ProgressThrottle progressThrottle = new ProgressThrottle(TimeProvider.System);

        /// <summary>Only these entity types (Artist, Album, Track, Genre, MediaType, Customer, Order, Playlist, PlaylistPage, Employee, DirectReport, SupportedCustomer).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public ChinookEntity[]? Entity { get; set; }

        /// <summary>Only the items of these target tables (names without the prefix).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValidateSet(TableNames.MusicCatalog, TableNames.CustomerOrders, TableNames.Playlists, TableNames.EmployeeManagement)]
        public string[]? TableName { get; set; }

        /// <summary>Prepended to each item's TableName, for example "dev-".</summary>
        [Parameter]
        public string? TablePrefix { get; set; }

        private ConversionOptions options = new ConversionOptions();

        protected override void BeginProcessing()
        {
            options = new ConversionOptions { TablePrefix = TablePrefix, Entities = Entity, Tables = TableName };
            try
            {
                options.Validate();
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(ErrorRecords.InvalidConversionOptions(ex, TablePrefix));
            }
        }

        protected override void ProcessRecord()
        {
            foreach (var path in ResolveSourcePaths())
            {
                WriteVerbose($"Opening '{path}' read-only.");
                try
                {
                    using var database = SourceDatabase.Open(path);
                    Convert(database);
                }
                catch (SourceDatabaseException ex)
                {
                    WriteError(ErrorRecords.FromSource(ex));
                }
            }
        }

        protected override void StopProcessing() => stopping.Cancel();

        public void Dispose() => stopping.Dispose();

        private void Convert(SourceDatabase database)
        {
            const int progressId = 1;
            // The conversion runs on this (the pipeline) thread, so progress can be written as it is reported.
            var progress = new SynchronousProgress<ConversionProgress>(p => ReportProgress(p, DisplayName(database.Path), progressId));
            try
            {
                foreach (var output in ItemConverter.Convert(database, options, progress, stopping.Token))
                {
                    if (output.Item is not null)
                    {
                        WriteObject(output.Item);
                    }
                    else
                    {
                        ConversionProblemReport.Write(this, output.Problem!, database.Path);
                    }
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // Ctrl+C: PowerShell is already stopping the pipeline.
                return;
            }
            WriteProgress(new ProgressRecord(progressId, Activity, "Done") { RecordType = ProgressRecordType.Completed });
        }

        private void ReportProgress(ConversionProgress progress, string database, int progressId)
        {
            if (progress.Stage == ConversionStage.StepStarted)
            {
                WriteVerbose($"{database}: step {progress.Step} of {progress.StepCount}, reading {progress.Description} ({progress.RowsTotal:N0} rows).");
            }
            else if (progress.Stage == ConversionStage.StepFinished)
            {
                WriteVerbose($"{database}: read {progress.RowsRead:N0} {progress.SourceTable} rows; {progress.ItemsEmitted:N0} items and {progress.Problems:N0} problems so far.");
            }
            else if (!progressThrottle.Due())
            {
                return;
            }
            WriteProgress(new ProgressRecord(progressId, Activity,
                $"{database}: {progress.SourceTable} {progress.RowsRead:N0} of {progress.RowsTotal:N0} rows, {progress.ItemsEmitted:N0} items")
            {
                PercentComplete = Math.Min(100, progress.PercentComplete),
                CurrentOperation = progress.Description,
            });
        }
    }
}
