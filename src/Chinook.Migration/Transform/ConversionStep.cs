using System;
using System.Collections.Generic;
using Chinook.Migration.Source;

namespace Chinook.Migration.Transform
{
    /// <summary>One ordered source query and what turns its rows into items.</summary>
    internal sealed class ConversionStep
    {
        public ConversionStep(string sourceTable, string description, string select, string from, string orderBy,
            Func<ConversionContext, SourceRowCursor, IEnumerable<ConversionOutput>> convert, string? with = null)
        {
            SourceTable = sourceTable;
            Description = description;
            Select = select;
            From = from;
            OrderBy = orderBy;
            Convert = convert;
            With = with;
        }

        public string SourceTable { get; }
        public string Description { get; }
        public string Select { get; }
        public string From { get; }
        public string OrderBy { get; }

        /// <summary>A common table expression the query needs, or null.</summary>
        public string? With { get; }

        public Func<ConversionContext, SourceRowCursor, IEnumerable<ConversionOutput>> Convert { get; }

        public string Sql => $"{With} SELECT {Select} FROM {From} ORDER BY {OrderBy}";

        public string CountSql => $"{With} SELECT COUNT(*) FROM {From}";
    }
}
