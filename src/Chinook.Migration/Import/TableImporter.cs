using System;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Chinook.Migration.Target;

namespace Chinook.Migration.Import
{
    /// <summary>
    /// Creates a table with DynamoDB's ImportTable from the objects Export-ChinookToS3 wrote: the module's own
    /// definition (keys, indexes, billing), gzip DynamoDB JSON, a ClientToken so that a retried or repeated call
    /// joins the same import, a wait with progress from DescribeImport, and the managed tag once the table is ACTIVE.
    /// </summary>
    public sealed class TableImporter
    {
        private const string InProgress = "IN_PROGRESS";
        private const string Cancelling = "CANCELLING";

        private readonly IAmazonDynamoDB client;
        private readonly TableManager tables;
        private readonly TableImportOptions options;
        private readonly TimeProvider clock;

        public TableImporter(DynamoConnection connection, TableImportOptions options)
            : this(connection, options, TimeProvider.System, new TableWaitOptions())
        {
        }

        internal TableImporter(DynamoConnection connection, TableImportOptions options, TimeProvider clock, TableWaitOptions tableWait)
        {
            client = connection.Client;
            tables = new TableManager(connection, tableWait);
            this.options = options;
            this.clock = clock;
        }

        /// <summary>The address ImportTable reads the table from: s3://bucket/p/dev-MusicCatalog/.</summary>
        public string SourceAddress(string tableName) => S3ExportOptions.Address(options.BucketName, S3ExportOptions.TableKeyPrefix(options.KeyPrefix, tableName));

        /// <summary>
        /// Starts the table's import (or joins the one this ClientToken started: a table still CREATING) and waits
        /// until it ends. Throws <see cref="ImportTableExistsException"/> when the table exists, as ImportTable only
        /// creates tables, and <see cref="DynamoOperationException"/> for a failed request.
        /// </summary>
        public async Task<TableImportResult> ImportAsync(TableInspection inspection, IProgress<TableProgress>? progress, CancellationToken cancellationToken)
        {
            var definition = inspection.Definition;
            if (!MayImport(inspection))
            {
                throw TableExists(definition.TableName, null);
            }
            var request = Request(definition);
            ImportTableDescription import;
            try
            {
                import = (await DynamoErrors.Call(definition.TableName, "import", () => client.ImportTableAsync(request, cancellationToken), cancellationToken)
                    .ConfigureAwait(false)).ImportTableDescription;
            }
            catch (DynamoOperationException ex) when (ex.Problem == DynamoProblem.InUse || ex.ErrorCode == "ImportConflictException")
            {
                throw TableExists(definition.TableName, ex);
            }
            import = await WaitAsync(definition.TableName, import, progress, cancellationToken).ConfigureAwait(false);
            var managed = false;
            if (import.ImportStatus?.Value == TableImportResult.Completed)
            {
                await tables.TagCreatedAsync(definition, progress, cancellationToken).ConfigureAwait(false);
                managed = true;
            }
            return new TableImportResult(definition.TableName, import.ImportArn, import.ImportStatus?.Value ?? "", import.ProcessedItemCount ?? 0,
                import.ImportedItemCount ?? 0, import.ErrorCount ?? 0, import.ProcessedSizeBytes ?? 0, import.CloudWatchLogGroupArn,
                import.FailureCode, import.FailureMessage, import.StartTime, import.EndTime, managed);
        }

        /// <summary>A missing table, or one still CREATING (the import this ClientToken started, which a repeated call joins).</summary>
        public static bool MayImport(TableInspection inspection) => !inspection.Exists || inspection.Status == TableStatus.CREATING.Value;

        internal ImportTableRequest Request(TableDefinition definition) => new ImportTableRequest
        {
            ClientToken = ClientToken(definition),
            S3BucketSource = new S3BucketSource { S3Bucket = options.BucketName, S3KeyPrefix = S3ExportOptions.TableKeyPrefix(options.KeyPrefix, definition.TableName) },
            InputFormat = InputFormat.DYNAMODB_JSON,
            InputCompressionType = InputCompressionType.GZIP,
            TableCreationParameters = definition.ToTableCreationParameters(),
        };

        /// <summary>
        /// The same for the same table, source and billing: DynamoDB answers a repeated ImportTable with the same token
        /// (for 8 hours) with the import it started, so a retry or a second run never starts a second import.
        /// </summary>
        internal string ClientToken(TableDefinition definition)
        {
            var identity = string.Join("|", definition.TableName, options.BucketName, options.KeyPrefix, definition.BillingMode,
                definition.ProvisionedThroughput?.ReadCapacityUnits, definition.ProvisionedThroughput?.WriteCapacityUnits);
            return "chinook-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(identity)), 0, 14).ToLowerInvariant();
        }

        private async Task<ImportTableDescription> WaitAsync(string tableName, ImportTableDescription import, IProgress<TableProgress>? progress, CancellationToken cancellationToken)
        {
            var elapsed = Stopwatch.StartNew();
            var pause = options.FirstPollInterval;
            while (true)
            {
                var status = import.ImportStatus?.Value ?? InProgress;
                var running = status == InProgress || status == Cancelling;
                progress?.Report(new TableProgress(tableName, "Importing",
                    $"{status}: {import.ProcessedItemCount ?? 0:N0} items read, {import.ImportedItemCount ?? 0:N0} imported, {import.ErrorCount ?? 0:N0} errors",
                    Array.Empty<string>(), elapsed.Elapsed, completed: !running));
                if (!running)
                {
                    return import;
                }
                // Ctrl+C stops the wait, not the import: the service goes on, and a repeated call joins it again.
                cancellationToken.ThrowIfCancellationRequested();
                await Task.Delay(pause, clock, cancellationToken).ConfigureAwait(false);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, options.MaxPollInterval.Ticks));
                var arn = import.ImportArn;
                import = (await DynamoErrors.Call(tableName, "describe the import of", () => client.DescribeImportAsync(new DescribeImportRequest { ImportArn = arn }, cancellationToken),
                    cancellationToken).ConfigureAwait(false)).ImportTableDescription;
            }
        }

        private static ImportTableExistsException TableExists(string tableName, Exception? inner) => new ImportTableExistsException(tableName,
            $"Table '{tableName}' exists: ImportTable only creates new tables.", inner);
    }
}
