using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace Chinook.Migration.Target.Writing
{
    /// <summary>Which failures are worth another try, and how long to wait: exponential backoff with full jitter.</summary>
    internal sealed class RetryPolicy
    {
        private readonly BatchWriterOptions _options;
        private readonly Random _random;
        private readonly object _lock = new object();

        public RetryPolicy(BatchWriterOptions options, int seed)
        {
            _options = options;
            _random = new Random(seed);
        }

        /// <summary>Full jitter: a uniformly random wait between zero and the capped exponential bound.</summary>
        public TimeSpan Delay(int attempt)
        {
            var bound = Math.Min(_options.MaxDelay.TotalMilliseconds, _options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30)));
            double fraction;
            lock (_lock)
            {
                fraction = _random.NextDouble();
            }
            return TimeSpan.FromMilliseconds(bound * fraction);
        }

        /// <summary>A failure to reach the server at all (refused, reset, unresolvable), rather than an answer.</summary>
        public static bool IsUnreachable(Exception exception)
        {
            for (var e = exception; e != null; e = e.InnerException)
            {
                if (e is System.Net.Sockets.SocketException || e is HttpRequestException)
                {
                    return true;
                }
            }
            return false;
        }

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
                    return service.ErrorCode == "ThrottlingException"
                        || service.ErrorCode == "ThrottledException"
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
    }
}
