using System;
using System.Collections.Generic;
using System.Management.Automation;
using Chinook.Migration.Import;
using Chinook.Migration.Target;
using Chinook.PowerShell.Commands.Shared;

namespace Chinook.PowerShell.Commands
{
    /// <summary>
    /// Creates the tables with DynamoDB's ImportTable from the objects Export-ChinookToS3 wrote, all at once, and
    /// waits until each import ends. Only new tables: an existing one is an error, as ImportTable cannot load into it.
    /// </summary>
    [Cmdlet(VerbsData.Import, "ChinookFromS3", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(TableImportResult))]
    public sealed class ImportChinookFromS3Command : DynamoTableCmdlet
    {
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string BucketName { get; set; } = string.Empty;

        /// <summary>The key prefix given to Export-ChinookToS3: each table is read from &lt;KeyPrefix&gt;&lt;TableName&gt;/.</summary>
        [Parameter]
        [ValidateNotNull]
        public string KeyPrefix { get; set; } = string.Empty;

        /// <summary>PayPerRequest (on demand, the default) or Provisioned.</summary>
        [Parameter]
        public TableBillingMode BillingMode { get; set; } = TableBillingMode.PayPerRequest;

        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long ReadCapacityUnits { get; set; } = TableBillingParameters.DefaultCapacityUnits;

        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long WriteCapacityUnits { get; set; } = TableBillingParameters.DefaultCapacityUnits;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            S3LocationParameters.Validate(this, BucketName, KeyPrefix);
        }

        protected override void EndProcessing()
        {
            var billing = TableBillingParameters.Resolve(this, BillingMode, ReadCapacityUnits, WriteCapacityUnits);
            var importer = new TableImporter(Connection, new TableImportOptions { BucketName = BucketName, KeyPrefix = KeyPrefix });
            var approved = new List<TableInspection>();
            foreach (var table in InspectTables(new TableManager(Connection), billing))
            {
                if (!TableImporter.MayImport(table))
                {
                    WriteError(ErrorRecords.ImportTableExists(new ImportTableExistsException(table.TableName,
                        $"Table '{table.TableName}' exists ({table.Status}): ImportTable only creates new tables.")));
                    continue;
                }
                var definition = table.Definition;
                var indexes = definition.GlobalSecondaryIndexes.Count == 0 ? "no index" : string.Join("; ", definition.GlobalSecondaryIndexes);
                if (ShouldProcess(table.TableName, $"Create table with ImportTable from {importer.SourceAddress(table.TableName)} ({string.Join(", ", definition.KeySchema)}; {indexes}; {definition.BillingMode})"))
                {
                    approved.Add(table);
                }
            }
            var progress = ProgressOnPipeline<TableProgress>(new TableProgressWriter(this).Write);
            foreach (var outcome in RunForEach(approved, (table, cancellationToken) => importer.ImportAsync(table, progress, cancellationToken)))
            {
                if (outcome.Error is ImportTableExistsException exists)
                {
                    WriteError(ErrorRecords.ImportTableExists(exists));
                }
                else if (outcome.Error is not null)
                {
                    WriteError(ErrorRecords.FromTableOperation(outcome.Error, outcome.Item.TableName));
                }
                else
                {
                    var result = outcome.Result!;
                    WriteObject(result);
                    if (!result.Succeeded)
                    {
                        WriteError(ErrorRecords.ImportIncomplete(result));
                    }
                }
            }
        }
    }
}
