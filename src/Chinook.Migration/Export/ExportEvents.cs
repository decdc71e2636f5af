using System;
using System.Collections.Generic;
using System.IO;
using Chinook.Migration.Source;
using Chinook.Migration.Target.Writing;
using Chinook.Migration.Transform;

namespace Chinook.Migration.Export
{
    /// <summary>
    /// Something an export run tells its caller, always on the thread that drives the run (writer workers'
    /// outcomes are handed back to it first), so the caller may show it wherever only that thread may write.
    /// </summary>
    public abstract record ExportEvent;

    public enum ExportMessageLevel { Verbose, Warning }

    /// <summary>A line for the user, worded here: what the run does, and what it did not find.</summary>
    public sealed record ExportMessage(ExportMessageLevel Level, string Text) : ExportEvent;

    /// <summary>How far the writing is, overall and per table; reported a few times a second at most.</summary>
    public sealed record ExportProgress(ProgressLine Overall, IReadOnlyList<ProgressLine> Tables) : ExportEvent
    {
        public const string Activity = "Writing items to DynamoDB";
    }

    /// <summary>The run has finished writing: its progress bars may go.</summary>
    public sealed record ExportProgressEnded : ExportEvent;

    /// <summary>An item the writer did not write, for a reason other than a stop.</summary>
    public sealed record ItemWriteFailed(ItemNotWritten Failure) : ExportEvent;

    /// <summary>The writer gave up on its own (the server could not be reached); the results say what was written.</summary>
    public sealed record WriterGaveUp(string Reason, IReadOnlyList<TableWriteResult> Results) : ExportEvent;

    /// <summary>-Resume found a checkpoint it must not apply (damaged, another source or selection): nothing is written.</summary>
    public sealed record CheckpointRefused(string Path, InvalidDataException Error) : ExportEvent;

    /// <summary>The source failed part-way; what was read before is still written.</summary>
    public sealed record SourceReadFailed(SourceDatabaseException Error) : ExportEvent;

    /// <summary>A source row the conversion kept with a change, or could not carry.</summary>
    public sealed record ConversionProblemFound(ConversionProblem Problem, string DatabasePath) : ExportEvent;

    /// <summary>Pipeline items of a table that does not fit the run's table prefix: none of them is written.</summary>
    public sealed record ItemTableRefused(string ItemTable, ArgumentException Error) : ExportEvent;
}
