using System;
using System.Collections.Generic;
using System.IO;
using Amazon.DynamoDBv2.Model;
using Chinook.Migration.Items;
using Microsoft.Data.Sqlite;

namespace Chinook.Migration.Comparison
{
    /// <summary>An item of the target that the store could not file: it has no string PK or SK.</summary>
    public sealed record UnkeyedItem(string TableName, string Key);

    /// <summary>A target item no source item matched: its key and what deleting it costs.</summary>
    public sealed record UnmatchedItem(ItemKey Key, int SizeBytes);

    /// <summary>
    /// The target side of a comparison, on disk: every scanned item's table, key, content fingerprint and size in a
    /// temporary SQLite file, so that memory does not grow with the target. Items from the source are then matched
    /// against it one by one (<see cref="Match"/>), and what none matched is what the source no longer gives
    /// (<see cref="Unmatched"/>). The file is deleted on <see cref="Dispose"/>. One thread at a time.
    /// </summary>
    public sealed class TargetFingerprintStore : IDisposable
    {
        /// <summary>Rows written per transaction while items are added or matched: one commit per row would be a disk sync each.</summary>
        private const int RowsPerTransaction = 10_000;

        private readonly SqliteConnection connection;
        private readonly SqliteCommand insert;
        private readonly SqliteCommand find;
        private readonly SqliteCommand markMatched;
        private readonly List<UnkeyedItem> unkeyed = new List<UnkeyedItem>();
        private SqliteTransaction? transaction;
        private int rowsInTransaction;

        private TargetFingerprintStore(string path)
        {
            Path = path;
            connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = false,
            }.ToString());
            connection.Open();
            // A scratch file: nothing in it must survive a crash, so neither a journal nor a disk sync is needed.
            Execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA temp_store = FILE;" +
                "CREATE TABLE target_item (table_name TEXT NOT NULL, pk TEXT NOT NULL, sk TEXT NOT NULL, fingerprint BLOB NOT NULL, " +
                "size_bytes INTEGER NOT NULL, matched INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (table_name, pk, sk)) WITHOUT ROWID;");
            insert = Prepare("INSERT OR REPLACE INTO target_item (table_name, pk, sk, fingerprint, size_bytes) VALUES ($table, $pk, $sk, $fingerprint, $size)",
                "$table", "$pk", "$sk", "$fingerprint", "$size");
            find = Prepare("SELECT fingerprint FROM target_item WHERE table_name = $table AND pk = $pk AND sk = $sk", "$table", "$pk", "$sk");
            markMatched = Prepare("UPDATE target_item SET matched = 1 WHERE table_name = $table AND pk = $pk AND sk = $sk", "$table", "$pk", "$sk");
        }

        /// <summary>A new, empty store in a file of its own under <paramref name="folder"/> (the system's temporary folder by default).</summary>
        public static TargetFingerprintStore Create(string? folder = null)
        {
            var directory = folder ?? System.IO.Path.GetTempPath();
            Directory.CreateDirectory(directory);
            return new TargetFingerprintStore(System.IO.Path.Combine(directory, $"chinook-target-{Guid.NewGuid():N}.sqlite"));
        }

        /// <summary>The temporary file; gone after <see cref="Dispose"/>.</summary>
        public string Path { get; }

        /// <summary>Scanned items without a string PK or SK: they can be neither matched nor deleted by key.</summary>
        public IReadOnlyList<UnkeyedItem> Unkeyed => unkeyed;

        /// <summary>Files one scanned item: its table (prefix included), every attribute, keys included, and its size by DynamoDB's rules.</summary>
        public void Add(string tableName, IReadOnlyDictionary<string, AttributeValue> item, int sizeBytes)
        {
            if (!TryKey(item, ChinookKeys.PartitionKeyName, out var pk) | !TryKey(item, ChinookKeys.SortKeyName, out var sk))
            {
                unkeyed.Add(new UnkeyedItem(tableName, $"PK={Describe(item, ChinookKeys.PartitionKeyName)}, SK={Describe(item, ChinookKeys.SortKeyName)}"));
                return;
            }
            Bind(insert, tableName, pk, sk);
            insert.Parameters["$fingerprint"].Value = ItemFingerprint.Of(item);
            insert.Parameters["$size"].Value = sizeBytes;
            Write(insert);
        }

        /// <summary>
        /// Compares an item the source gives with the target's item of the same key, and marks the target's as
        /// matched, so that it is not among the <see cref="Unmatched"/>. Never <see cref="ItemChange.Deleted"/>.
        /// </summary>
        public ItemChange Match(ItemKey key, byte[] fingerprint)
        {
            Bind(find, key.TableName, key.PartitionKey, key.SortKey);
            EnsureTransaction(find);
            if (find.ExecuteScalar() is not byte[] stored)
            {
                return ItemChange.Added;
            }
            Bind(markMatched, key.TableName, key.PartitionKey, key.SortKey);
            Write(markMatched);
            return stored.AsSpan().SequenceEqual(fingerprint) ? ItemChange.Unchanged : ItemChange.Changed;
        }

        /// <summary>The items of a table that no <see cref="Match"/> named, in key order.</summary>
        public IEnumerable<UnmatchedItem> Unmatched(string tableName)
        {
            Commit();
            using var command = Prepare("SELECT pk, sk, size_bytes FROM target_item WHERE table_name = $table AND matched = 0 ORDER BY pk, sk", "$table");
            command.Parameters["$table"].Value = tableName;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                yield return new UnmatchedItem(new ItemKey(tableName, reader.GetString(0), reader.GetString(1)), reader.GetInt32(2));
            }
        }

        /// <summary>Items filed for a table, unkeyed ones not counted.</summary>
        public long Count(string tableName)
        {
            Commit();
            using var command = Prepare("SELECT COUNT(*) FROM target_item WHERE table_name = $table", "$table");
            command.Parameters["$table"].Value = tableName;
            return (long)command.ExecuteScalar()!;
        }

        public void Dispose()
        {
            transaction?.Dispose();
            insert.Dispose();
            find.Dispose();
            markMatched.Dispose();
            connection.Dispose();
            File.Delete(Path);
        }

        private static bool TryKey(IReadOnlyDictionary<string, AttributeValue> item, string name, out string value)
        {
            value = item.TryGetValue(name, out var attribute) && attribute.S is { Length: > 0 } text ? text : string.Empty;
            return value.Length > 0;
        }

        private static string Describe(IReadOnlyDictionary<string, AttributeValue> item, string name) =>
            item.TryGetValue(name, out var value) ? value.S ?? value.N ?? "(not a string)" : "(none)";

        private static void Bind(SqliteCommand command, string table, string pk, string sk)
        {
            command.Parameters["$table"].Value = table;
            command.Parameters["$pk"].Value = pk;
            command.Parameters["$sk"].Value = sk;
        }

        private void Write(SqliteCommand command)
        {
            EnsureTransaction(command);
            command.ExecuteNonQuery();
            if (++rowsInTransaction >= RowsPerTransaction)
            {
                Commit();
            }
        }

        private void EnsureTransaction(SqliteCommand command)
        {
            transaction ??= connection.BeginTransaction();
            command.Transaction = transaction;
        }

        private void Commit()
        {
            transaction?.Commit();
            transaction?.Dispose();
            transaction = null;
            rowsInTransaction = 0;
        }

        private SqliteCommand Prepare(string sql, params string[] parameters)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }
            return command;
        }

        private void Execute(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }
}
