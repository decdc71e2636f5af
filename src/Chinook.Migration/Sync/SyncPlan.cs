using System.Collections.Generic;
using System.Linq;
using Chinook.Migration.Comparison;
using Chinook.Migration.Readback;
using Chinook.Migration.Validation;

namespace Chinook.Migration.Sync
{
    /// <summary>One target table as the plan found it: the differences, whether deletes are allowed there, what its scan cost.</summary>
    public sealed record SyncTablePlan(TableDiff Diff, bool Managed, long ReadUnits)
    {
        public string TableName => Diff.TableName;

        /// <summary>Deletes the table would get: none in a table the module does not manage.</summary>
        public long DeletesAllowed => Managed ? Diff.Deleted : 0;

        /// <summary>Something to write or delete.</summary>
        public bool HasWork => Diff.Added + Diff.Changed + DeletesAllowed > 0;

        /// <summary>What a confirmation asks for, in words: "write 2 new and 3 changed items, delete 1 item".</summary>
        public string Action
        {
            get
            {
                var parts = new List<string>();
                if (Diff.Added + Diff.Changed > 0)
                {
                    parts.Add($"write {Diff.Added:N0} new and {Diff.Changed:N0} changed item(s)");
                }
                if (DeletesAllowed > 0)
                {
                    parts.Add($"delete {DeletesAllowed:N0} item(s) the source no longer gives");
                }
                return string.Join(", ", parts);
            }
        }
    }

    /// <summary>What a sync would do, per table, found by reading the target and comparing the source with it; nothing is written.</summary>
    public sealed class SyncPlan
    {
        public SyncPlan(IReadOnlyList<SyncTablePlan> tables, IReadOnlyList<UnreadableItem> unreadable, IReadOnlyList<UnkeyedItem> unkeyed)
        {
            Tables = tables;
            Unreadable = unreadable;
            Unkeyed = unkeyed;
        }

        public IReadOnlyList<SyncTablePlan> Tables { get; }

        /// <summary>Target items that are not Chinook items (a set or binary value, no string key): left as they are.</summary>
        public IReadOnlyList<UnreadableItem> Unreadable { get; }
        public IReadOnlyList<UnkeyedItem> Unkeyed { get; }

        public SyncTablePlan Of(string tableName) => Tables.Single(t => t.TableName == tableName);
    }
}
