using System;
using System.Collections.Generic;

namespace Chinook.Migration.Target.Writing
{
    /// <summary>Something a writer worker did, handed back to the one thread that may report it.</summary>
    public abstract class WriteEvent
    {
    }

    /// <summary>One BatchWriteItem batch finished: what it wrote per table, and what it took.</summary>
    public sealed class BatchCompleted : WriteEvent
    {
        public BatchCompleted(long batchNumber, IReadOnlyDictionary<string, int> writtenPerTable, int writeUnits, int calls, TimeSpan duration)
        {
            BatchNumber = batchNumber;
            WrittenPerTable = writtenPerTable;
            WriteUnits = writeUnits;
            Calls = calls;
            Duration = duration;
        }

        public long BatchNumber { get; }
        public IReadOnlyDictionary<string, int> WrittenPerTable { get; }
        public int WriteUnits { get; }
        /// <summary>BatchWriteItem calls the batch needed: 1, plus one per retry.</summary>
        public int Calls { get; }
        public TimeSpan Duration { get; }
    }

    public enum WriteFailureReason { TooLarge, RetriesExhausted, Rejected, Cancelled }

    /// <summary>An item that was not written, and why; it becomes an error record naming its key.</summary>
    public sealed class ItemNotWritten : WriteEvent
    {
        public ItemNotWritten(PendingWrite item, WriteFailureReason reason, string message, Exception? exception)
        {
            Item = item;
            Reason = reason;
            Message = message;
            Exception = exception;
        }

        public PendingWrite Item { get; }
        public WriteFailureReason Reason { get; }
        public string Message { get; }
        public Exception? Exception { get; }
    }
}
