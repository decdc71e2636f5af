using System;
using System.Management.Automation.Host;

namespace Chinook.PowerShell.Commands.Shared
{
    /// <summary>
    /// A warning line straight to the host, for what a stopping command still has to say (the Ctrl+C summary):
    /// a stopping command may write nothing to the pipeline or its streams, PowerShell throws instead.
    /// </summary>
    internal static class HostWarningLine
    {
        /// <summary>Shows the text, if any; a host without a user interface (a hosted runspace) shows nothing.</summary>
        public static void Show(PSHost? host, string? text)
        {
            if (text is null)
            {
                return;
            }
            try
            {
                host?.UI?.WriteWarningLine(text);
            }
            catch (Exception ex) when (ex is HostException || ex is NotImplementedException)
            {
                // A custom host that cannot show a line: the checkpoint and the tables still hold the partial result.
            }
        }
    }
}
