using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Chinook.Migration.Target;

namespace Chinook.Migration.Tests.Target
{
    /// <summary>
    /// A DynamoDB control plane in memory, as the real one behaves: new tables and indexes are CREATING for a number
    /// of DescribeTable calls, deleted ones DELETING; DeleteTable on a table that is not ACTIVE is refused.
    /// Implements only what TableManager calls.
    /// </summary>
    public class FakeDynamo : DispatchProxy
    {
        public Dictionary<string, TableDescription> Tables { get; } = new Dictionary<string, TableDescription>();
        public Dictionary<string, List<Tag>> Tags { get; } = new Dictionary<string, List<Tag>>();
        public List<string> Calls { get; } = new List<string>();
        /// <summary>How many DescribeTable calls a table stays CREATING or DELETING.</summary>
        public int TransitionDescribes { get; set; } = 2;
        /// <summary>Like dynalite: CreateTable's tags are not kept.</summary>
        public bool CreateDropsTags { get; set; }
        /// <summary>Like dynalite: TagResource writes the tags, then its answer fails; with false here, it writes nothing.</summary>
        public bool? TagAnswerFailsAfterWriting { get; set; }

        private readonly Dictionary<string, int> describesLeft = new Dictionary<string, int>();

        public static (FakeDynamo Fake, DynamoConnection Connection) Create()
        {
            var client = Create<IAmazonDynamoDB, FakeDynamo>();
            var fake = (FakeDynamo)(object)client;
            return (fake, new DynamoConnection(client, "fake", "credentials: fake", "region: fake"));
        }

        public void AddTable(TableDefinition definition, bool tagged)
        {
            Tables[definition.TableName] = Describe(definition.ToCreateTableRequest(), TableStatus.ACTIVE);
            Tags[definition.TableName] = tagged ? TableDefinitionMapping.ToSdk(definition.Tags) : new List<Tag>();
        }

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            var name = method!.Name;
            var cancellationToken = args!.OfType<CancellationToken>().FirstOrDefault();
            cancellationToken.ThrowIfCancellationRequested();
            var request = args![0];
            switch (request)
            {
                case DescribeTableRequest describe:
                    Calls.Add($"Describe {describe.TableName}");
                    return Task.FromResult(new DescribeTableResponse { Table = Advance(describe.TableName) });
                case CreateTableRequest create:
                    Calls.Add($"Create {create.TableName}");
                    if (Tables.ContainsKey(create.TableName))
                    {
                        throw new ResourceInUseException("Table already exists");
                    }
                    Tables[create.TableName] = Describe(create, TableStatus.CREATING);
                    Tags[create.TableName] = CreateDropsTags ? new List<Tag>() : create.Tags ?? new List<Tag>();
                    describesLeft[create.TableName] = TransitionDescribes;
                    return Task.FromResult(new CreateTableResponse());
                case DeleteTableRequest delete:
                    Calls.Add($"Delete {delete.TableName}");
                    var table = Tables.TryGetValue(delete.TableName, out var found) ? found : throw new ResourceNotFoundException("not found");
                    if (table.TableStatus != TableStatus.ACTIVE)
                    {
                        throw new ResourceInUseException("Table is being created");
                    }
                    table.TableStatus = TableStatus.DELETING;
                    describesLeft[delete.TableName] = TransitionDescribes;
                    return Task.FromResult(new DeleteTableResponse());
                case ListTagsOfResourceRequest list:
                    var tableName = list.ResourceArn.Split('/').Last();
                    Calls.Add($"ListTags {tableName}");
                    return Task.FromResult(new ListTagsOfResourceResponse { Tags = Tags[tableName].ToList() });
                case TagResourceRequest tag:
                    var tagged = tag.ResourceArn.Split('/').Last();
                    Calls.Add($"Tag {tagged}");
                    if (TagAnswerFailsAfterWriting != false)
                    {
                        Tags[tagged].AddRange(tag.Tags);
                    }
                    if (TagAnswerFailsAfterWriting is not null)
                    {
                        throw new System.IO.IOException("CRC value returned with response does not match");
                    }
                    return Task.FromResult(new TagResourceResponse());
            }
            throw new NotSupportedException(name);
        }

        private TableDescription Advance(string tableName)
        {
            if (!Tables.TryGetValue(tableName, out var table))
            {
                throw new ResourceNotFoundException($"Requested resource not found: Table: {tableName} not found");
            }
            if (describesLeft.TryGetValue(tableName, out var left))
            {
                if (left > 0)
                {
                    describesLeft[tableName] = left - 1;
                }
                else if (table.TableStatus == TableStatus.DELETING)
                {
                    Tables.Remove(tableName);
                    describesLeft.Remove(tableName);
                    throw new ResourceNotFoundException($"Requested resource not found: Table: {tableName} not found");
                }
                else
                {
                    table.TableStatus = TableStatus.ACTIVE;
                    table.GlobalSecondaryIndexes?.ForEach(index => index.IndexStatus = IndexStatus.ACTIVE);
                    describesLeft.Remove(tableName);
                }
            }
            return table;
        }

        private static TableDescription Describe(CreateTableRequest request, TableStatus status) => new TableDescription
        {
            TableName = request.TableName,
            TableArn = "arn:aws:dynamodb:us-east-1:000000000000:table/" + request.TableName,
            TableStatus = status,
            AttributeDefinitions = request.AttributeDefinitions,
            KeySchema = request.KeySchema,
            BillingModeSummary = request.BillingMode == BillingMode.PAY_PER_REQUEST ? new BillingModeSummary { BillingMode = BillingMode.PAY_PER_REQUEST } : null,
            ProvisionedThroughput = new ProvisionedThroughputDescription
            {
                ReadCapacityUnits = request.ProvisionedThroughput?.ReadCapacityUnits ?? 0,
                WriteCapacityUnits = request.ProvisionedThroughput?.WriteCapacityUnits ?? 0,
            },
            GlobalSecondaryIndexes = request.GlobalSecondaryIndexes?.Select(index => new GlobalSecondaryIndexDescription
            {
                IndexName = index.IndexName,
                KeySchema = index.KeySchema,
                Projection = index.Projection,
                IndexStatus = status == TableStatus.ACTIVE ? IndexStatus.ACTIVE : IndexStatus.CREATING,
            }).ToList(),
        };
    }
}
