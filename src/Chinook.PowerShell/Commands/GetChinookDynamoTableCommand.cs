using System.Management.Automation;
using Chinook.Migration.Target;
using Chinook.PowerShell.Commands.Shared;

namespace Chinook.PowerShell.Commands
{
    /// <summary>
    /// Describes the module's tables as they are: status, keys, indexes, billing, whether the module created them
    /// and how their keys and indexes differ from the definition. Sends only reads. Tables that do not exist are
    /// left out, or reported as errors when named.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ChinookDynamoTable")]
    [OutputType(typeof(TableReport))]
    public sealed class GetChinookDynamoTableCommand : DynamoTableCmdlet
    {
        protected override void EndProcessing()
        {
            foreach (var table in InspectTables(new TableManager(Connection)))
            {
                if (table.Status is { } status)
                {
                    WriteObject(table.ToReport(status));
                }
                else if (Selection.Named)
                {
                    WriteError(ErrorRecords.TableNotFound(table.TableName));
                }
            }
        }
    }
}
