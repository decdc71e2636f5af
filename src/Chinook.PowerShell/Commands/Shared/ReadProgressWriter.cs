using System.Management.Automation;
using Chinook.Migration.Access;

namespace Chinook.PowerShell.Commands.Shared
{
    /// <summary>Says in -Verbose which key or index each read asks for and what it returned, and shows the reads as one progress bar.</summary>
    internal sealed class ReadProgressWriter
    {
        private const int ProgressId = 1;
        private readonly Cmdlet cmdlet;
        private readonly string activity;
        private bool shown;

        public ReadProgressWriter(Cmdlet cmdlet, string activity)
        {
            this.cmdlet = cmdlet;
            this.activity = activity;
        }

        /// <summary>Handles one report; call it on the pipeline thread only.</summary>
        public void Write(ReadProgress progress)
        {
            if (progress.Page == 0)
            {
                cmdlet.WriteVerbose(progress.Description + ".");
            }
            else if (progress.Finished)
            {
                cmdlet.WriteVerbose($"{progress.Operation} {progress.TableName} {progress.Condition}: {progress.ItemsRead:N0} item(s) in {progress.Page} page(s).");
            }
            var percent = progress.RequestsPlanned > 0 ? 100 * progress.RequestsDone / progress.RequestsPlanned : -1;
            cmdlet.WriteProgress(new ProgressRecord(ProgressId, activity,
                $"{progress.RequestsDone} of {progress.RequestsPlanned} request(s) done; {progress.ItemsRead:N0} item(s) from page {progress.Page}")
            {
                PercentComplete = percent > 100 ? 100 : percent,
                CurrentOperation = progress.Description,
            });
            shown = true;
        }

        /// <summary>Removes the progress bar once the command has nothing more to read.</summary>
        public void Complete()
        {
            if (shown)
            {
                cmdlet.WriteProgress(new ProgressRecord(ProgressId, activity, "Done") { RecordType = ProgressRecordType.Completed });
                shown = false;
            }
        }
    }
}
