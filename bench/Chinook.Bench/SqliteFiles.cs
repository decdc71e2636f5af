using System;
using System.Collections.Generic;
using Microsoft.Data.Sqlite;

namespace Chinook.Bench
{
    /// <summary>Opening SQLite files and reading query results, as every subcommand needs it.</summary>
    public static class SqliteFiles
    {
        /// <summary>
        /// Unpooled, so the file is released (and can be renamed or deleted) as soon as it is closed. Foreign
        /// keys are not enforced: the generator writes tables in the source's order (Album before Artist), and
        /// checks every key afterwards with PRAGMA foreign_key_check (see profile).
        /// </summary>
        public static SqliteConnection Open(string path, SqliteOpenMode mode)
        {
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Mode = mode,
                Pooling = false,
                ForeignKeys = false,
            }.ToString());
            connection.Open();
            return connection;
        }

        public static List<T> Query<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> map)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            var list = new List<T>();
            while (reader.Read())
            {
                list.Add(map(reader));
            }
            return list;
        }

        public static long Scalar(SqliteConnection connection, string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(command.ExecuteScalar());
        }
    }
}
