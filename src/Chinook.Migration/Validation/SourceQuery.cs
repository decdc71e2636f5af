using System;
using System.Collections.Generic;
using System.Globalization;
using Chinook.Migration.Source;
using Microsoft.Data.Sqlite;

namespace Chinook.Migration.Validation
{
    /// <summary>
    /// Runs one of the validation's fixed SQL statements against the source, with parameters for every value, and
    /// reads the rows as plain values: whole numbers as long, text as string, NULL as null.
    /// </summary>
    internal static class SourceQuery
    {
        public static List<object?[]> Rows(SourceDatabase database, string sql, params (string Name, object Value)[] parameters)
        {
            var rows = new List<object?[]>();
            try
            {
                using var command = database.Command(sql);
                foreach (var (name, value) in parameters)
                {
                    command.Parameters.AddWithValue(name, value);
                }
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    var row = new object?[reader.FieldCount];
                    for (var i = 0; i < row.Length; i++)
                    {
                        row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                    }
                    rows.Add(row);
                }
            }
            catch (SqliteException ex)
            {
                throw SourceDatabase.Translate(database.Path, ex);
            }
            return rows;
        }

        public static long? Long(object? value) => value is long number ? number : (long?)null;

        public static string? Text(object? value) => value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture);

        /// <summary>Money selected as CAST(.. AS TEXT), as the migration reads it: exact, two places.</summary>
        public static decimal? Money(object? value) => value is string text && SourceValues.TryParseMoney(text, out var money, out _) ? money : (decimal?)null;

        /// <summary>A source time in the ISO-8601 UTC form the items carry.</summary>
        public static string? Time(object? value) =>
            value is string text && SourceValues.TryParseDateTime(text, out var utc) ? SourceValues.FormatDateTime(utc) : Text(value);
    }
}
