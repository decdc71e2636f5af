using System;
using System.Collections.Generic;
using System.Management.Automation;
using Chinook.Migration.Target;
using Chinook.PowerShell.Commands.Shared;

namespace Chinook.PowerShell.Commands
{
    /// <summary>
    /// The rollback: deletes the four tables (or those named) of a prefix and waits until they are gone. Only tables
    /// that carry the module's tag are deleted, unless -Force; a missing table is reported as NotFound, not an error.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "ChinookDynamoTable", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(TableReport))]
    public sealed class RemoveChinookDynamoTableCommand : DynamoTableCmdlet
    {
        /// <summary>The longest each table may take to disappear.</summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int TimeoutSeconds { get; set; } = (int)TableWaitOptions.DefaultTimeout.TotalSeconds;

        /// <summary>Delete tables of these names even when ChinookMigration did not create them.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void EndProcessing()
        {
            var manager = new TableManager(Connection, new TableWaitOptions { Timeout = TimeSpan.FromSeconds(TimeoutSeconds) });
            var approved = new List<TableInspection>();
            foreach (var table in InspectTables(manager))
            {
                if (table.Status is null)
                {
                    WriteObject(table.ToReport(TableOutcome.NotFound));
                }
                else if (!table.MayDelete(Force))
                {
                    WriteError(ErrorRecords.TableNotManaged(table.TableName));
                    WriteObject(table.ToReport(TableOutcome.Skipped));
                }
                else
                {
                    switch (Ask(table.TableName, table.Managed ? "Delete table and all its items" : "Delete table and all its items, although ChinookMigration did not create it"))
                    {
                        case Consent.Yes:
                            approved.Add(table);
                            break;
                        case Consent.Declined:
                            WriteObject(table.ToReport(TableOutcome.Declined));
                            break;
                    }
                }
            }
            ApplyToTables(approved, (table, progress, cancellationToken) => manager.DeleteAsync(table, Force, progress, cancellationToken));
        }
    }
}
