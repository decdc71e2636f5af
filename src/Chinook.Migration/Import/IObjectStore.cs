using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Chinook.Migration.Import
{
    /// <summary>
    /// The few S3 calls an export makes, so that its splitting, multipart and resume rules are tested without S3.
    /// Every call throws <see cref="S3ExportException"/> with <see cref="S3ExportProblem.BucketNotFound"/> when the
    /// bucket does not exist.
    /// </summary>
    internal interface IObjectStore
    {
        /// <summary>The object's address for messages: s3://bucket/key.</summary>
        string Describe(string key);

        /// <summary>The keys of the complete objects under the prefix (an unfinished multipart upload is no object).</summary>
        Task<IReadOnlyList<string>> ListKeysAsync(string prefix, CancellationToken cancellationToken);

        /// <summary>The object's content, or null when there is no such object.</summary>
        Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken);

        Task PutAsync(string key, ReadOnlyMemory<byte> body, string contentType, CancellationToken cancellationToken);

        /// <returns>The upload id.</returns>
        Task<string> StartMultipartAsync(string key, string contentType, CancellationToken cancellationToken);

        /// <returns>The part's ETag.</returns>
        Task<string> UploadPartAsync(string key, string uploadId, int partNumber, ReadOnlyMemory<byte> body, CancellationToken cancellationToken);

        Task CompleteMultipartAsync(string key, string uploadId, IReadOnlyList<string> partETags, CancellationToken cancellationToken);

        /// <summary>Drops the parts of an upload that will not be completed, which S3 would otherwise keep and bill.</summary>
        Task AbortMultipartAsync(string key, string uploadId, CancellationToken cancellationToken);
    }
}
