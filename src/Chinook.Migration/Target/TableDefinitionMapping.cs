using System.Collections.Generic;
using System.Linq;
using Amazon.DynamoDBv2.Model;

namespace Chinook.Migration.Target
{
    /// <summary>Between the module's table definitions and the SDK's requests and descriptions.</summary>
    internal static class TableDefinitionMapping
    {
        public static CreateTableRequest ToCreateTableRequest(this TableDefinition definition) => new CreateTableRequest
        {
            TableName = definition.TableName,
            AttributeDefinitions = definition.AttributeDefinitions.Select(a => new AttributeDefinition(a.AttributeName, a.AttributeType)).ToList(),
            KeySchema = ToSdk(definition.KeySchema),
            GlobalSecondaryIndexes = definition.GlobalSecondaryIndexes.Count == 0 ? null : definition.GlobalSecondaryIndexes.Select(index => new GlobalSecondaryIndex
            {
                IndexName = index.IndexName,
                KeySchema = ToSdk(index.KeySchema),
                Projection = new Projection { ProjectionType = index.Projection.ProjectionType },
                ProvisionedThroughput = ToSdk(index.ProvisionedThroughput),
            }).ToList(),
            BillingMode = definition.BillingMode,
            ProvisionedThroughput = ToSdk(definition.ProvisionedThroughput),
            Tags = definition.Tags.Count == 0 ? null : ToSdk(definition.Tags),
        };

        /// <summary>The table as ImportTable creates it: CreateTable's keys, indexes and billing, without tags (ImportTable takes none).</summary>
        public static TableCreationParameters ToTableCreationParameters(this TableDefinition definition)
        {
            var create = definition.ToCreateTableRequest();
            return new TableCreationParameters
            {
                TableName = create.TableName,
                AttributeDefinitions = create.AttributeDefinitions,
                KeySchema = create.KeySchema,
                GlobalSecondaryIndexes = create.GlobalSecondaryIndexes,
                BillingMode = create.BillingMode,
                ProvisionedThroughput = create.ProvisionedThroughput,
            };
        }

        public static List<Tag> ToSdk(IEnumerable<ResourceTag> tags) => tags.Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList();

        /// <summary>
        /// An existing table in definition terms, for comparison. A table without a billing mode summary was created
        /// before on-demand billing existed and is provisioned.
        /// </summary>
        public static TableDefinition FromDescription(TableDescription table)
        {
            var billingMode = table.BillingModeSummary?.BillingMode?.Value ?? TableDefinition.Provisioned;
            var provisioned = billingMode == TableDefinition.Provisioned;
            return new TableDefinition(
                table.TableName,
                (table.AttributeDefinitions ?? new List<AttributeDefinition>()).Select(a => new KeyAttribute(a.AttributeName, a.AttributeType?.Value ?? "")),
                FromSdk(table.KeySchema),
                (table.GlobalSecondaryIndexes ?? new List<GlobalSecondaryIndexDescription>()).Select(index => new IndexDefinition(
                    index.IndexName,
                    FromSdk(index.KeySchema),
                    new IndexProjection(index.Projection?.ProjectionType?.Value ?? ""),
                    provisioned ? FromSdk(index.ProvisionedThroughput) : null)),
                billingMode,
                provisioned ? FromSdk(table.ProvisionedThroughput) : null,
                null);
        }

        public static IReadOnlyList<KeyElement> FromSdk(List<KeySchemaElement>? keySchema) =>
            (keySchema ?? new List<KeySchemaElement>()).Select(k => new KeyElement(k.AttributeName, k.KeyType?.Value ?? "")).ToList();

        private static List<KeySchemaElement> ToSdk(IEnumerable<KeyElement> keys) => keys.Select(k => new KeySchemaElement(k.AttributeName, k.KeyType)).ToList();

        private static ProvisionedThroughput? ToSdk(Throughput? throughput) =>
            throughput is null ? null : new ProvisionedThroughput(throughput.ReadCapacityUnits, throughput.WriteCapacityUnits);

        private static Throughput FromSdk(ProvisionedThroughputDescription? throughput) =>
            new Throughput(throughput?.ReadCapacityUnits ?? 0, throughput?.WriteCapacityUnits ?? 0);
    }
}
