using System;
using System.Management.Automation;
using Chinook.Migration.Source;
using Chinook.Migration.Transform;

namespace Chinook.PowerShell.Commands.Shared
{
    /// <summary>Every error record the module writes, with a stable id, a category and advice, in one place.</summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord SourceNotFound(string path) => Create(
            new SourceDatabaseException(path, SourceProblem.NotFound, $"Cannot find a source database at '{path}'."),
            "SourceNotFound", ErrorCategory.ObjectNotFound, path,
            "Check the path; relative paths are resolved against the current PowerShell location.");

        public static ErrorRecord SourceNotFileSystem(string path, string provider) => Create(
            new ArgumentException($"'{path}' is on the {provider} provider; a source database must be a file."),
            "SourceNotFileSystem", ErrorCategory.InvalidArgument, path,
            "Give the path of a SQLite file on the file system.");

        public static ErrorRecord FromSource(SourceDatabaseException ex)
        {
            var (id, category, action) = ex.Problem switch
            {
                SourceProblem.NotFound => ("SourceNotFound", ErrorCategory.ObjectNotFound, "Check the path of the source database."),
                SourceProblem.Empty => ("SourceEmpty", ErrorCategory.InvalidData, "The file is empty: point at a copy of the Chinook database."),
                SourceProblem.NotSqlite => ("SourceNotSqlite", ErrorCategory.InvalidData, "The file is not SQLite or is damaged: point at an intact Chinook database."),
                SourceProblem.MissingTables => ("SourceMissingTables", ErrorCategory.InvalidData, "The database lacks Chinook tables: check that it is a Chinook database."),
                SourceProblem.MissingColumns => ("SourceMissingColumns", ErrorCategory.InvalidData, "The database lacks Chinook columns: restore the Chinook schema."),
                SourceProblem.Locked => ("SourceLocked", ErrorCategory.ResourceBusy, "Another process is writing to the database: wait for it to finish and retry."),
                SourceProblem.InvalidValue => ("SourceInvalidValue", ErrorCategory.InvalidData, "Correct the named row in the source, or leave it out and migrate the rest."),
                _ => ("SourceUnreadable", ErrorCategory.ReadError, "The file cannot be read as SQLite: check that it is intact and readable."),
            };
            return Create(ex, id, category, ex.Path, action);
        }

        public static ErrorRecord InvalidConversionOptions(ArgumentException ex, string? tablePrefix) => Create(
            ex, "InvalidConversionOptions", ErrorCategory.InvalidArgument, tablePrefix,
            "Give a table prefix of letters, digits, '_', '-' and '.' that keeps table names within 255 characters.");

        /// <summary>A source row the conversion could not carry into any item; the other items still flow.</summary>
        public static ErrorRecord FromConversionProblem(ConversionProblem problem, string path)
        {
            var (id, action) = problem.Kind switch
            {
                ConversionProblemKind.InvalidValue => ("InvalidSourceValue",
                    "Correct the named column of the named row in the source (or a copy of it), then convert again; the other rows are converted."),
                ConversionProblemKind.RowTooLarge => ("SourceRowTooLarge",
                    "Shorten the row's text columns in the source: DynamoDB items are limited to 400 KB."),
                ConversionProblemKind.OrphanRow => ("OrphanSourceRow",
                    "Restore the row it belongs to, or delete the orphan from the source."),
                _ => ("ConversionProblem", "See the message for the row concerned."),
            };
            return Create(new System.IO.InvalidDataException($"{System.IO.Path.GetFileName(path)}: {problem.Message}"),
                id, ErrorCategory.InvalidData, problem, action);
        }

        public static ErrorRecord Create(Exception exception, string errorId, ErrorCategory category, object? target, string recommendedAction)
        {
            var record = new ErrorRecord(exception, errorId, category, target);
            record.ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = recommendedAction };
            return record;
        }
    }
}
