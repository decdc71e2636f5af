using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Chinook.Migration.Target;
using Xunit;

namespace Chinook.Migration.Tests.Target
{
    public class ConnectionProbeTests
    {
        /// <summary>A client whose DescribeTable calls fail with the given exceptions, in turn, then succeed.</summary>
        private sealed class FailingDescribeClient : AmazonDynamoDBClient
        {
            private readonly Queue<Exception> failures;

            public FailingDescribeClient(params Exception[] failures)
                : base(new BasicAWSCredentials("test", "test"), new AmazonDynamoDBConfig { ServiceURL = "http://127.0.0.1:9", AuthenticationRegion = "us-east-1" })
            {
                this.failures = new Queue<Exception>(failures);
            }

            public int Calls { get; private set; }

            public override Task<DescribeTableResponse> DescribeTableAsync(DescribeTableRequest request, CancellationToken cancellationToken = default)
            {
                Calls++;
                return failures.TryDequeue(out var failure)
                    ? Task.FromException<DescribeTableResponse>(failure)
                    : Task.FromResult(new DescribeTableResponse { Table = new TableDescription { TableName = request.TableName } });
            }
        }

        private static async Task<DynamoSetupException?> Probe(FailingDescribeClient client)
        {
            using var connection = new DynamoConnection(client, "http://dynamo.example/", "credentials: explicit access key AKIA****MPLE", "region: test");
            try
            {
                await ConnectionProbe.VerifyAsync(connection, "MusicCatalog", CancellationToken.None);
                return null;
            }
            catch (DynamoSetupException ex)
            {
                return ex;
            }
        }

        private static AmazonDynamoDBException Answer(string? code, HttpStatusCode status) =>
            new AmazonDynamoDBException("answer", ErrorType.Sender, code, "request-1", status);

        [Theory]
        [InlineData("ResourceNotFoundException")]
        [InlineData("AccessDeniedException")]
        [InlineData("ThrottlingException")]
        public async Task DynamoDbsOwnAnswerProvesTheEndpointAndTheKeys(string code)
        {
            var client = new FailingDescribeClient(Answer(code, HttpStatusCode.BadRequest));
            Assert.Null(await Probe(client));
            Assert.Equal(1, client.Calls);
        }

        [Theory]
        [InlineData("UnrecognizedClientException")]
        [InlineData("InvalidSignatureException")]
        [InlineData("ExpiredTokenException")]
        public async Task RejectedKeysAreOneCredentialsRejectedErrorNamingWhereTheyCameFrom(string code)
        {
            var client = new FailingDescribeClient(Answer(code, HttpStatusCode.BadRequest));
            var error = (await Probe(client))!;
            Assert.Equal(DynamoSetupProblem.CredentialsRejected, error.Problem);
            Assert.StartsWith("http://dynamo.example/ rejected the credentials (credentials: explicit access key AKIA****MPLE)", error.Message);
            Assert.Equal(1, client.Calls);
        }

        [Fact]
        public async Task AnHttpAnswerWithoutADynamoDbErrorIsUnreachable()
        {
            var error = (await Probe(new FailingDescribeClient(Answer(null, HttpStatusCode.NotFound))))!;
            Assert.Equal(DynamoSetupProblem.Unreachable, error.Problem);
            Assert.Contains("HTTP 404", error.Message);
        }

        [Fact]
        public async Task AConnectionThatFailsEveryTryIsUnreachableAfterThreeTries()
        {
            var refused = new HttpRequestException("Connection refused (dynamo.example:80)");
            var client = new FailingDescribeClient(refused, refused, refused);
            var error = (await Probe(client))!;
            Assert.Equal(DynamoSetupProblem.Unreachable, error.Problem);
            Assert.Equal("Cannot reach http://dynamo.example/: Connection refused (dynamo.example:80).", error.Message);
            Assert.Equal(3, client.Calls);
        }

        [Fact]
        public async Task AConnectionDroppedOnceIsTriedAgain()
        {
            var client = new FailingDescribeClient(new HttpRequestException("The response ended prematurely."));
            Assert.Null(await Probe(client));
            Assert.Equal(2, client.Calls);
        }
    }
}
