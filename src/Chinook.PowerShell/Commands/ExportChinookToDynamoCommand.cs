using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using Chinook.Migration.Items;
using Chinook.Migration.Source;
using Chinook.Migration.Target;
using Chinook.Migration.Target.Writing;
using Chinook.Migration.Transform;
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
        private static readonly TimeSpan CheckpointInterval = TimeSpan.FromSeconds(2);

        private readonly Dictionary<string, string?> targetTables = new Dictionary<string, string?>(StringComparer.Ordinal);
        private WriteSession? pipelineSession;
        private WriteSession? activeSession;

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
                pipelineSession ??= NewSession(alreadyWritten: 0);
                activeSession = pipelineSession;
                foreach (var item in InputObject!)
                {
                    var table = TargetTable(item.TableName);
                    if (table != null && !pipelineSession.Aborted)
                    {
                        pipelineSession.Add(item, table);
                    }
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
            if (pipelineSession != null)
            {
                WriteObject(pipelineSession.Finish(), enumerateCollection: true);
                pipelineSession.Dispose();
                pipelineSession = null;
            }
        }

        protected override void StopProcessing()
        {
            base.StopProcessing();
            activeSession?.Stop();
        }

        public override void Dispose()
        {
            // After Ctrl+C PowerShell skips EndProcessing but still disposes the command, on the pipeline thread,
            // whichever command of the pipeline was running: the one place to say what the pipeline input got to.
            if (pipelineSession != null)
            {
                using (pipelineSession)
                {
                    if (Stopping || Cancellation.IsCancellationRequested)
                    {
                        pipelineSession.WaitStopped();
                        pipelineSession.ShowStopSummary(checkpointPath: null);
                    }
                }
                pipelineSession = null;
            }
            base.Dispose();
        }

        private WriteSession NewSession(long alreadyWritten) => new WriteSession(this, () =>
        {
            WriteVerbose($"Writing with up to {MaxConcurrency} BatchWriteItem calls in flight" +
                (MaxWriteUnitsPerSecond > 0 ? $", at most {MaxWriteUnitsPerSecond} write units per second." : "."));
            return new DynamoBatchWriter(Connection, new BatchWriterOptions
            {
                MaxConcurrency = MaxConcurrency,
                MaxWriteUnitsPerSecond = MaxWriteUnitsPerSecond > 0 ? MaxWriteUnitsPerSecond : (double?)null,
                MaxAttempts = MaxAttempts,
            }, Cancellation, alreadyWritten);
        });

        /// <summary>The table an item goes to: its own, or its base name under -TablePrefix; null after an error.</summary>
        private string? TargetTable(string itemTable)
        {
            if (targetTables.TryGetValue(itemTable, out var known))
            {
                return known;
            }
            string? table = null;
            try
            {
                var (prefix, baseName) = TableNames.Resolve(itemTable, TablePrefix);
                table = TableNames.Qualify(prefix, baseName);
            }
            catch (ArgumentException ex)
            {
                WriteError(ErrorRecords.ItemTableMismatch(ex, itemTable));
            }
            targetTables.Add(itemTable, table);
            return table;
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
            {
                var checkpoint = StartCheckpoint(database);
                if (checkpoint is null)
                {
                    return;
                }
                var session = NewSession(checkpoint.Record.ItemsSettled);
                activeSession = session;
                var stopped = false;
                try
                {
                    try
                    {
                        ConvertAndWrite(database, session, checkpoint);
                        WriteObject(session.Finish(), enumerateCollection: true);
                    }
                    catch (SourceDatabaseException ex)
                    {
                        // The source failed part-way (a damaged page, a lock): what was read so far is still written.
                        WriteError(ErrorRecords.FromSource(ex));
                        WriteObject(session.Finish(), enumerateCollection: true);
                    }
                }
                catch (Exception ex) when (IsStop(ex))
                {
                    // Ctrl+C: the checkpoint below records the final count once the workers have ended.
                    stopped = true;
                    session.WaitStopped();
                    throw new PipelineStoppedException();
                }
                finally
                {
                    using (session)
                    {
                        if (session.Started)
                        {
                            checkpoint.Save(session.SettledThrough);
                            if (stopped)
                            {
                                session.ShowStopSummary(checkpoint.Path);
                            }
                            else
                            {
                                WriteVerbose($"Checkpoint '{checkpoint.Path}': {session.SettledThrough:N0} items settled.");
                            }
                        }
                    }
                }
            }
        }

        /// <summary>How Ctrl+C surfaces here: the core's cancellation, or PowerShell refusing a write.</summary>
        private bool IsStop(Exception ex) =>
            ex is PipelineStoppedException || (ex is OperationCanceledException && Cancellation.IsCancellationRequested);

        private void ConvertAndWrite(SourceDatabase database, WriteSession session, CheckpointFile checkpoint)
        {
            var options = new ConversionOptions { TablePrefix = TablePrefix };
            var skip = checkpoint.Record.ItemsSettled;
            if (skip > 0)
            {
                WriteVerbose($"Resuming: the first {skip:N0} items are settled by checkpoint '{checkpoint.Path}'.");
            }
            var progress = new SynchronousProgress<ConversionProgress>(p =>
            {
                session.InputFraction = p.RowsTotalOverall > 0 ? (double)p.RowsReadOverall / p.RowsTotalOverall : (double?)null;
                if (p.TargetRowsTotal > 0)
                {
                    session.SetTableInputFraction(TableNames.Qualify(TablePrefix, p.TargetTable), (double)p.TargetRowsRead / p.TargetRowsTotal);
                }
            });
            long seen = 0;
            var lastSave = DateTime.UtcNow;
            foreach (var output in ItemConverter.Convert(database, options, progress, Cancellation))
            {
                if (output.Problem is ConversionProblem problem)
                {
                    ConversionProblemReport.Write(this, problem, database.Path);
                    continue;
                }
                if (seen++ < skip)
                {
                    continue;
                }
                var item = output.Item!;
                session.Add(item, item.TableName);
                if (session.Aborted)
                {
                    break;
                }
                if (session.Started && DateTime.UtcNow - lastSave > CheckpointInterval)
                {
                    checkpoint.Save(session.SettledThrough);
                    lastSave = DateTime.UtcNow;
                }
            }
        }

        /// <summary>The checkpoint of this source and target: loaded for -Resume, else started anew; null after an error.</summary>
        private CheckpointFile? StartCheckpoint(SourceDatabase database)
        {
            var hash = WriteCheckpoint.HashFile(database.Path);
            var selection = $"target={TargetDescription};prefix={TablePrefix}";
            var path = CheckpointPath is null
                ? CheckpointFile.DefaultPath(hash, selection)
                : SessionState.Path.GetUnresolvedProviderPathFromPSPath(CheckpointPath);
            var fresh = new WriteCheckpoint { SourcePath = database.Path, SourceSha256 = hash, Selection = selection };
            if (!Resume)
            {
                return new CheckpointFile(path, fresh, dryRun: !ShouldWriteCheckpoint());
            }
            try
            {
                var existing = WriteCheckpoint.Load(path);
                if (existing is null)
                {
                    WriteWarning($"No checkpoint at '{path}': writing every item.");
                    return new CheckpointFile(path, fresh, dryRun: false);
                }
                existing.EnsureMatches(hash, selection, path);
                return new CheckpointFile(path, existing, dryRun: false);
            }
            catch (InvalidDataException ex)
            {
                WriteError(ErrorRecords.CheckpointUnusable(ex, path));
                return null;
            }
        }

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
