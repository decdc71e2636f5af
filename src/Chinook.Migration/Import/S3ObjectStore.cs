using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Chinook.Migration.Target;

namespace Chinook.Migration.Import
{
    /// <summary>
    /// <see cref="IObjectStore"/> over AWSSDK.S3. Bodies go unchunked: they are in memory already, so aws-chunked
    /// framing buys nothing, and S3-compatible servers (s3rver) would store the framing as the content.
    /// </summary>
    internal sealed class S3ObjectStore : IObjectStore
    {
        private readonly IAmazonS3 client;
        private readonly string bucket;

        public S3ObjectStore(IAmazonS3 client, string bucket)
        {
            this.client = client;
            this.bucket = bucket;
        }

        public string Describe(string key) => S3ExportOptions.Address(bucket, key);

        public Task<IReadOnlyList<string>> ListKeysAsync(string prefix, CancellationToken cancellationToken) => Call(prefix, async () =>
        {
            var keys = new List<string>();
            var request = new ListObjectsV2Request { BucketName = bucket, Prefix = prefix };
            ListObjectsV2Response response;
            do
            {
                response = await client.ListObjectsV2Async(request, cancellationToken).ConfigureAwait(false);
                keys.AddRange((response.S3Objects ?? new List<S3Object>()).Select(o => o.Key));
                request.ContinuationToken = response.NextContinuationToken;
            }
            while (response.IsTruncated == true);
            return (IReadOnlyList<string>)keys;
        });

        public Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => Call(key, async () =>
        {
            try
            {
                using var response = await client.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key }, cancellationToken).ConfigureAwait(false);
                using var content = new MemoryStream();
                await response.ResponseStream.CopyToAsync(content, cancellationToken).ConfigureAwait(false);
                return content.ToArray();
            }
            catch (AmazonS3Exception ex) when (ex.ErrorCode == "NoSuchKey")
            {
                return null;
            }
        });

        public Task PutAsync(string key, ReadOnlyMemory<byte> body, string contentType, CancellationToken cancellationToken) => Call(key, async () =>
        {
            using var stream = Stream(body);
            await client.PutObjectAsync(new PutObjectRequest
            {
                BucketName = bucket,
                Key = key,
                InputStream = stream,
                ContentType = contentType,
                UseChunkEncoding = false,
            }, cancellationToken).ConfigureAwait(false);
            return true;
        });

        public Task<string> StartMultipartAsync(string key, string contentType, CancellationToken cancellationToken) => Call(key, async () =>
            (await client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = bucket, Key = key, ContentType = contentType },
                cancellationToken).ConfigureAwait(false)).UploadId);

        public Task<string> UploadPartAsync(string key, string uploadId, int partNumber, ReadOnlyMemory<byte> body, CancellationToken cancellationToken) => Call(key, async () =>
        {
            using var stream = Stream(body);
            var response = await client.UploadPartAsync(new UploadPartRequest
            {
                BucketName = bucket,
                Key = key,
                UploadId = uploadId,
                PartNumber = partNumber,
                InputStream = stream,
                PartSize = body.Length,
                UseChunkEncoding = false,
            }, cancellationToken).ConfigureAwait(false);
            return response.ETag;
        });

        public Task CompleteMultipartAsync(string key, string uploadId, IReadOnlyList<string> partETags, CancellationToken cancellationToken) => Call(key, async () =>
        {
            await client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = bucket,
                Key = key,
                UploadId = uploadId,
                PartETags = partETags.Select((etag, i) => new PartETag(i + 1, etag)).ToList(),
            }, cancellationToken).ConfigureAwait(false);
            return true;
        });

        public Task AbortMultipartAsync(string key, string uploadId, CancellationToken cancellationToken) => Call(key, async () =>
        {
            await client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = uploadId },
                cancellationToken).ConfigureAwait(false);
            return true;
        });

        private static MemoryStream Stream(ReadOnlyMemory<byte> body) => new MemoryStream(body.ToArray(), writable: false);

        private async Task<T> Call<T>(string key, Func<Task<T>> call)
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (AmazonS3Exception ex) when (ex.ErrorCode == "NoSuchBucket")
            {
                throw new S3ExportException(S3ExportProblem.BucketNotFound, Describe(string.Empty),
                    $"The bucket '{bucket}' does not exist, or these credentials cannot see it. Create it first (aws s3 mb s3://{bucket}) or give another -BucketName.", ex);
            }
            catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.Forbidden)
            {
                throw new S3ExportException(S3ExportProblem.AccessDenied, Describe(key),
                    $"S3 refused the request for {Describe(key)} ({ex.ErrorCode}): the credentials need s3:ListBucket, s3:GetObject, s3:PutObject and s3:AbortMultipartUpload on the bucket.", ex);
            }
            catch (Exception ex) when (ex is AmazonServiceException or AmazonClientException or System.Net.Http.HttpRequestException or IOException)
            {
                throw new S3ExportException(S3ExportProblem.RequestFailed, Describe(key), $"S3 failed a request for {Describe(key)}: {ExceptionChain.Of(ex).Last().Message}", ex);
            }
        }
    }
}
