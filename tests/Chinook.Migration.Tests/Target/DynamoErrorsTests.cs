using System;
using System.Net;
using System.Net.Http;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Chinook.Migration.Target;
using Xunit;

namespace Chinook.Migration.Tests.Target
{
    public class DynamoErrorsTests
    {
        private static AmazonServiceException Service(string code, HttpStatusCode status) =>
            new AmazonServiceException("message from DynamoDB", null, ErrorType.Sender, code, "request-1", status);

        [Theory]
        [InlineData("AccessDeniedException", HttpStatusCode.BadRequest, DynamoProblem.AccessDenied)]
        [InlineData("UnrecognizedClientException", HttpStatusCode.BadRequest, DynamoProblem.AccessDenied)]
        [InlineData("SomethingNew", HttpStatusCode.Forbidden, DynamoProblem.AccessDenied)]
        [InlineData("LimitExceededException", HttpStatusCode.BadRequest, DynamoProblem.Throttled)]
        [InlineData("ThrottlingException", HttpStatusCode.BadRequest, DynamoProblem.Throttled)]
        [InlineData("ValidationException", HttpStatusCode.BadRequest, DynamoProblem.InvalidRequest)]
        [InlineData("InternalServerError", HttpStatusCode.InternalServerError, DynamoProblem.ServiceError)]
        public void ServiceErrorsAreClassifiedByCode(string code, HttpStatusCode status, DynamoProblem problem)
        {
            var translated = DynamoErrors.Translate(Service(code, status), "dev-Playlists", "create");
            Assert.Equal(problem, translated?.Problem);
            Assert.Equal("dev-Playlists", translated?.TableName);
            Assert.StartsWith("Cannot create table 'dev-Playlists': message from DynamoDB", translated?.Message);
        }

        [Fact]
        public void ResourceExceptionsKeepTheirMeaning()
        {
            Assert.Equal(DynamoProblem.NotFound, DynamoErrors.Translate(new ResourceNotFoundException("gone"), "t", "describe")?.Problem);
            Assert.Equal(DynamoProblem.InUse, DynamoErrors.Translate(new ResourceInUseException("busy"), "t", "delete")?.Problem);
        }

        [Fact]
        public void ConnectionFailuresMeanUnreachable()
        {
            Assert.Equal(DynamoProblem.Unreachable, DynamoErrors.Translate(new HttpRequestException("Connection refused"), "t", "describe")?.Problem);
            Assert.Equal(DynamoProblem.Unreachable, DynamoErrors.Translate(new AmazonClientException("no answer"), "t", "describe")?.Problem);
        }

        [Fact]
        public void OtherExceptionsAreNotDynamosToTranslate()
        {
            Assert.Null(DynamoErrors.Translate(new InvalidOperationException("bug"), "t", "describe"));
        }
    }
}
