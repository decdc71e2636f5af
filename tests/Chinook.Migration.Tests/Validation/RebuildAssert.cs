using System.Collections.Generic;
using System.Linq;
using Chinook.Migration.Items;
using Chinook.Migration.Readback;
using Chinook.Migration.Source;
using Xunit;

namespace Chinook.Migration.Tests.Validation
{
    internal static class RebuildAssert
    {
        /// <summary>
        /// The way back is exact: the items rebuilt into a new SQLite file (<see cref="ChinookSqliteWriter"/>) give all 11
        /// source tables row for row, compared in SQL in both directions, every column with its storage class
        /// (typeof); the file is sound, and its foreign-key findings are the source's own.
        /// </summary>
        public static void SourceEqualsRebuilt(string path, IEnumerable<ChinookItem> items)
        {
            var rebuilt = Rebuild(items, out var summary, out var problems);
            Assert.True(problems.Count == 0, "items that did not come back: " + string.Join("; ", problems));
            Assert.Equal(new[] { "ok" }, summary.IntegrityCheck);
            var differences = SqlDifferences(path, rebuilt);
            Assert.True(differences.Count == 0, string.Join("\n", differences));
            Assert.Equal(ForeignKeyViolations(path), summary.ForeignKeyFindings.Select(f => $"{f.Table}.{f.Column}={f.Value}").OrderBy(f => f));
        }

        public static string Rebuild(IEnumerable<ChinookItem> items, out RebuildSummary summary, out List<ReadbackProblem> problems, string? tablePrefix = null)
        {
            var rebuilt = TestDatabases.ScratchPath();
            var found = new List<ReadbackProblem>();
            using (var writer = new ChinookSqliteWriter(rebuilt, tablePrefix, found.Add))
            {
                foreach (var item in items)
                {
                    writer.Add(item);
                }
                summary = writer.Complete();
            }
            problems = found;
            return rebuilt;
        }

        /// <summary>Rows of one file that the other lacks, both ways, every column and its typeof(); empty when the 11 tables are equal.</summary>
        public static List<string> SqlDifferences(string source, string rebuilt)
        {
            var differences = new List<string>();
            using var connection = TestDatabases.OpenReadOnly(source);
            using (var attach = connection.CreateCommand())
            {
                attach.CommandText = "ATTACH DATABASE $path AS rebuilt";
                attach.Parameters.AddWithValue("$path", rebuilt);
                attach.ExecuteNonQuery();
            }
            foreach (var table in ChinookSchema.Tables)
            {
                var columns = string.Join(", ", table.Columns.Select(c => $"[{c.Name}], typeof([{c.Name}])"));
                foreach (var (from, to) in new[] { ("main", "rebuilt"), ("rebuilt", "main") })
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = $"SELECT {columns} FROM {from}.[{table.Name}] EXCEPT SELECT {columns} FROM {to}.[{table.Name}] LIMIT 5";
                    using var reader = command.ExecuteReader();
                    while (reader.Read())
                    {
                        differences.Add($"{table.Name} row only in {(from == "main" ? "the source" : "the rebuilt file")}: " +
                            string.Join(", ", Enumerable.Range(0, reader.FieldCount / 2).Select(i => $"{reader.GetName(2 * i)}={reader.GetValue(2 * i)} ({reader.GetValue(2 * i + 1)})")));
                    }
                }
                using var count = connection.CreateCommand();
                count.CommandText = $"SELECT (SELECT count(*) FROM main.[{table.Name}]) - (SELECT count(*) FROM rebuilt.[{table.Name}])";
                if ((long)count.ExecuteScalar()! != 0)
                {
                    differences.Add($"{table.Name}: the row counts differ");
                }
            }
            return differences;
        }

        private static IEnumerable<string> ForeignKeyViolations(string path)
        {
            using var connection = TestDatabases.OpenReadOnly(path);
            var violations = new List<string>();
            foreach (var table in ChinookSchema.Tables)
            {
                foreach (var key in table.ForeignKeys)
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = $"SELECT s.[{key.Column}] FROM [{table.Name}] AS s WHERE {key.OrphanCondition("s")}";
                    using var reader = command.ExecuteReader();
                    while (reader.Read())
                    {
                        violations.Add($"{table.Name}.{key.Column}={reader.GetValue(0)}");
                    }
                }
            }
            return violations.OrderBy(v => v).ToList();
        }
    }
}
