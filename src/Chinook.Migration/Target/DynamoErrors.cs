using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace Chinook.Migration.Target
{
    /// <summary>Runs one DynamoDB call and turns whatever the SDK throws into a <see cref="DynamoOperationException"/>.</summary>
    internal static class DynamoErrors
    {
        public static async Task<T> Call<T>(string tableName, string action, Func<Task<T>> call, CancellationToken cancellationToken)
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (Translate(ex, tableName, action) is { } translated)
            {
                throw translated;
            }
        }

        internal static DynamoOperationException? Translate(Exception exception, string tableName, string action)
        {
            string Message(string detail) => $"Cannot {action} table '{tableName}': {detail}";
            switch (exception)
            {
                case ResourceNotFoundException ex:
                    return new DynamoOperationException(DynamoProblem.NotFound, tableName, Message(ex.Message), ex.ErrorCode, ex);
                case ResourceInUseException ex:
                    return new DynamoOperationException(DynamoProblem.InUse, tableName, Message(ex.Message), ex.ErrorCode, ex);
                case AmazonServiceException ex:
                    return new DynamoOperationException(Classify(ex), tableName, Message($"{ex.Message} ({ex.ErrorCode ?? ((int)ex.StatusCode).ToString()})"), ex.ErrorCode, ex);
                case AmazonClientException:
                case HttpRequestException:
                case IOException:
                case OperationCanceledException:
                    // The SDK's own request timeout surfaces as a cancellation the caller did not ask for.
                    return new DynamoOperationException(DynamoProblem.Unreachable, tableName, Message($"DynamoDB did not answer: {exception.Message}"), null, exception);
                default:
                    return null;
            }
        }

        private static DynamoProblem Classify(AmazonServiceException ex)
        {
            switch (ex.ErrorCode)
            {
                case "AccessDeniedException":
                case "UnrecognizedClientException":
                case "InvalidSignatureException":
                case "MissingAuthenticationTokenException":
                case "ExpiredTokenException":
                    return DynamoProblem.AccessDenied;
                case "ThrottlingException":
                case "ProvisionedThroughputExceededException":
                case "RequestLimitExceeded":
                case "LimitExceededException":
                    return DynamoProblem.Throttled;
            }
            if (ex.StatusCode == HttpStatusCode.Forbidden || ex.StatusCode == HttpStatusCode.Unauthorized)
            {
                return DynamoProblem.AccessDenied;
            }
            return (int)ex.StatusCode >= 400 && (int)ex.StatusCode < 500 ? DynamoProblem.InvalidRequest : DynamoProblem.ServiceError;
        }
    }
}
