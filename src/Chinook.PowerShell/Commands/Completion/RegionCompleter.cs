using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Amazon;

namespace Chinook.PowerShell.Commands.Completion
{
    /// <summary>Completes -Region with the AWS SDK's own list of regions (us-east-1, eu-west-1, ...), each with its display name.</summary>
    public sealed class RegionCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionText.Matching(RegionEndpoint.EnumerableAllRegions.OrderBy(r => r.SystemName).Select(r => (r.SystemName, r.DisplayName)), wordToComplete);
    }
}
