using System;
using System.Collections.Generic;

namespace Chinook.Migration.Target
{
    /// <summary>The outcomes the table cmdlets report in <see cref="TableReport.Status"/>, besides DynamoDB's own table statuses.</summary>
    public static class TableOutcome
    {
        public const string Created = "Created";
        public const string Existing = "Existing";
        public const string Recreated = "Recreated";
        public const string Deleted = "Deleted";
        public const string NotFound = "NotFound";
        public const string Skipped = "Skipped";
        /// <summary>The user answered No at the -Confirm prompt: the table was left as it was.</summary>
        public const string Declined = "Declined";
    }

    /// <summary>One table as a cmdlet found or left it.</summary>
    public sealed class TableReport
    {
        public TableReport(string tableName, string status, IReadOnlyList<KeyElement> keySchema, IReadOnlyList<IndexReport> indexes,
            string? billingMode, string? tableArn, bool managed, IReadOnlyList<string> differences)
        {
            TableName = tableName;
            Status = status;
            KeySchema = keySchema;
            Indexes = indexes;
            BillingMode = billingMode;
            TableArn = tableArn;
            Managed = managed;
            Differences = differences;
        }

        public string TableName { get; }
        /// <summary>Created, Existing, Recreated, Deleted, NotFound or Skipped; or DynamoDB's table status (ACTIVE, CREATING, ...) from Get-ChinookDynamoTable.</summary>
        public string Status { get; }
        public IReadOnlyList<KeyElement> KeySchema { get; }
        public IReadOnlyList<IndexReport> Indexes { get; }
        /// <summary>PAY_PER_REQUEST or PROVISIONED; null when the table does not exist.</summary>
        public string? BillingMode { get; }
        public string? TableArn { get; }
        /// <summary>Whether the table carries the tag that marks it as created by this module.</summary>
        public bool Managed { get; }
        /// <summary>How the table's keys and indexes differ from the module's definition (its billing mode is in BillingMode); empty when they match.</summary>
        public IReadOnlyList<string> Differences { get; }

        internal static TableReport Absent(string tableName, string status) =>
            new TableReport(tableName, status, Array.Empty<KeyElement>(), Array.Empty<IndexReport>(), null, null, false, Array.Empty<string>());
    }

    /// <summary>A global secondary index of a <see cref="TableReport"/>.</summary>
    public sealed class IndexReport
    {
        public IndexReport(string indexName, IReadOnlyList<KeyElement> keySchema, string projectionType, string indexStatus)
        {
            IndexName = indexName;
            KeySchema = keySchema;
            ProjectionType = projectionType;
            IndexStatus = indexStatus;
        }

        public string IndexName { get; }
        public IReadOnlyList<KeyElement> KeySchema { get; }
        public string ProjectionType { get; }
        public string IndexStatus { get; }

        public override string ToString() => $"{IndexName} ({string.Join(", ", KeySchema)})";
    }
}
