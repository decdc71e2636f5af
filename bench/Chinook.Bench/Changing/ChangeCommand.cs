using System.Diagnostics;
using System.IO;
using Microsoft.Data.Sqlite;

namespace Chinook.Bench.Changing
{
    /// <summary>
    /// Applies a SQL script to a scratch database in one transaction, as an application writes between the migration
    /// and the cut-over: the changes Sync-ChinookToDynamo is measured on (bench/sync-changes.sql).
    /// </summary>
    public static class ChangeCommand
    {
        public static int Run(CommandLine options)
        {
            var db = Path.GetFullPath(options.Required("db"));
            var script = File.ReadAllText(options.Required("sql"));
            options.RejectUnknown();
            RepositoryPaths.EnsureOutsideRepositoryOrInScratch(db);
            if (!File.Exists(db))
            {
                throw new UsageException($"No database at '{db}'.");
            }
            var clock = Stopwatch.StartNew();
            using var connection = SqliteFiles.Open(db, SqliteOpenMode.ReadWrite);
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = script;
            var rowsChanged = command.ExecuteNonQuery();
            transaction.Commit();
            Json.WriteLine(new { db, rowsChanged, seconds = clock.Elapsed.TotalSeconds });
            return 0;
        }
    }
}
