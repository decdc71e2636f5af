using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Chinook.Migration;
using Chinook.Migration.Import;
using Chinook.Migration.Items;
using Chinook.Migration.Source;
using Chinook.Migration.Transform;
using Chinook.PowerShell.Commands.Shared;

namespace Chinook.PowerShell.Commands
{
    /// <summary>
    /// Writes a source database's items to S3 as gzip DynamoDB JSON objects, one prefix per table, with a manifest
    /// beside them: the input of DynamoDB's own import (Import-ChinookFromS3).
    /// </summary>
    [Cmdlet(VerbsData.Export, "ChinookToS3", SupportsShouldProcess = true, DefaultParameterSetName = PathSet)]
    [OutputType(typeof(S3ExportResult))]
    public sealed class ExportChinookToS3Command : DynamoCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";
        private const string Activity = "Export-ChinookToS3";

        private readonly ProgressThrottle progressThrottle = new ProgressThrottle(TimeProvider.System);
        private S3Connection? s3;

        /// <summary>The source database; without it, the shipped one.</summary>
        [Parameter(ParameterSetName = PathSet, Position = 0)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[]? Path { get; set; }

        [Parameter(ParameterSetName = LiteralPathSet, Mandatory = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[]? LiteralPath { get; set; }

        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string BucketName { get; set; } = string.Empty;

        /// <summary>exports/2026-12-03/ puts the manifest at exports/2026-12-03/manifest.json and each table under exports/2026-12-03/&lt;TableName&gt;/.</summary>
        [Parameter]
        [ValidateNotNull]
        public string KeyPrefix { get; set; } = string.Empty;

        /// <summary>Goes on with a stopped export under the same key prefix: objects in its manifest are checked, not sent again.</summary>
        [Parameter]
        public SwitchParameter Resume { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            S3LocationParameters.Validate(this, BucketName, KeyPrefix);
        }

        protected override void ProcessRecord()
        {
            foreach (var path in SourcePaths.Resolve(this, Path, LiteralPath))
            {
                ExportDatabase(path);
            }
        }

        public override void Dispose()
        {
            s3?.Dispose();
            s3 = null;
            base.Dispose();
        }

        private S3Connection S3
        {
            get
            {
                if (s3 is null)
                {
                    s3 = Connect(S3Connection.Create);
                    ReportConnection(s3.Endpoint, s3.CredentialSource, s3.RegionSource);
                }
                return s3;
            }
        }

        private void ExportDatabase(string path)
        {
            var options = new S3ExportOptions { BucketName = BucketName, KeyPrefix = KeyPrefix, TablePrefix = TablePrefix, Resume = Resume };
            var tables = TableNames.BaseNames.Where(t => ShouldProcess(options.TableAddress(t), "Write the table's items as gzip DynamoDB JSON objects")).ToList();
            if (tables.Count == 0)
            {
                return;
            }
            var export = new S3Export(S3, options);
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
                var name = System.IO.Path.GetFileName(path);
                var progress = ProgressOnPipeline<S3ExportEvent>(e => Show(e, name, path));
                try
                {
                    WriteObject(Run(cancellationToken => export.ExportAsync(database, tables, progress, cancellationToken)), enumerateCollection: true);
                    WriteVerbose($"{name}: the manifest is {export.ManifestAddress}.");
                }
                catch (S3ExportException ex) when (ex.Problem is S3ExportProblem.BucketNotFound or S3ExportProblem.AccessDenied or S3ExportProblem.PrefixNotEmpty)
                {
                    ThrowTerminatingError(ErrorRecords.FromS3Export(ex));
                }
                catch (S3ExportException ex)
                {
                    WriteError(ErrorRecords.FromS3Export(ex));
                }
                catch (SourceDatabaseException ex)
                {
                    WriteError(ErrorRecords.FromSource(ex));
                }
                finally
                {
                    WriteProgress(new ProgressRecord(1, Activity, "Done") { RecordType = ProgressRecordType.Completed });
                }
            }
        }

        private void Show(S3ExportEvent e, string name, string path)
        {
            switch (e)
            {
                case S3ExportProblemFound found:
                    ConversionProblemReport.Write(this, found.Problem, path);
                    break;
                case S3ObjectWritten written:
                    WriteVerbose(written.Resumed
                        ? $"{written.Address}: complete from the stopped export ({written.Object.Items:N0} items, same SHA-256); not sent again."
                        : $"{written.Address}: {written.Object.Items:N0} items, {written.Object.Bytes:N0} bytes gzip ({written.Object.LineBytes:N0} before){(written.Object.Parts > 0 ? $", {written.Object.Parts} parts" : "")}.");
                    break;
                case S3ExportReading reading when reading.Conversion.Stage != ConversionStage.Reading || progressThrottle.Due():
                    var conversion = reading.Conversion;
                    WriteProgress(new ProgressRecord(1, Activity,
                        $"{name}: {conversion.TargetTable}, {conversion.ItemsEmitted:N0} items, {reading.BytesUploaded / (1024.0 * 1024.0):N1} MB in S3")
                    {
                        PercentComplete = Math.Min(100, conversion.PercentComplete),
                        CurrentOperation = conversion.Description,
                    });
                    break;
            }
        }
    }
}
