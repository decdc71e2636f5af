using System;
using System.Linq;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace Chinook.Migration.Target
{
    /// <summary>
    /// What a failed DynamoDB call means: a <see cref="DynamoOperationException"/> naming the problem for the
    /// table operations and readers, and whether another try may succeed for the writer.
    /// </summary>
    internal static class DynamoErrors
    {
        /// <summary>Error codes of a request DynamoDB turned away because of its rate, not its content.</summary>
        private static readonly HashSet<string> ThrottlingCodes = new HashSet<string>(StringComparer.Ordinal)
        {
            "ThrottlingException", "ThrottledException", "ProvisionedThroughputExceededException", "RequestLimitExceeded",
        };

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
            }
            // LimitExceededException: too many table operations at once, which passes as throttling does.
            if (IsThrottling(ex) || ex.ErrorCode == "LimitExceededException")
            {
                return DynamoProblem.Throttled;
            }
            if (ex.StatusCode == HttpStatusCode.Forbidden || ex.StatusCode == HttpStatusCode.Unauthorized)
            {
                return DynamoProblem.AccessDenied;
            }
            return (int)ex.StatusCode >= 400 && (int)ex.StatusCode < 500 ? DynamoProblem.InvalidRequest : DynamoProblem.ServiceError;
        }

        /// <summary>A failure to reach the server at all (refused, reset, unresolvable), rather than an answer.</summary>
        public static bool IsUnreachable(Exception exception)
        {
            return ExceptionChain.Of(exception).Any(e => e is System.Net.Sockets.SocketException or HttpRequestException);
        }

        /// <summary>A failure another try may not meet: throttling, a server error, a lost connection, a client-side timeout.</summary>
        public static bool IsTransient(Exception exception, CancellationToken cancellation)
        {
            switch (exception)
            {
                case OperationCanceledException _ when cancellation.IsCancellationRequested:
                    return false;
                case OperationCanceledException _:
                    return true; // a client-side timeout, not the user's cancellation
                case ProvisionedThroughputExceededException _:
                case RequestLimitExceededException _:
                case InternalServerErrorException _:
                    return true;
                case AmazonServiceException service:
                    return IsThrottling(service)
                        || service.StatusCode >= HttpStatusCode.InternalServerError
                        || service.StatusCode == 0 && service.InnerException != null && IsTransient(service.InnerException, cancellation);
                case HttpRequestException _:
                case IOException _:
                case WebException _:
                    return true;
                default:
                    return exception.InnerException != null && IsTransient(exception.InnerException, cancellation);
            }
        }

        private static bool IsThrottling(AmazonServiceException ex) => ex.ErrorCode is { } code && ThrottlingCodes.Contains(code);

        /// <summary>DynamoDB turned the call away for its rate (ProvisionedThroughputExceeded, ThrottlingException, ...).</summary>
        internal static bool IsThrottling(Exception ex) =>
            ex is ProvisionedThroughputExceededException or RequestLimitExceededException || (ex is AmazonServiceException service && IsThrottling(service));
    }
}
