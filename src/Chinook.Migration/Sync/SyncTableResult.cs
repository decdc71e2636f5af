using System;
using System.Collections.Generic;
using Chinook.Migration.Items;

namespace Chinook.Migration.Sync
{
    public enum SyncStatus
    {
        /// <summary>Every difference was written or deleted (or there was none).</summary>
        Synced,

        /// <summary>Some writes or deletes failed; the same command again retries them.</summary>
        Partial,

        /// <summary>Nothing that was to be written was.</summary>
        Failed,

        /// <summary>Not confirmed (-WhatIf, or No at the prompt): the counts say what a sync would do.</summary>
        WhatIf,
    }

    /// <summary>What Sync-ChinookToDynamo found, and did, in one target table.</summary>
    public sealed class SyncTableResult
    {
        public SyncTableResult(string tableName, SyncStatus status, bool managed, long unchanged, long added, long changed, long deleted, long deletesSkipped,
            long failed, long writeUnits, long readUnits, TimeSpan duration, IReadOnlyList<ItemKey> addedKeys, IReadOnlyList<ItemKey> changedKeys,
            IReadOnlyList<ItemKey> deletedKeys, IReadOnlyList<ItemKey> failedKeys)
        {
            TableName = tableName;
            Status = status;
            Managed = managed;
            Unchanged = unchanged;
            Added = added;
            Changed = changed;
            Deleted = deleted;
            DeletesSkipped = deletesSkipped;
            Failed = failed;
            WriteUnits = writeUnits;
            ReadUnits = readUnits;
            Duration = duration;
            AddedKeys = addedKeys;
            ChangedKeys = changedKeys;
            DeletedKeys = deletedKeys;
            FailedKeys = failedKeys;
        }

        public string TableName { get; }
        public SyncStatus Status { get; }

        /// <summary>The table carries the module's managed tag: only then are items deleted from it.</summary>
        public bool Managed { get; }

        /// <summary>Items the source gives that the target already holds with the same content.</summary>
        public long Unchanged { get; }

        /// <summary>Items the source gives that the target did not hold: put (with WhatIf: to put).</summary>
        public long Added { get; }

        /// <summary>Items whose content differed from the target's: put again (with WhatIf: to put).</summary>
        public long Changed { get; }

        /// <summary>Target items the source no longer gives: deleted (with WhatIf, or in a table not managed: to delete).</summary>
        public long Deleted { get; }

        /// <summary>Of <see cref="Deleted"/>, those left in place because the table is not managed by the module.</summary>
        public long DeletesSkipped { get; }

        /// <summary>Puts and deletes that failed (each also an error record naming its key).</summary>
        public long Failed { get; }

        /// <summary>Write units of the puts and deletes sent (with WhatIf: that would be sent).</summary>
        public long WriteUnits { get; }

        /// <summary>Read units of the scan that read the table: strongly consistent, 4 KB of items per unit.</summary>
        public long ReadUnits { get; }

        public TimeSpan Duration { get; }

        /// <summary>The first keys of each change (up to <see cref="SyncOptions.KeysKept"/>); -Verbose lists them too.</summary>
        public IReadOnlyList<ItemKey> AddedKeys { get; }
        public IReadOnlyList<ItemKey> ChangedKeys { get; }
        public IReadOnlyList<ItemKey> DeletedKeys { get; }
        public IReadOnlyList<ItemKey> FailedKeys { get; }
    }
}
