using System;

namespace Chinook.Migration.Target
{
    public enum DynamoProblem { NotFound, InUse, AccessDenied, Throttled, Unreachable, InvalidRequest, Timeout, ServiceError }

    /// <summary>
    /// A DynamoDB request or wait that failed, in the module's own terms: the SDK's exception types live in the
    /// module's isolated load context and must not reach the cmdlets. The SDK exception stays the inner exception.
    /// </summary>
    public sealed class DynamoOperationException : Exception
    {
        public DynamoOperationException(DynamoProblem problem, string tableName, string message, string? errorCode = null, Exception? innerException = null)
            : base(message, innerException)
        {
            Problem = problem;
            TableName = tableName;
            ErrorCode = errorCode;
        }

        public DynamoProblem Problem { get; }
        public string TableName { get; }
        /// <summary>DynamoDB's error code (for example ResourceInUseException), when the service answered.</summary>
        public string? ErrorCode { get; }
    }
}
