using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Chinook.Migration.Target;

namespace Chinook.PowerShell.Commands.Completion
{
    /// <summary>
    /// Completes -ProfileName with the profiles of the shared config and credentials files (AWS_CONFIG_FILE and
    /// AWS_SHARED_CREDENTIALS_FILE honoured), or of the -ProfileLocation file when it is given before -ProfileName.
    /// </summary>
    public sealed class ProfileNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var location = CompletionText.Bound(fakeBoundParameters, "ProfileLocation");
            return CompletionText.Matching(SharedProfiles.Names(location).Select(name => (name, $"AWS profile {name}")), wordToComplete);
        }
    }
}
