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
        private readonly Dictionary<string, (ImportTableDescription Import, int DescribesLeft)> imports = new Dictionary<string, (ImportTableDescription, int)>();

        /// <summary>Every ImportTable request, repeats included.</summary>
        public List<ImportTableRequest> ImportRequests { get; } = new List<ImportTableRequest>();
        /// <summary>How many DescribeImport calls an import stays IN_PROGRESS (its table CREATING).</summary>
        public int ImportDescribes { get; set; } = 2;
        /// <summary>How an import ends: its status and counts. A COMPLETED import leaves its table ACTIVE; any other, no table.</summary>
        public Func<ImportTableRequest, ImportTableDescription> ImportEnd { get; set; } = _ => new ImportTableDescription
        {
            ImportStatus = ImportStatus.COMPLETED, ProcessedItemCount = 10, ImportedItemCount = 10, ErrorCount = 0, ProcessedSizeBytes = 1000,
        };

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
                case ImportTableRequest import:
                    return Task.FromResult(new ImportTableResponse { ImportTableDescription = StartImport(import) });
                case DescribeImportRequest describeImport:
                    Calls.Add($"DescribeImport {describeImport.ImportArn}");
                    return Task.FromResult(new DescribeImportResponse { ImportTableDescription = AdvanceImport(describeImport.ImportArn) });
            }
            throw new NotSupportedException(name);
        }

        /// <summary>As DynamoDB: the same ClientToken gets the import it started; otherwise a table that exists is refused.</summary>
        private ImportTableDescription StartImport(ImportTableRequest request)
        {
            var tableName = request.TableCreationParameters.TableName;
            Calls.Add($"Import {tableName}");
            ImportRequests.Add(request);
            foreach (var started in imports.Values)
            {
                if (started.Import.ClientToken == request.ClientToken)
                {
                    return started.Import;
                }
            }
            if (Tables.ContainsKey(tableName))
            {
                throw new ResourceInUseException($"Table already exists: {tableName}");
            }
            var parameters = request.TableCreationParameters;
            Tables[tableName] = Describe(new CreateTableRequest
            {
                TableName = tableName,
                AttributeDefinitions = parameters.AttributeDefinitions,
                KeySchema = parameters.KeySchema,
                GlobalSecondaryIndexes = parameters.GlobalSecondaryIndexes,
                BillingMode = parameters.BillingMode,
                ProvisionedThroughput = parameters.ProvisionedThroughput,
            }, TableStatus.CREATING);
            Tags[tableName] = new List<Tag>();
            describesLeft[tableName] = int.MaxValue;
            var import = new ImportTableDescription
            {
                ImportArn = $"arn:aws:dynamodb:us-east-1:000000000000:table/{tableName}/import/{imports.Count:D4}",
                ImportStatus = ImportStatus.IN_PROGRESS,
                ClientToken = request.ClientToken,
                TableArn = Tables[tableName].TableArn,
                CloudWatchLogGroupArn = "arn:aws:logs:us-east-1:000000000000:log-group:/aws-dynamodb/imports:*",
                StartTime = new DateTime(2026, 12, 3, 6, 0, 0, DateTimeKind.Utc),
                ProcessedItemCount = 0,
            };
            imports[import.ImportArn] = (import, ImportDescribes);
            return import;
        }

        private ImportTableDescription AdvanceImport(string importArn)
        {
            var (import, left) = imports[importArn];
            if (import.ImportStatus != ImportStatus.IN_PROGRESS)
            {
                return import;
            }
            if (left > 0)
            {
                imports[importArn] = (import, left - 1);
                import.ProcessedItemCount = (import.ProcessedItemCount ?? 0) + 1;
                return import;
            }
            var request = ImportRequests.First(r => r.ClientToken == import.ClientToken);
            var end = ImportEnd(request);
            import.ImportStatus = end.ImportStatus;
            import.ProcessedItemCount = end.ProcessedItemCount;
            import.ImportedItemCount = end.ImportedItemCount;
            import.ErrorCount = end.ErrorCount;
            import.ProcessedSizeBytes = end.ProcessedSizeBytes;
            import.FailureCode = end.FailureCode;
            import.FailureMessage = end.FailureMessage;
            import.EndTime = import.StartTime!.Value.AddMinutes(7);
            var tableName = request.TableCreationParameters.TableName;
            if (end.ImportStatus == ImportStatus.COMPLETED)
            {
                describesLeft[tableName] = 0;
            }
            else
            {
                Tables.Remove(tableName);
                describesLeft.Remove(tableName);
            }
            return import;
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
