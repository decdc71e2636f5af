using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Data.Sqlite;

namespace Chinook.Migration.Source
{
    /// <summary>
    /// Rows whose foreign key points at nothing in the source itself. A relationship the source breaks cannot be
    /// kept by the target, so the relationship checks leave these rows out and say so.
    /// </summary>
    public static class SourceOrphans
    {
        /// <summary>The keys ("AlbumId=5") of the table's rows whose <paramref name="column"/> is set but names no row of the referenced table.</summary>
        public static ISet<string> Read(SourceDatabase database, string tableName, string column)
        {
            var table = ChinookSchema.Table(tableName);
            var foreignKey = table.ForeignKeys.FirstOrDefault(f => string.Equals(f.Column, column, StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException($"{table.Name}.{column} is not a foreign key of the Chinook schema.", nameof(column));
            // Names come from the fixed schema only, never from input.
            var sql = $"SELECT {SourceRowCursor.Columns(table, "t")} FROM [{table.Name}] AS t WHERE {foreignKey.OrphanCondition("t")}";
            var keys = new HashSet<string>(StringComparer.Ordinal);
            try
            {
                using var cursor = new SourceRowCursor(database, sql);
                while (cursor.Read())
                {
                    keys.Add(cursor.RowKey(table, "t"));
                }
            }
            catch (SqliteException ex)
            {
                throw SourceDatabase.Translate(database.Path, ex);
            }
            return keys;
        }
    }
}
