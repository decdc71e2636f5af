using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Chinook.Migration.Target;
using Chinook.PowerShell.Commands.Completion;

namespace Chinook.PowerShell.Commands.Shared
{
    /// <summary>
    /// The base of the cmdlets that act on the module's tables as a whole: -TableName (base or prefixed names, from
    /// the pipeline too) gathered over all records; none named means all four. The work is done in EndProcessing,
    /// so that the tables can be created, waited on or deleted at the same time.
    /// </summary>
    public abstract class DynamoTableCmdlet : DynamoCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(TableNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? TableName { get; set; }

        internal TableSelection Selection { get; } = new TableSelection();

        protected override void ProcessRecord() => Selection.Add(TableName, TablePrefix, WriteError);

        /// <summary>Inspects the selected tables at once (reads only); a table that cannot be described gets its own error.</summary>
        protected IReadOnlyList<TableInspection> InspectTables(TableManager manager, TableBilling? billing = null)
        {
            var inspections = new List<TableInspection>();
            foreach (var outcome in RunForEach(Selection.Definitions(TablePrefix, billing), manager.InspectAsync))
            {
                if (outcome.Error is not null)
                {
                    WriteError(ErrorRecords.FromTableOperation(outcome.Error, outcome.Item.TableName));
                }
                else
                {
                    inspections.Add(outcome.Result!);
                }
            }
            return inspections;
        }

        /// <summary>Runs the operation on every table at once, with a progress bar each, and writes each table's report or error.</summary>
        protected void ApplyToTables(IEnumerable<TableInspection> tables,
            Func<TableInspection, IProgress<TableProgress>, CancellationToken, Task<TableReport>> operation)
        {
            var writer = new TableProgressWriter(this);
            var progress = ProgressOnPipeline<TableProgress>(writer.Write);
            foreach (var outcome in RunForEach(tables, (table, cancellationToken) => operation(table, progress, cancellationToken)))
            {
                if (outcome.Error is not null)
                {
                    WriteError(ErrorRecords.FromTableOperation(outcome.Error, outcome.Item.TableName));
                }
                else
                {
                    WriteObject(outcome.Result);
                }
            }
        }
    }
}
