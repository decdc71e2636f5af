using System;
using System.Collections.Generic;

namespace Chinook.Migration.Target
{
    /// <summary>Where a table operation stands, reported while it waits on DynamoDB.</summary>
    public sealed class TableProgress
    {
        public TableProgress(string tableName, string activity, string? tableStatus, IReadOnlyList<string> pendingIndexes, TimeSpan elapsed, bool completed)
        {
            TableName = tableName;
            Activity = activity;
            TableStatus = tableStatus;
            PendingIndexes = pendingIndexes;
            Elapsed = elapsed;
            Completed = completed;
        }

        public string TableName { get; }
        /// <summary>What is being done, for example "Creating" or "Deleting".</summary>
        public string Activity { get; }
        /// <summary>DynamoDB's latest table status; null once the table is gone.</summary>
        public string? TableStatus { get; }
        /// <summary>Indexes that are not yet ACTIVE.</summary>
        public IReadOnlyList<string> PendingIndexes { get; }
        public TimeSpan Elapsed { get; }
        /// <summary>True on the last report of an operation.</summary>
        public bool Completed { get; }
    }

    /// <summary>How long table operations wait for DynamoDB, and how often they look.</summary>
    public sealed class TableWaitOptions
    {
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

        /// <summary>The longest one table may take to become ACTIVE, or to disappear.</summary>
        public TimeSpan Timeout { get; set; } = DefaultTimeout;

        /// <summary>The first pause between two DescribeTable calls; it doubles up to <see cref="MaxPollInterval"/>.</summary>
        public TimeSpan FirstPollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

        /// <summary>DescribeTable is rate-limited per account, and tables with indexes take minutes on AWS: no need to ask more often.</summary>
        public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(5);
    }
}
