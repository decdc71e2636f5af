using System.Management.Automation;
using Chinook.Migration.Transform;

namespace Chinook.PowerShell.Commands.Shared
{
    /// <summary>How a conversion problem reaches the user, the same from every cmdlet that converts.</summary>
    internal static class ConversionProblemReport
    {
        /// <summary>A warning for what the item kept despite the problem; an error record for a row that could not be carried.</summary>
        public static void Write(PSCmdlet cmdlet, ConversionProblem problem, string databasePath)
        {
            if (problem.Severity == ProblemSeverity.Warning)
            {
                cmdlet.WriteWarning(problem.Message);
            }
            else
            {
                cmdlet.WriteError(ErrorRecords.FromConversionProblem(problem, databasePath));
            }
        }
    }
}
