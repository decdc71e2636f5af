using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace Chinook.Migration.Import
{
    /// <summary>
    /// One gzip object being written: lines go through gzip into a buffer of one part; a full part is uploaded
    /// (the first one starts a multipart upload), so memory holds at most one part whatever the object's size. A
    /// small object goes as one PutObject. When resuming, an object that is in the manifest already is only
    /// counted and hashed, to check it holds what this run would write.
    /// </summary>
    internal sealed class ObjectUpload : IAsyncDisposable
    {
        public const string ContentType = "application/gzip";

        private readonly IObjectStore store;
        private readonly int partSizeBytes;
        private readonly bool upload;
        private readonly IncrementalHash linesHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private readonly MemoryStream part = new MemoryStream();
        private readonly GZipStream? gzip;
        private readonly List<string> partETags = new List<string>();
        private string? uploadId;
        private long uploadedBytes;

        /// <param name="upload">False for an object a stopped export uploaded already: nothing is sent.</param>
        public ObjectUpload(IObjectStore store, string key, int partSizeBytes, bool upload)
        {
            this.store = store;
            this.partSizeBytes = partSizeBytes;
            this.upload = upload;
            Key = key;
            if (upload)
            {
                gzip = new GZipStream(part, CompressionLevel.Optimal, leaveOpen: true);
            }
        }

        public string Key { get; }

        public long Items { get; private set; }

        public long LineBytes { get; private set; }

        /// <summary>Appends one line; uploads a part when the buffer holds a full one.</summary>
        public async Task WriteLineAsync(ReadOnlyMemory<byte> line, CancellationToken cancellationToken)
        {
            Items++;
            LineBytes += line.Length;
            linesHash.AppendData(line.Span);
            if (gzip is null)
            {
                return;
            }
            gzip.Write(line.Span);
            if (part.Length >= partSizeBytes)
            {
                await UploadPartAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>Finishes the object: the last part and CompleteMultipartUpload, or one PutObject.</summary>
        public async Task<ManifestObject> CompleteAsync(CancellationToken cancellationToken)
        {
            if (gzip is not null)
            {
                gzip.Dispose();
                if (uploadId is null)
                {
                    await store.PutAsync(Key, Written(), ContentType, cancellationToken).ConfigureAwait(false);
                    uploadedBytes = part.Length;
                }
                else
                {
                    await UploadPartAsync(cancellationToken).ConfigureAwait(false);
                    await store.CompleteMultipartAsync(Key, uploadId, partETags, cancellationToken).ConfigureAwait(false);
                    uploadId = null;
                }
            }
            return new ManifestObject(Key, Items, LineBytes, upload ? uploadedBytes : (long?)null, Convert.ToHexString(linesHash.GetHashAndReset()).ToLowerInvariant(), partETags.Count);
        }

        /// <summary>Bytes sent for this object so far.</summary>
        public long UploadedBytes => uploadedBytes;

        private async Task UploadPartAsync(CancellationToken cancellationToken)
        {
            uploadId ??= await store.StartMultipartAsync(Key, ContentType, cancellationToken).ConfigureAwait(false);
            partETags.Add(await store.UploadPartAsync(Key, uploadId, partETags.Count + 1, Written(), cancellationToken).ConfigureAwait(false));
            uploadedBytes += part.Length;
            part.SetLength(0);
        }

        private ReadOnlyMemory<byte> Written() => new ReadOnlyMemory<byte>(part.GetBuffer(), 0, (int)part.Length);

        /// <summary>An object left unfinished (a stop, a failure) has its multipart upload aborted, so S3 keeps no parts of it.</summary>
        public async ValueTask DisposeAsync()
        {
            gzip?.Dispose();
            linesHash.Dispose();
            if (uploadId is not null)
            {
                var id = uploadId;
                uploadId = null;
                try
                {
                    await store.AbortMultipartAsync(Key, id, CancellationToken.None).ConfigureAwait(false);
                }
                catch (S3ExportException)
                {
                    // The run already fails for its own reason; an upload left behind expires by the bucket's lifecycle rule.
                }
            }
            part.Dispose();
        }
    }
}
