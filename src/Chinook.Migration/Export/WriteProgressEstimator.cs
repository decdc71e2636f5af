using System;
using System.Collections.Generic;
using System.Linq;
using Chinook.Migration.Target.Writing;

namespace Chinook.Migration.Export
{
    /// <summary>Turns the writer's counts and the share of input seen into progress lines, overall and per table.</summary>
    internal sealed class WriteProgressEstimator
    {
        private readonly TimeProvider clock;
        private readonly long started;
        private readonly Dictionary<string, double> tableInputFractions = new Dictionary<string, double>(StringComparer.Ordinal);

        public WriteProgressEstimator(TimeProvider clock)
        {
            this.clock = clock;
            started = clock.GetTimestamp();
        }

        /// <summary>The share of the whole input already seen (0..1), when the source knows it.</summary>
        public double? InputFraction { get; set; }

        /// <summary>The share of one table's input already seen (0..1).</summary>
        public void SetTableInputFraction(string tableName, double fraction) => tableInputFractions[tableName] = fraction;

        public ExportProgress Describe(IReadOnlyList<TableWriteResult> tables)
        {
            var written = tables.Sum(t => t.ItemsWritten);
            var seconds = clock.GetElapsedTime(started).TotalSeconds;
            var rate = seconds > 0 ? written / seconds : 0;
            var overall = ProgressLine.Estimated(ExportProgress.Activity, $"{written:N0} items written, {rate:N0} items/s",
                InputFraction, tables.Sum(t => t.ItemsReceived), written, rate);
            var perTable = tables.Select(table => ProgressLine.Estimated(table.TableName,
                $"{table.ItemsWritten:N0} written, {table.ItemsPerSecond:N0} items/s, {table.Retries:N0} retries, {table.Failed:N0} failed",
                tableInputFractions.TryGetValue(table.TableName, out var fraction) ? fraction : null,
                table.ItemsReceived, table.ItemsWritten, table.ItemsPerSecond)).ToList();
            return new ExportProgress(overall, perTable);
        }
    }
}
