using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Chinook.Migration.Items;

namespace Chinook.PowerShell.Commands.Completion
{
    /// <summary>Completes -TableName with the four tables' base names.</summary>
    public sealed class TableNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionText.Matching(TableNames.BaseNames.Select(name => (name, $"the {name} table (with -TablePrefix before it)")), wordToComplete);
    }
}
