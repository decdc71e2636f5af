using System;
using System.Collections.Generic;
using System.Linq;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Chinook.Migration.Target
{
    /// <summary>A table as DynamoDB describes it now, next to the module's definition of it.</summary>
    public sealed class TableInspection
    {
        internal TableInspection(TableDefinition definition, TableDescription? description, bool managed)
        {
            Definition = definition;
            Description = description;
            Managed = managed;
            if (description is not null)
            {
                var actual = TableDefinitionMapping.FromDescription(description);
                Differences = TableDefinitionComparer.Differences(definition, actual);
                KeyDifferences = TableDefinitionComparer.Differences(definition, actual, includeBillingMode: false);
                BillingMode = actual.BillingMode;
            }
            else
            {
                Differences = KeyDifferences = Array.Empty<string>();
            }
        }

        public TableDefinition Definition { get; }
        public string TableName => Definition.TableName;

        /// <summary>False when the table does not exist or is being deleted.</summary>
        public bool Exists => Description is not null && !IsDeleting;

        /// <summary>DynamoDB's table status (ACTIVE, CREATING, ...), or null when there is no table.</summary>
        public string? Status => Description?.TableStatus?.Value;

        /// <summary>Whether the table carries the tag that marks it as created by this module.</summary>
        public bool Managed { get; }

        /// <summary>Every way the table differs from the definition, billing mode included; empty when it matches or does not exist.</summary>
        public IReadOnlyList<string> Differences { get; }

        public string? BillingMode { get; }

        /// <summary>
        /// Whether a rollback may delete the table: only tables this module created (or that are gone or going
        /// already), unless forced, so that a table of the same name made by someone else survives.
        /// </summary>
        public bool MayDelete(bool force) => force || Managed || Description is null || IsDeleting;

        internal IReadOnlyList<string> KeyDifferences { get; }
        internal TableDescription? Description { get; }
        internal bool IsDeleting => Description?.TableStatus == TableStatus.DELETING;

        public TableReport ToReport(string status) => Description is null
            ? TableReport.Absent(TableName, status)
            : Report(Description, status, Managed, KeyDifferences);

        internal static TableReport Report(TableDescription description, string status, bool managed, IReadOnlyList<string> keyDifferences) => new TableReport(
            description.TableName,
            status,
            TableDefinitionMapping.FromSdk(description.KeySchema),
            (description.GlobalSecondaryIndexes ?? new List<GlobalSecondaryIndexDescription>())
                .Select(index => new IndexReport(index.IndexName, TableDefinitionMapping.FromSdk(index.KeySchema),
                    index.Projection?.ProjectionType?.Value ?? "", index.IndexStatus?.Value ?? ""))
                .ToList(),
            description.BillingModeSummary?.BillingMode?.Value ?? TableDefinition.Provisioned,
            description.TableArn,
            managed,
            keyDifferences);
    }
}
