using System;
using System.Collections.Generic;

namespace Chinook.Migration.Source
{
    public enum SourceProblem { NotFound, Empty, NotSqlite, MissingTables, MissingColumns, Unreadable, Locked, InvalidValue }

    /// <summary>A source database this module cannot use, and why; the cmdlets turn it into an error record.</summary>
    public sealed class SourceDatabaseException : Exception
    {
        public SourceDatabaseException(string path, SourceProblem problem, string message, Exception? inner = null)
            : base(message, inner)
        {
            Path = path;
            Problem = problem;
        }

        public string Path { get; }
        public SourceProblem Problem { get; }
        public IReadOnlyList<string> Missing { get; internal set; } = Array.Empty<string>();
    }
}
