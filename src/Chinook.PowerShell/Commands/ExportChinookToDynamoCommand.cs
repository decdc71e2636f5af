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
    public sealed class ExportChinookToDynamoCommand : BatchWriteCmdlet
    {
        private const string ItemSet = "Item";

        private ExportRun? pipelineRun;
        private ExportRun? activeRun;

        /// <summary>Items from ConvertTo-ChinookItem, in any order, from any tables.</summary>
        [Parameter(ParameterSetName = ItemSet, Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public ChinookItem[]? InputObject { get; set; }

        /// <summary>With -Path: skip the items the checkpoint says are written.</summary>
        [Parameter(ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = LiteralPathSet)]
        public SwitchParameter Resume { get; set; }

        /// <summary>With -Path: where progress is recorded for -Resume.</summary>
        [Parameter(ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = LiteralPathSet)]
        [ValidateNotNullOrEmpty]
        public string? CheckpointPath { get; set; }

        /// <summary>With -Path and no -CheckpointPath: the folder of the checkpoint; else CHINOOK_CHECKPOINT_FOLDER, else the user's data folder.</summary>
        [Parameter(ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = LiteralPathSet)]
        [ValidateNotNullOrEmpty]
        public string? CheckpointFolder { get; set; }

        private string? checkpointFile;
        private string? checkpointFolder;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            checkpointFile = CheckpointPath is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(CheckpointPath);
            checkpointFolder = CheckpointFolder is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(CheckpointFolder);
            if (checkpointFile is not null && checkpointFolder is not null)
            {
                ThrowTerminatingError(ErrorRecords.CheckpointPathAndFolder());
            }
            if (checkpointFile is not null && System.IO.Directory.Exists(checkpointFile))
            {
                ThrowTerminatingError(ErrorRecords.CheckpointPathIsFolder(CheckpointPath!));
            }
            if (checkpointFolder is not null && System.IO.File.Exists(checkpointFolder))
            {
                ThrowTerminatingError(ErrorRecords.CheckpointFolderIsFile(CheckpointFolder!));
            }
            if (ParameterSetName == ItemSet && !IsDryRun())
            {
                // Before the upstream command hands over its first item: an unreachable target stops the pipeline now.
                _ = Connection;
            }
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
                Writer = WriterOptions(),
                TablePrefix = TablePrefix,
                Target = TargetDescription,
                Resume = Resume,
                CheckpointPath = checkpointFile,
                CheckpointFolder = checkpointFolder,
                SaveCheckpoint = !IsDryRun(),
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
                catch (DynamoOperationException ex)
                {
                    // Describing the target tables failed (denied, or the endpoint went away): nothing was written.
                    ThrowTerminatingError(ErrorRecords.FromTableOperation(ex, ex.TableName));
                }
                catch (Exception ex) when (IsStop(ex))
                {
                    // Ctrl+C: the run has waited for its workers and saved the checkpoint with the final count.
                    HostWarningLine.Show(Host, run.DescribeStop());
                    throw new PipelineStoppedException();
                }
            }
        }

        // -WhatIf writes nothing, not even a checkpoint, and contacts nothing.
        private bool IsDryRun()
        {
            if (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf))
            {
                return ((SwitchParameter)whatIf).IsPresent;
            }
            return LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference"));
        }
    }
}
