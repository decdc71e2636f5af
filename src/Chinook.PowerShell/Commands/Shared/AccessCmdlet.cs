using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Chinook.Migration.Access;
using Chinook.Migration.Target;

namespace Chinook.PowerShell.Commands.Shared
{
    /// <summary>
    /// The base of the access-pattern cmdlets: each read runs off the pipeline thread with its requests in -Verbose and
    /// one progress bar, and every failed read is a non-terminating error naming what was asked for, so the rest of the
    /// pipeline input is still answered.
    /// </summary>
    /// <remarks>Not generic over the reader type: a base class naming a core type would make PowerShell load the core
    /// before the module's load context is hooked.</remarks>
    public abstract class AccessCmdlet : DynamoCmdlet
    {
        private ReadProgressWriter? progressWriter;

        /// <summary>The progress bar's title, for example "Reading artist catalogs".</summary>
        protected abstract string Activity { get; }

        /// <summary>Makes the command's reader. Called once, on the pipeline thread, as the connection may write to the host when it is made.</summary>
        protected abstract void OpenReader(DynamoConnection connection, string? tablePrefix, IProgress<ReadProgress> progress);

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            progressWriter = new ReadProgressWriter(this, Activity);
            OpenReader(Connection, TablePrefix, ProgressOnPipeline<ReadProgress>(progressWriter.Write));
        }

        /// <summary>
        /// Runs one read. A DynamoDB failure, or an item the migration would not have written, is written as a
        /// non-terminating error with <paramref name="target"/> as its target, and false comes back.
        /// </summary>
        protected bool TryRead<T>(Func<CancellationToken, Task<T>> read, object target, out T result)
        {
            try
            {
                result = Run(read);
                return true;
            }
            catch (DynamoOperationException ex)
            {
                WriteError(ErrorRecords.FromTableOperation(ex, ex.TableName));
            }
            catch (InvalidDataException ex)
            {
                WriteError(ErrorRecords.UnexpectedItem(ex, target));
            }
            result = default!;
            return false;
        }

        /// <summary>
        /// Runs a read of one thing by its id or name; when it fails or finds nothing, the error is written and null
        /// comes back.
        /// </summary>
        protected T? ReadOne<T>(Func<CancellationToken, Task<T?>> read, string what, string lookup, object target, AccessReader reader) where T : class
        {
            if (!TryRead(read, target, out var found))
            {
                return null;
            }
            if (found is null)
            {
                WriteNotFound(what, lookup, target, reader);
            }
            return found;
        }

        /// <summary>The error for a lookup that found nothing: ObjectNotFound, id "<paramref name="what"/>NotFound".</summary>
        protected void WriteNotFound(string what, string lookup, object target, AccessReader reader) =>
            WriteError(ErrorRecords.AccessNotFound(what, lookup, target, reader.TableName));

        protected override void EndProcessing() => progressWriter?.Complete();
    }
}
