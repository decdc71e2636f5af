using System.Collections.Generic;
using Chinook.Migration.Source;
using Microsoft.Data.Sqlite;

namespace Chinook.Migration.Validation
{
    /// <summary>Reads a source table's rows, in primary key order, in the form items carry them.</summary>
    public static class SourceRowReader
    {
        /// <exception cref="SourceDatabaseException">
        /// The database cannot be read, or a value cannot be read as its column's kind (<see cref="SourceProblem.InvalidValue"/>).
        /// </exception>
        public static IEnumerable<SourceRow> Read(SourceDatabase database, string tableName)
        {
            var table = ChinookSchema.Table(tableName);
            var sql = $"SELECT {SourceRowCursor.Columns(table, "s")} FROM [{table.Name}] AS s ORDER BY {string.Join(", ", table.PrimaryKey)}";
            SourceRowCursor cursor;
            try
            {
                cursor = new SourceRowCursor(database, sql);
            }
            catch (SqliteException ex)
            {
                throw SourceDatabase.Translate(database.Path, ex);
            }
            using (cursor)
            {
                while (true)
                {
                    SourceRow row;
                    try
                    {
                        if (!cursor.Read())
                        {
                            yield break;
                        }
                        row = new SourceRow(table, cursor.Row(table, "s"));
                    }
                    catch (SqliteException ex)
                    {
                        throw SourceDatabase.Translate(database.Path, ex);
                    }
                    catch (InvalidSourceValueException ex)
                    {
                        throw new SourceDatabaseException(database.Path, SourceProblem.InvalidValue, ex.Message, ex);
                    }
                    yield return row;
                }
            }
        }
    }
}
