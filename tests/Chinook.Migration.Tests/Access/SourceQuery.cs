using System.Collections.Generic;
using Microsoft.Data.Sqlite;

namespace Chinook.Migration.Tests.Access
{
    /// <summary>Answers from the source database itself, to hold the readers' answers against.</summary>
    internal static class SourceQuery
    {
        public static List<long> Ids(string sql, string? path = null)
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path ?? TestDatabases.Shipped, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            var ids = new List<long>();
            while (reader.Read())
            {
                ids.Add(reader.GetInt64(0));
            }
            return ids;
        }
    }
}
