using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Chinook.Migration.Readback;
using Chinook.Migration.Source;
using Microsoft.Data.Sqlite;

namespace Chinook.Migration.Validation
{
    /// <summary>
    /// One source table against the same table rebuilt from the target into a SQLite file (<see cref="ChinookSqliteWriter"/>),
    /// compared in SQL: the rebuilt file is attached to the source's read-only connection, so memory holds the first
    /// keys of what differs, never the rows.
    /// </summary>
    /// <remarks>
    /// Whole numbers and text compare exactly, storage class included (NULL is not '', 2 is not '2'); money compares
    /// rounded to two places and times as instants, by the migration's own rules (ConvertTo-ChinookItem warns where
    /// those change a value).
    /// </remarks>
    public sealed class SourceTableComparison : IDisposable
    {
        private const string Missing = "missing";
        private const string Differing = "differing";
        private const string Duplicated = "held by more than one item";
        private const string Extra = "not in the source";
        private const string Alias = "rebuilt";

        private readonly SourceDatabase source;
        private readonly IReadOnlyList<ReadbackProblem> conflicts;
        private readonly int failingKeyCount;

        /// <param name="rebuiltPath">The rebuilt file, complete.</param>
        /// <param name="conflicts">The rows the rebuild refused because another item gave them already, each naming its table and row.</param>
        public SourceTableComparison(SourceDatabase source, string rebuiltPath, IReadOnlyList<ReadbackProblem> conflicts, int failingKeyCount)
        {
            this.source = source;
            this.conflicts = conflicts;
            this.failingKeyCount = failingKeyCount;
            using var attach = source.Command($"ATTACH DATABASE $path AS {Alias}");
            attach.Parameters.AddWithValue("$path", rebuiltPath);
            Run(() => attach.ExecuteNonQuery());
        }

        /// <returns>The RecordCount result and the DataIntegrity result of the table.</returns>
        public (ValidationResult RecordCount, ValidationResult DataIntegrity) Compare(SourceTable table)
        {
            var rowFindings = new Discrepancies(failingKeyCount);
            var countFindings = new Discrepancies(failingKeyCount);
            var sourceCount = Count("main", table);
            var targetCount = Count(Alias, table);
            long missing = 0;
            foreach (var key in KeysOnlyIn("main", Alias, table))
            {
                missing++;
                rowFindings.Add(Missing, key, key);
                countFindings.Add(Missing, key, key);
            }
            long differing = 0;
            foreach (var (key, detail) in DifferingRows(table))
            {
                differing++;
                rowFindings.Add(Differing, key, $"{key}: {detail}");
            }
            var duplicated = conflicts.Where(c => c.SourceTable == table.Name && c.RowKey is not null)
                .GroupBy(c => c.RowKey!, StringComparer.Ordinal).ToList();
            foreach (var row in duplicated)
            {
                var detail = $"{row.Key}: {row.Count() + 1} times";
                rowFindings.Add(Duplicated, row.Key, detail);
                countFindings.Add(Duplicated, row.Key, detail);
                targetCount += row.Count();
            }
            foreach (var key in KeysOnlyIn(Alias, "main", table))
            {
                rowFindings.Add(Extra, key, key);
                countFindings.Add(Extra, key, key);
            }

            var identical = sourceCount - missing - differing - duplicated.Count;
            var countsAgree = targetCount == sourceCount;
            var recordCount = new ValidationResult(ValidationKind.RecordCount, $"{table.Name} row count", table.Name, countsAgree, sourceCount, targetCount,
                countsAgree
                    ? $"{Discrepancies.Count(sourceCount)} rows in the source and rebuilt from the target."
                    : $"{Discrepancies.Count(sourceCount)} rows in the source, {Discrepancies.Count(targetCount)} rebuilt from the target: {countFindings.Summary()}.",
                countsAgree ? null : countFindings.Keys);
            var intact = rowFindings.Total == 0;
            var dataIntegrity = new ValidationResult(ValidationKind.DataIntegrity, $"{table.Name} rows", table.Name, intact, sourceCount, identical,
                intact
                    ? $"All {Discrepancies.Count(sourceCount)} rows rebuilt from the target equal the source, field by field."
                    : $"{Discrepancies.Count(identical)} of {Discrepancies.Count(sourceCount)} rows equal the source; {rowFindings.Summary()}.",
                intact ? null : rowFindings.Keys);
            return (recordCount, dataIntegrity);
        }

        public void Dispose()
        {
            using var detach = source.Command($"DETACH DATABASE {Alias}");
            Run(() => detach.ExecuteNonQuery());
        }

        private long Count(string schema, SourceTable table) => source.Scalar($"SELECT count(*) FROM {schema}.[{table.Name}]");

