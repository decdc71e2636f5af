using System;
using System.Collections.Generic;
using System.Linq;

namespace Chinook.Migration.Target
{
    /// <summary>
    /// One DynamoDB table as the module creates it. Its JSON is valid input for
    /// `aws dynamodb create-table --cli-input-json`, for teams that keep their tables in infrastructure code.
    /// </summary>
    public sealed class TableDefinition : CliInputObject
    {
        public const string PayPerRequest = "PAY_PER_REQUEST";
        public const string Provisioned = "PROVISIONED";

        public TableDefinition(string tableName, IEnumerable<KeyAttribute> attributeDefinitions, IEnumerable<KeyElement> keySchema,
            IEnumerable<IndexDefinition>? globalSecondaryIndexes, string billingMode, Throughput? provisionedThroughput, IEnumerable<ResourceTag>? tags)
        {
            if (billingMode != PayPerRequest && billingMode != Provisioned)
            {
                throw new ArgumentException($"Billing mode '{billingMode}' is neither {PayPerRequest} nor {Provisioned}.", nameof(billingMode));
            }
            if ((billingMode == Provisioned) != (provisionedThroughput is not null))
            {
                throw new ArgumentException("Provisioned throughput goes with the PROVISIONED billing mode, and only with it.", nameof(provisionedThroughput));
            }
            TableName = tableName;
            AttributeDefinitions = attributeDefinitions.ToList();
            KeySchema = keySchema.ToList();
            GlobalSecondaryIndexes = (globalSecondaryIndexes ?? Enumerable.Empty<IndexDefinition>()).ToList();
            BillingMode = billingMode;
            ProvisionedThroughput = provisionedThroughput;
            Tags = (tags ?? Enumerable.Empty<ResourceTag>()).ToList();
        }

        public string TableName { get; }
        public IReadOnlyList<KeyAttribute> AttributeDefinitions { get; }
        public IReadOnlyList<KeyElement> KeySchema { get; }
        /// <summary>Empty for a table without indexes (and then left out of the JSON, as DynamoDB rejects an empty list).</summary>
        public IReadOnlyList<IndexDefinition> GlobalSecondaryIndexes { get; }
        /// <summary>PAY_PER_REQUEST or PROVISIONED, as the API spells them.</summary>
        public string BillingMode { get; }
        /// <summary>Null for on-demand tables.</summary>
        public Throughput? ProvisionedThroughput { get; }
        public IReadOnlyList<ResourceTag> Tags { get; }

        public override string ToString() => TableName;

        protected override IEnumerable<KeyValuePair<string, object?>> CliMembers()
        {
            yield return Member(nameof(TableName), TableName);
            yield return Member(nameof(AttributeDefinitions), AttributeDefinitions);
            yield return Member(nameof(KeySchema), KeySchema);
            yield return Member(nameof(GlobalSecondaryIndexes), GlobalSecondaryIndexes.Count == 0 ? null : GlobalSecondaryIndexes);
            yield return Member(nameof(BillingMode), BillingMode);
            yield return Member(nameof(ProvisionedThroughput), ProvisionedThroughput);
            yield return Member(nameof(Tags), Tags.Count == 0 ? null : Tags);
        }
    }

    /// <summary>A global secondary index of a <see cref="TableDefinition"/>.</summary>
    public sealed class IndexDefinition : CliInputObject
    {
        public IndexDefinition(string indexName, IEnumerable<KeyElement> keySchema, IndexProjection projection, Throughput? provisionedThroughput)
        {
            IndexName = indexName;
            KeySchema = keySchema.ToList();
            Projection = projection;
            ProvisionedThroughput = provisionedThroughput;
        }

        public string IndexName { get; }
        public IReadOnlyList<KeyElement> KeySchema { get; }
        public IndexProjection Projection { get; }
        /// <summary>Null when the table is on-demand.</summary>
        public Throughput? ProvisionedThroughput { get; }

        public override string ToString() => $"{IndexName} ({string.Join(", ", KeySchema)})";

        protected override IEnumerable<KeyValuePair<string, object?>> CliMembers()
        {
            yield return Member(nameof(IndexName), IndexName);
            yield return Member(nameof(KeySchema), KeySchema);
            yield return Member(nameof(Projection), Projection);
            yield return Member(nameof(ProvisionedThroughput), ProvisionedThroughput);
        }
    }

    /// <summary>A key attribute and its scalar type (S, N or B); the CLI calls it an AttributeDefinition.</summary>
    public sealed class KeyAttribute
    {
        public KeyAttribute(string attributeName, string attributeType)
        {
            AttributeName = attributeName;
            AttributeType = attributeType;
        }

        public string AttributeName { get; }
        public string AttributeType { get; }

        public override string ToString() => $"{AttributeName}:{AttributeType}";
    }

    /// <summary>One element of a key schema: an attribute and its role, HASH (partition) or RANGE (sort).</summary>
    public sealed class KeyElement
    {
        public const string Hash = "HASH";
        public const string Range = "RANGE";

        public KeyElement(string attributeName, string keyType)
        {
            AttributeName = attributeName;
            KeyType = keyType;
        }

        public string AttributeName { get; }
        public string KeyType { get; }

        public override string ToString() => $"{AttributeName} {KeyType}";
    }

    public sealed class IndexProjection
    {
        public const string All = "ALL";

        public IndexProjection(string projectionType) => ProjectionType = projectionType;

        public string ProjectionType { get; }

        public override string ToString() => ProjectionType;
    }

    public sealed class Throughput
    {
        public Throughput(long readCapacityUnits, long writeCapacityUnits)
        {
            ReadCapacityUnits = readCapacityUnits;
            WriteCapacityUnits = writeCapacityUnits;
        }

        public long ReadCapacityUnits { get; }
        public long WriteCapacityUnits { get; }

        public override string ToString() => $"{ReadCapacityUnits} RCU, {WriteCapacityUnits} WCU";
    }

    public sealed class ResourceTag
    {
        public ResourceTag(string key, string value)
        {
            Key = key;
            Value = value;
        }

        public string Key { get; }
        public string Value { get; }

        public override string ToString() => $"{Key}={Value}";
    }
}
