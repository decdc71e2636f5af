using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
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

        /// <summary>A name parameter's value as the core's pattern: PowerShell's wildcards, without regard to case, as in Get-ChildItem.</summary>
        protected static NamePattern Pattern(string text) => new NamePattern(text, WildcardPattern.Get(text, WildcardOptions.IgnoreCase).IsMatch);

        /// <summary>
        /// Runs a lookup by name pattern. A literal name that finds nothing is an error; a wildcard pattern that matches
        /// nothing is not, as with Get-ChildItem.
        /// </summary>
        protected bool TryFind<T>(Func<CancellationToken, Task<IReadOnlyList<T>>> find, NamePattern pattern, string what, string lookup, AccessReader reader, out IReadOnlyList<T> found)
        {
            if (!TryRead(find, pattern.Text, out found))
            {
                return false;
            }
            if (found.Count == 0 && pattern.IsLiteral)
            {
                WriteNotFound(what, $"{lookup} '{pattern.Text}'", pattern.Text, reader);
            }
            return true;
        }

        /// <summary>The error for a lookup that found nothing: ObjectNotFound, id "<paramref name="what"/>NotFound".</summary>
        protected void WriteNotFound(string what, string lookup, object target, AccessReader reader) =>
            WriteError(ErrorRecords.AccessNotFound(what, lookup, target, reader.TableName));

        protected override void EndProcessing() => progressWriter?.Complete();
    }
}
