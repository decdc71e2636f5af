using System;
using System.Collections.Generic;
using Chinook.Migration.Items;

namespace Chinook.Migration.Target.Writing
{
    /// <summary>Declined: the user answered No when asked to write the table (-Confirm); nothing was sent to it.</summary>
    public enum TableWriteStatus { Written, Partial, Failed, Stopped, WhatIf, Declined }

    /// <summary>What Export-ChinookToDynamo did to one table.</summary>
    public sealed class TableWriteResult
    {
        public TableWriteResult(string tableName, TableWriteStatus status, long itemsReceived, long itemsWritten, long writeUnits, long retries,
            long failed, long duplicatesFolded, TimeSpan duration, IReadOnlyList<ItemKey> failedKeys)
        {
            TableName = tableName;
            Status = status;
            ItemsReceived = itemsReceived;
            ItemsWritten = itemsWritten;
            WriteUnits = writeUnits;
            Retries = retries;
            Failed = failed;
            DuplicatesFolded = duplicatesFolded;
            Duration = duration;
            ItemsPerSecond = duration.TotalSeconds > 0 ? Math.Round(itemsWritten / duration.TotalSeconds, 1) : 0;
            FailedKeys = failedKeys;
        }

        public string TableName { get; }
        public TableWriteStatus Status { get; }
        /// <summary>Items handed to the writer for this table, duplicates included.</summary>
        public long ItemsReceived { get; }
        public long ItemsWritten { get; }
        /// <summary>Write units of the items written (with -WhatIf: of the items that would be written).</summary>
        public long WriteUnits { get; }
        /// <summary>Item writes sent again after throttling, a server error or an unprocessed item.</summary>
        public long Retries { get; }
        public long Failed { get; }
        /// <summary>Items replaced by a later item with the same key before they were sent.</summary>
        public long DuplicatesFolded { get; }
        public TimeSpan Duration { get; }
        public double ItemsPerSecond { get; }
        public IReadOnlyList<ItemKey> FailedKeys { get; }

        /// <summary>Write units DynamoDB reported the writes took (ConsumedCapacity, indexes included).</summary>
        public double ConsumedWriteUnits { get; init; }

        /// <summary>BatchWriteItem calls DynamoDB throttled for this table: refused for its rate, or items left unprocessed.</summary>
        public long ThrottledCalls { get; init; }

        /// <summary>Calls in flight (over all tables) where the writer settled at the end; null for a plan.</summary>
        public int? Concurrency { get; init; }

        /// <summary>The write units per second the writer held this table to at the end; null when it needed no limit.</summary>
        public double? WriteUnitsPerSecondLimit { get; init; }
    }
}
