using System;

namespace Chinook.Migration.Import
{
    public enum S3ExportProblem
    {
        /// <summary>The bucket does not exist (or is not visible to these credentials).</summary>
        BucketNotFound,
        /// <summary>The bucket refused the request: no permission for the call.</summary>
        AccessDenied,
        /// <summary>The key prefix holds objects of an earlier export, which an import would read along with the new ones.</summary>
        PrefixNotEmpty,
        /// <summary>-Resume found objects that this source no longer produces the same way.</summary>
        ResumeMismatch,
        /// <summary>Any other failed S3 call.</summary>
        RequestFailed,
    }

    /// <summary>An export to S3 that cannot go on; the message says what to do.</summary>
    public sealed class S3ExportException : Exception
    {
        public S3ExportException(S3ExportProblem problem, string target, string message, Exception? innerException = null)
            : base(message, innerException)
        {
            Problem = problem;
            Target = target;
        }

        public S3ExportProblem Problem { get; }

        /// <summary>The bucket or object address the problem is about (s3://bucket/key).</summary>
        public string Target { get; }
    }
}
