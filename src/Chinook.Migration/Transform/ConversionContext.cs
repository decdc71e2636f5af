using System;
using System.Collections.Generic;
using System.Threading;
using Chinook.Migration.Items;
using Chinook.Migration.Source;

namespace Chinook.Migration.Transform
{
    /// <summary>The state one conversion shares between its steps: options, counts, and the item-size rules applied to every draft.</summary>
    internal sealed class ConversionContext
    {
        public ConversionContext(SourceDatabase database, ConversionOptions options, CancellationToken cancellation)
        {
            Database = database;
            Options = options;
            Cancellation = cancellation;
        }

        public SourceDatabase Database { get; }
        public ConversionOptions Options { get; }
        public CancellationToken Cancellation { get; }
        public long ItemsEmitted { get; private set; }
        public long Problems { get; private set; }

        public bool Selects(ChinookEntity entity) => Options.Selects(entity);

        /// <summary>
        /// Reads the current row's columns of <paramref name="table"/>. A bad value gives an error and no values;
        /// money rounded to two places gives a warning and the rounded values.
        /// </summary>
        public (Dictionary<string, object?>? Values, IReadOnlyList<ConversionOutput> Problems) ReadRow(SourceTable table, string alias, SourceRowCursor cursor)
        {
            try
            {
                var values = cursor.Row(table, alias);
                if (cursor.RoundedColumns.Count == 0 && cursor.RewrittenTimes.Count == 0)
                {
                    // The common case, once per row: no list to allocate.
                    return (values, Array.Empty<ConversionOutput>());
                }
                var warnings = new List<ConversionOutput>();
                foreach (var rounded in cursor.RoundedColumns)
                {
                    warnings.Add(Problem(ProblemSeverity.Warning, ConversionProblemKind.MoneyRounded, table.Name, cursor.RowKey(table, alias), null,
                        $"{table.Name} row {cursor.RowKey(table, alias)}: {rounded}, as NUMERIC(10,2) holds two decimal places."));
                }
                foreach (var rewritten in cursor.RewrittenTimes)
                {
                    warnings.Add(Problem(ProblemSeverity.Warning, ConversionProblemKind.TimeRewritten, table.Name, cursor.RowKey(table, alias), null,
                        $"{table.Name} row {cursor.RowKey(table, alias)}: {rewritten} when read back into SQLite: items hold ISO-8601 UTC, not the source's text."));
                }
                return (values, warnings);
            }
            catch (InvalidSourceValueException ex)
            {
                return (null, new[]
                {
                    Problem(ProblemSeverity.Error, ConversionProblemKind.InvalidValue, ex.Table, ex.RowKey, ex.Column, ex.Message + " The row is not migrated."),
                });
            }
        }

        /// <summary>One item per row: the common case where a row is an aggregate of its own.</summary>
        public IEnumerable<ConversionOutput> EachRow(SourceRowCursor cursor, SourceTable table, string alias,
            Func<Dictionary<string, object?>, string, ItemDraft> draft)
        {
            while (cursor.Read())
            {
                var (row, problems) = ReadRow(table, alias, cursor);
                foreach (var problem in problems)
                {
                    yield return problem;
                }
                if (row is null)
                {
                    continue;
                }
                foreach (var output in Complete(draft(row, cursor.RowKey(table, alias))))
                {
                    yield return output;
                }
            }
        }

        /// <summary>
        /// One aggregate per parent row of an ordered join: the rows that share the parent's key are handed to the
        /// aggregate <paramref name="start"/> makes from the parent's values (null when they could not be read).
        /// </summary>
        public IEnumerable<ConversionOutput> EachAggregate(SourceRowCursor cursor, SourceTable parent, string alias,
            Func<Dictionary<string, object?>?, string, Aggregate> start)
        {
            var groupColumn = alias + "." + parent.PrimaryKey[0];
            var more = cursor.Read();
            while (more)
            {
                var groupKey = cursor.CopiedGroupKey(groupColumn);
                var (row, problems) = ReadRow(parent, alias, cursor);
                foreach (var problem in problems)
                {
                    yield return problem;
                }
                var aggregate = start(row, cursor.RowKey(parent, alias));
                do
                {
                    foreach (var output in aggregate.Add(cursor))
                    {
                        yield return output;
                    }
                }
                while ((more = cursor.Read()) && cursor.CopiedGroupKey(groupColumn).Equals(groupKey));
                foreach (var output in aggregate.Complete())
                {
                    yield return output;
                }
            }
        }

        /// <summary>An id column of a row read by <see cref="ReadRow"/>: ids are INTEGER NOT NULL, so present and whole.</summary>
        public static long Id(IReadOnlyDictionary<string, object?> row, string column) => (long)row[column]!;

        /// <summary>
        /// Builds the draft's item and checks it against DynamoDB's 400 KB limit: too large, it loses its
        /// denormalized copies (a warning); still too large, the row cannot be migrated (an error) and no item is emitted.
        /// </summary>
        public IEnumerable<ConversionOutput> Complete(ItemDraft draft)
        {
            foreach (var warning in draft.Warnings)
            {
                yield return Problem(warning);
            }
            var item = Build(draft);
            if (item.SizeBytes > ItemLimits.MaxItemBytes && draft.HasCopies)
            {
                var fullSize = item.SizeBytes;
                var stripped = draft.StripCopies();
                item = Build(draft);
                if (item.SizeBytes <= ItemLimits.MaxItemBytes)
                {
                    yield return Problem(ProblemSeverity.Warning, ConversionProblemKind.CopiesLeftOut, draft.SourceTable.Name, draft.RowKey, null,
                        $"{draft.SourceTable.Name} row {draft.RowKey}: its {item.EntityType} item would be {fullSize:N0} bytes, over DynamoDB's " +
                        $"{ItemLimits.MaxItemBytes:N0}; it is written without the copied {string.Join(", ", stripped)} ({item.SizeBytes:N0} bytes).");
                }
            }
            if (item.SizeBytes > ItemLimits.MaxItemBytes)
            {
                yield return Problem(ProblemSeverity.Error, ConversionProblemKind.RowTooLarge, draft.SourceTable.Name, draft.RowKey, null,
                    $"{draft.SourceTable.Name} row {draft.RowKey} cannot be migrated: its {item.EntityType} item ({item.PK} {item.SK}) would be " +
                    $"{item.SizeBytes:N0} bytes, over DynamoDB's {ItemLimits.MaxItemBytes:N0}-byte item limit.");
                yield break;
            }
            ItemsEmitted++;
            yield return ConversionOutput.Of(item);
        }

        public ConversionOutput Problem(ProblemSeverity severity, ConversionProblemKind kind, string table, string rowKey, string? column, string message) =>
            Problem(new ConversionProblem(severity, kind, table, rowKey, column, message));

        private ConversionOutput Problem(ConversionProblem problem)
        {
            Problems++;
            return ConversionOutput.Of(problem);
        }

        // A draft is dropped once its item is built (the item of a draft that loses its copies is only measured),
        // so the item takes over its lists and maps instead of copying them.
        private ChinookItem Build(ItemDraft draft) =>
            ChinookItem.FromGivenValues(TableNames.Qualify(Options.TablePrefix, draft.BaseTable), draft.PartitionKey, draft.SortKey, draft.Attributes);
    }
}
