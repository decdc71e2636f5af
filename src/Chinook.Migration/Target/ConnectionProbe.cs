using System;
using System.Linq;
using System.Net.Http;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace Chinook.Migration.Target
{
    /// <summary>
    /// One DescribeTable call (up to three tries, within a short time and without the SDK's retries) before a command does any work: an endpoint that
    /// cannot be reached or credentials that DynamoDB rejects are then one setup error within seconds, instead of
    /// every later call failing after the SDK's retries. DescribeTable on the command's own table needs no permission
    /// beyond what the command needs; a missing table or a denied action still proves the endpoint and the keys.
    /// </summary>
    public static class ConnectionProbe
    {
        public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

        /// <summary>Error codes of a request signed with keys DynamoDB does not accept (unknown, wrong secret, expired).</summary>
        private static readonly string[] RejectedCredentialCodes =
        {
            "UnrecognizedClientException", "InvalidSignatureException", "IncompleteSignatureException",
            "MissingAuthenticationTokenException", "ExpiredTokenException", "InvalidClientTokenId",
        };

        /// <summary>Throws <see cref="DynamoSetupException"/> (Unreachable or CredentialsRejected); OperationCanceledException when the user stops.</summary>
        public static async Task VerifyAsync(DynamoConnection connection, string tableName, CancellationToken cancellationToken)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await connection.ProbeClient.DescribeTableAsync(new DescribeTableRequest { TableName = tableName }, timeout.Token).ConfigureAwait(false);
                    return;
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (AmazonServiceException ex) when (ex.ErrorCode is { } code && RejectedCredentialCodes.Contains(code))
                {
                    throw new DynamoSetupException(DynamoSetupProblem.CredentialsRejected,
                        $"{connection.Endpoint} rejected the credentials ({connection.CredentialSource}): {ex.Message} ({code}).", ex);
                }
                catch (AmazonServiceException ex) when (!string.IsNullOrEmpty(ex.ErrorCode))
                {
                    // DynamoDB's own answer (no such table, access denied, throttled): the endpoint is there and knows the keys.
                    return;
                }
                catch (AmazonServiceException ex) when (ex.StatusCode != 0)
                {
                    // An HTTP answer without a DynamoDB error: a proxy, a gateway, or a server that is not DynamoDB.
                    throw new DynamoSetupException(DynamoSetupProblem.Unreachable,
                        $"Cannot reach {connection.Endpoint}: it answered HTTP {(int)ex.StatusCode} {ex.StatusCode} without a DynamoDB error, as a proxy or a server other than DynamoDB does.", ex);
                }
                catch (Exception ex) when (IsTransport(ex))
                {
                    // A connection reset once is no reason to stop; a refused or unresolvable one fails each attempt as fast.
                    if (attempt == MaxAttempts || timeout.IsCancellationRequested)
                    {
                        var timedOut = ex is OperationCanceledException || ExceptionChain.Of(ex).Any(e => e is TimeoutException);
                        var cause = timedOut ? $"no answer within {Timeout.TotalSeconds:N0} s" : ExceptionChain.Of(ex).Last().Message;
                        throw new DynamoSetupException(DynamoSetupProblem.Unreachable, $"Cannot reach {connection.Endpoint}: {cause}.", ex);
                    }
                }
                await Task.Delay(RetryPause, cancellationToken).ConfigureAwait(false);
            }
        }

        private const int MaxAttempts = 3;
        private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(200);

        private static bool IsTransport(Exception ex) => ex is AmazonClientException or HttpRequestException or AuthenticationException
            or System.IO.IOException or OperationCanceledException or System.Net.Sockets.SocketException;
    }
}
