using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Chinook.Migration.Target;
using Chinook.PowerShell.Commands.Shared;

namespace Chinook.PowerShell.Commands
{
    /// <summary>
    /// Creates the four tables (or those named) and waits until each table and index is ACTIVE. A table that already
    /// matches its definition is reported as Existing (with a warning when it lacks the managed tag); one that differs is an error, or with -Force is deleted and
    /// created anew, which is confirmed as a High-impact action.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "ChinookDynamoTable", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(TableReport))]
    public sealed class NewChinookDynamoTableCommand : DynamoTableCmdlet
    {
        private bool yesToAll;
        private bool noToAll;

        /// <summary>PayPerRequest (on demand, the default) or Provisioned.</summary>
        [Parameter]
        public TableBillingMode BillingMode { get; set; } = TableBillingMode.PayPerRequest;

        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long ReadCapacityUnits { get; set; } = TableBillingParameters.DefaultCapacityUnits;

        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long WriteCapacityUnits { get; set; } = TableBillingParameters.DefaultCapacityUnits;

        /// <summary>The longest each table may take to become ACTIVE (and, with -Force, to be deleted first).</summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int TimeoutSeconds { get; set; } = (int)TableWaitOptions.DefaultTimeout.TotalSeconds;

        /// <summary>Delete and recreate a table that exists with another definition. Its items are lost.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void EndProcessing()
        {
            var billing = TableBillingParameters.Resolve(this, BillingMode, ReadCapacityUnits, WriteCapacityUnits);
            var manager = new TableManager(Connection, new TableWaitOptions { Timeout = TimeSpan.FromSeconds(TimeoutSeconds) });
            var approved = new List<TableInspection>();
            var recreate = new HashSet<TableInspection>();
            foreach (var table in InspectTables(manager, billing))
            {
                var action = Decide(table);
                if (action != TableAction.LeaveAlone)
                {
                    approved.Add(table);
                }
                if (action == TableAction.Recreate)
                {
                    recreate.Add(table);
                }
            }
            ApplyToTables(approved, (table, progress, cancellationToken) => recreate.Contains(table)
                ? manager.RecreateAsync(table, progress, cancellationToken)
                : manager.CreateAsync(table, progress, cancellationToken));
        }

        private enum TableAction { LeaveAlone, CreateOrKeep, Recreate }

        private TableAction Decide(TableInspection table)
        {
            var definition = table.Definition;
            if (!table.Exists)
            {
                var indexes = definition.GlobalSecondaryIndexes.Count == 0 ? "no index" : string.Join("; ", definition.GlobalSecondaryIndexes);
                var create = $"Create table ({string.Join(", ", definition.KeySchema)}; {indexes}; {definition.BillingMode})";
                return Answered(table, Ask(table.TableName, create)) ? TableAction.CreateOrKeep : TableAction.LeaveAlone;
            }
            if (table.Differences.Count == 0)
            {
                if (!table.Managed)
                {
                    WriteWarning($"Table '{table.TableName}' has the module's keys and indexes but not its tag {ManagedTag.Key}={ManagedTag.Value}: " +
                        "it is not managed by ChinookMigration. Export writes into it, but Sync-ChinookToDynamo and Remove-ChinookDynamoTable will leave it alone. " +
                        "To have it managed, delete it and run New-ChinookDynamoTable, or tag it yourself.");
                }
                WriteVerbose($"{table.TableName} exists with the same definition; nothing to change.");
                return TableAction.CreateOrKeep;
            }
            if (!Force)
            {
                WriteError(ErrorRecords.TableDefinitionMismatch(table.TableName, table.Differences));
                return TableAction.LeaveAlone;
            }
            var differences = string.Join("; ", table.Differences);
            var consent = Ask(table.TableName, $"Delete and recreate table, losing its items ({differences})");
            if (consent == Consent.Yes && !ConfirmRecreate(table.TableName, differences))
            {
                consent = Consent.Declined;
            }
            return Answered(table, consent) ? TableAction.Recreate : TableAction.LeaveAlone;
        }

        /// <summary>True for Yes; a No is reported as the table's Declined outcome.</summary>
        private bool Answered(TableInspection table, Consent consent)
        {
            if (consent == Consent.Declined)
            {
                WriteObject(table.ToReport(TableOutcome.Declined));
            }
            return consent == Consent.Yes;
        }

        /// <summary>
        /// ShouldProcess asks only as this command's Medium impact calls for; recreating a table loses its items, so
        /// it is confirmed as a High-impact action is: unless -Confirm was given either way, or $ConfirmPreference is None.
        /// </summary>
        private bool ConfirmRecreate(string tableName, string differences)
        {
            var confirmNever = LanguagePrimitives.TryConvertTo(GetVariableValue("ConfirmPreference"), out ConfirmImpact preference) && preference == ConfirmImpact.None;
            if (MyInvocation.BoundParameters.ContainsKey("Confirm") || confirmNever)
            {
                return true;
            }
            return ShouldContinue($"Delete table '{tableName}' with all its items and create it anew? It differs from its definition: {differences}.",
                "Recreate DynamoDB table", ref yesToAll, ref noToAll);
        }
    }
}
