using System;

namespace Chinook.Migration.Import
{
    /// <summary>One table's ImportTable, as DescribeImport last described it.</summary>
    public sealed class TableImportResult
    {
        public const string Completed = "COMPLETED";

        public TableImportResult(string tableName, string importArn, string importStatus, long processedItemCount, long importedItemCount,
            long errorCount, long processedSizeBytes, string? cloudWatchLogGroupArn, string? failureCode, string? failureMessage,
            DateTime? startTime, DateTime? endTime, bool managed)
        {
            TableName = tableName;
            ImportArn = importArn;
            ImportStatus = importStatus;
            ProcessedItemCount = processedItemCount;
            ImportedItemCount = importedItemCount;
            ErrorCount = errorCount;
            ProcessedSizeBytes = processedSizeBytes;
            CloudWatchLogGroupArn = cloudWatchLogGroupArn;
            FailureCode = failureCode;
            FailureMessage = failureMessage;
            StartTime = startTime;
            EndTime = endTime;
            Managed = managed;
        }

        public string TableName { get; }
        public string ImportArn { get; }

        /// <summary>COMPLETED, FAILED, CANCELLED (or IN_PROGRESS and CANCELLING while it runs).</summary>
        public string ImportStatus { get; }

        public long ProcessedItemCount { get; }
        public long ImportedItemCount { get; }

        /// <summary>Lines the import could not take; each is logged in <see cref="CloudWatchLogGroupArn"/>.</summary>
        public long ErrorCount { get; }

        /// <summary>The source bytes read, before compression: what the import is billed by.</summary>
        public long ProcessedSizeBytes { get; }

        public string? CloudWatchLogGroupArn { get; }
        public string? FailureCode { get; }
        public string? FailureMessage { get; }
        public DateTime? StartTime { get; }
        public DateTime? EndTime { get; }
        public TimeSpan? Duration => StartTime is { } start && EndTime is { } end ? end - start : null;

        /// <summary>True once the table carries the managed tag, as tables New-ChinookDynamoTable makes do.</summary>
        public bool Managed { get; }

        public bool Succeeded => ImportStatus == Completed && ErrorCount == 0;
    }
}