        private IEnumerable<string> KeysOnlyIn(string schema, string other, SourceTable table) =>
            Rows($"SELECT {KeyColumns(table, "a")} FROM {schema}.[{table.Name}] AS a " +
                 $"WHERE NOT EXISTS (SELECT 1 FROM {other}.[{table.Name}] AS b WHERE {KeyJoin(table)}) ORDER BY {KeyColumns(table, "a")}",
                reader => Key(table, reader));

        /// <summary>Rows of both files whose values differ, with the first differing column and both values.</summary>
        private IEnumerable<(string Key, string Detail)> DifferingRows(SourceTable table)
        {
            var same = table.Columns.Select(c => Same(c, $"a.[{c.Name}]", $"b.[{c.Name}]")).ToList();
            var values = string.Join(", ", table.Columns.Select(c => $"a.[{c.Name}], typeof(a.[{c.Name}]), b.[{c.Name}], typeof(b.[{c.Name}]), {Same(c, $"a.[{c.Name}]", $"b.[{c.Name}]")}"));
            var sql = $"SELECT {KeyColumns(table, "a")}, {values} FROM main.[{table.Name}] AS a JOIN {Alias}.[{table.Name}] AS b ON {KeyJoin(table)} " +
                      $"WHERE NOT ({string.Join(" AND ", same)}) ORDER BY {KeyColumns(table, "a")}";
            return Rows(sql, reader =>
            {
                var first = table.PrimaryKey.Count;
                var differences = new List<string>();
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    var at = first + i * 5;
                    if (reader.GetInt64(at + 4) == 0)
                    {
                        differences.Add($"{table.Columns[i].Name}: {Format(table.Columns[i], reader, at)} in the source, {Format(table.Columns[i], reader, at + 2)} in the target");
                    }
                }
                return (Key(table, reader), string.Join(", ", differences));
            });
        }

        /// <summary>The SQL condition that two values of a column are the same by the migration's rules (1 or 0, never NULL).</summary>
        private static string Same(SourceColumn column, string a, string b) => column.Kind switch
        {
            ColumnKind.Money => $"(round({a}, 2) IS round({b}, 2))",
            ColumnKind.DateTime => $"(strftime('%Y-%m-%d %H:%M:%f', {a}) IS strftime('%Y-%m-%d %H:%M:%f', {b}) AND typeof({a}) = typeof({b}))",
            _ => $"({a} IS {b} AND typeof({a}) = typeof({b}))",
        };

        private static string Format(SourceColumn column, SqliteDataReader reader, int ordinal)
        {
            var value = reader.GetValue(ordinal);
            var type = reader.GetString(ordinal + 1);
            return value switch
            {
                DBNull _ => "none",
                double number when column.Kind == ColumnKind.Money => SourceValues.Money((decimal)number).ToString(CultureInfo.InvariantCulture),
                long number when column.Kind == ColumnKind.Money => SourceValues.Money(number).ToString(CultureInfo.InvariantCulture),
                string text => $"'{(text.Length > 60 ? text.Substring(0, 57) + "..." : text)}'" + (column.Kind == ColumnKind.Integer ? " (text)" : string.Empty),
                _ => Convert.ToString(value, CultureInfo.InvariantCulture) + (column.Kind == ColumnKind.Text ? $" ({type})" : string.Empty),
            };
        }

        private static string KeyColumns(SourceTable table, string alias) => string.Join(", ", table.PrimaryKey.Select(c => $"{alias}.[{c}]"));

        private static string KeyJoin(SourceTable table) => string.Join(" AND ", table.PrimaryKey.Select(c => $"b.[{c}] IS a.[{c}]"));

        private static string Key(SourceTable table, SqliteDataReader reader) =>
            string.Join(", ", table.PrimaryKey.Select((c, i) => $"{c}={(reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))}"));

        private IEnumerable<T> Rows<T>(string sql, Func<SqliteDataReader, T> read)
        {
            using var command = source.Command(sql);
            SqliteDataReader reader;
            try
            {
                reader = command.ExecuteReader();
            }
            catch (SqliteException ex)
            {
                throw SourceDatabase.Translate(source.Path, ex);
            }
            using (reader)
            {
                while (true)
                {
                    try
                    {
                        if (!reader.Read())
                        {
                            yield break;
                        }
                    }
                    catch (SqliteException ex)
                    {
                        throw SourceDatabase.Translate(source.Path, ex);
                    }
                    yield return read(reader);
                }
            }
        }

        private void Run(Func<int> statement)
        {
            try
            {
                statement();
            }
            catch (SqliteException ex)
            {
                throw SourceDatabase.Translate(source.Path, ex);
            }
        }
    }
}
