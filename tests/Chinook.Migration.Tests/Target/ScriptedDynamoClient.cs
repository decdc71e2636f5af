using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace Chinook.Migration.Tests.Target
{
    /// <summary>
    /// A DynamoDB client whose BatchWriteItem answers come from a script: for what a real server cannot be
    /// made to do on demand (throttling, partial batches, a call that hangs).
    /// </summary>
    internal sealed class ScriptedDynamoClient : AmazonDynamoDBClient
    {
        private readonly Func<BatchWriteItemRequest, int, CancellationToken, Task<BatchWriteItemResponse>> _answer;
        private int _calls;

        public ScriptedDynamoClient(Func<BatchWriteItemRequest, int, CancellationToken, Task<BatchWriteItemResponse>> answer)
            : base(new BasicAWSCredentials("test", "test"), new AmazonDynamoDBConfig { ServiceURL = "http://127.0.0.1:9", AuthenticationRegion = "us-east-1" })
        {
            _answer = answer;
        }

        public ConcurrentQueue<BatchWriteItemRequest> Requests { get; } = new ConcurrentQueue<BatchWriteItemRequest>();

        public int Calls => _calls;

        /// <summary>What DescribeTable says every table of <see cref="Tables"/> may write per second; null for on-demand tables.</summary>
        public long? ProvisionedWriteUnits { get; set; }

        public override Task<BatchWriteItemResponse> BatchWriteItemAsync(BatchWriteItemRequest request, CancellationToken cancellationToken = default)
        {
            Requests.Enqueue(request);
            return _answer(request, Interlocked.Increment(ref _calls), cancellationToken);
        }

        /// <summary>The tables DescribeTable finds, by name, with their creation time; any other is not found.</summary>
        public ConcurrentDictionary<string, DateTime> Tables { get; } = new ConcurrentDictionary<string, DateTime>(StringComparer.Ordinal);

        public override Task<DescribeTableResponse> DescribeTableAsync(DescribeTableRequest request, CancellationToken cancellationToken = default)
        {
            if (!Tables.TryGetValue(request.TableName, out var created))
            {
                throw new ResourceNotFoundException($"Requested resource not found: Table: {request.TableName} not found");
            }
            return Task.FromResult(new DescribeTableResponse
            {
                Table = new TableDescription
                {
                    TableName = request.TableName,
                    TableArn = $"arn:aws:dynamodb:us-east-1:000000000000:table/{request.TableName}",
                    CreationDateTime = created,
                    BillingModeSummary = new BillingModeSummary { BillingMode = ProvisionedWriteUnits is null ? BillingMode.PAY_PER_REQUEST : BillingMode.PROVISIONED },
                    ProvisionedThroughput = new ProvisionedThroughputDescription { ReadCapacityUnits = 0, WriteCapacityUnits = ProvisionedWriteUnits ?? 0 },
                },
            });
        }

        public static Task<BatchWriteItemResponse> AllWritten() =>
            Task.FromResult(new BatchWriteItemResponse { UnprocessedItems = new Dictionary<string, List<WriteRequest>>() });

        /// <summary>Leaves every other request of the call unprocessed.</summary>
        public static Task<BatchWriteItemResponse> HalfUnprocessed(BatchWriteItemRequest request)
        {
            var unprocessed = new Dictionary<string, List<WriteRequest>>();
            foreach (var table in request.RequestItems)
            {
                var left = new List<WriteRequest>();
                for (var i = 0; i < table.Value.Count; i += 2)
                {
                    left.Add(table.Value[i]);
                }
                unprocessed[table.Key] = left;
            }
            return Task.FromResult(new BatchWriteItemResponse { UnprocessedItems = unprocessed });
        }
    }
}
