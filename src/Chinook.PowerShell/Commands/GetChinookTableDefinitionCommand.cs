using System;
using System.Management.Automation;
using Chinook.Migration.Items;
using Chinook.Migration.Target;
using Chinook.PowerShell.Commands.Completion;
using Chinook.PowerShell.Commands.Shared;

namespace Chinook.PowerShell.Commands
{
    /// <summary>
    /// The table definitions New-ChinookDynamoTable creates, without contacting AWS. `ConvertTo-Json -Depth 10` turns
    /// each into input for `aws dynamodb create-table --cli-input-json`.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ChinookTableDefinition")]
    [OutputType(typeof(TableDefinition))]
    public sealed class GetChinookTableDefinitionCommand : PSCmdlet
    {
        private readonly TableSelection selection = new TableSelection();

        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(TableNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? TableName { get; set; }

        [Parameter]
        [ValidateNotNull]
        public string? TablePrefix { get; set; }

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
            try
            {
                TableNames.ValidatePrefix(TablePrefix);
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(ErrorRecords.InvalidTablePrefix(ex, TablePrefix));
            }
        }

        protected override void ProcessRecord() => selection.Add(TableName, TablePrefix, WriteError);

        protected override void EndProcessing()
        {
            var billing = TableBillingParameters.Resolve(this, BillingMode, ReadCapacityUnits, WriteCapacityUnits);
            WriteObject(selection.Definitions(TablePrefix, billing), enumerateCollection: true);
        }
    }
}
