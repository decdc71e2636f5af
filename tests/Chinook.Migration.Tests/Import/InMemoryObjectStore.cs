using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Chinook.Migration.Import;

namespace Chinook.Migration.Tests.Import
{
    /// <summary>A bucket in memory, with S3's rule that a multipart object exists only once completed, and a scripted failure.</summary>
    internal sealed class InMemoryObjectStore : IObjectStore
    {
        private readonly Dictionary<string, List<byte[]>> uploads = new Dictionary<string, List<byte[]>>(StringComparer.Ordinal);
        private int nextUploadId;

        public SortedDictionary<string, byte[]> Objects { get; } = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);

        /// <summary>Every call, as "Put key", "UploadPart key 2", ...</summary>
        public List<string> Calls { get; } = new List<string>();

        /// <summary>Multipart uploads started and neither completed nor aborted.</summary>
        public int OpenUploads => uploads.Count;

        /// <summary>Fails a call (by its "Verb key" text) with a request error, as a dropped connection would.</summary>
        public Func<string, bool> Fails { get; set; } = _ => false;

        public string Describe(string key) => "s3://memory/" + key;

        public Task<IReadOnlyList<string>> ListKeysAsync(string prefix, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<string>>(Record("List " + prefix, () => Objects.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList()));

        public Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken) =>
            Task.FromResult(Record("Get " + key, () => Objects.TryGetValue(key, out var body) ? body : null));

        public Task PutAsync(string key, ReadOnlyMemory<byte> body, string contentType, CancellationToken cancellationToken) =>
            Task.FromResult(Record("Put " + key, () => Objects[key] = body.ToArray()));

        public Task<string> StartMultipartAsync(string key, string contentType, CancellationToken cancellationToken) => Task.FromResult(Record("Start " + key, () =>
        {
            var id = key + "#" + nextUploadId++;
            uploads[id] = new List<byte[]>();
            return id;
        }));

        public Task<string> UploadPartAsync(string key, string uploadId, int partNumber, ReadOnlyMemory<byte> body, CancellationToken cancellationToken) =>
            Task.FromResult(Record($"UploadPart {key} {partNumber}", () =>
            {
                uploads[uploadId].Add(body.ToArray());
                return "etag-" + partNumber;
            }));

        public Task CompleteMultipartAsync(string key, string uploadId, IReadOnlyList<string> partETags, CancellationToken cancellationToken) =>
            Task.FromResult(Record("Complete " + key, () =>
            {
                var parts = uploads[uploadId];
                if (partETags.Count != parts.Count)
                {
                    throw new InvalidOperationException("The part list does not match the parts uploaded.");
                }
                uploads.Remove(uploadId);
                return Objects[key] = parts.SelectMany(p => p).ToArray();
            }));

        public Task AbortMultipartAsync(string key, string uploadId, CancellationToken cancellationToken) =>
            Task.FromResult(Record("Abort " + key, () => uploads.Remove(uploadId)));

        /// <summary>The object's lines, decompressed, without their newlines.</summary>
        public IReadOnlyList<string> Lines(string key)
        {
            using var gzip = new GZipStream(new MemoryStream(Objects[key]), CompressionMode.Decompress);
            using var reader = new StreamReader(gzip, Encoding.UTF8);
            var lines = new List<string>();
            while (reader.ReadLine() is { } line)
            {
                lines.Add(line);
            }
            return lines;
        }

        private T Record<T>(string call, Func<T> action)
        {
            Calls.Add(call);
            if (Fails(call))
            {
                throw new S3ExportException(S3ExportProblem.RequestFailed, Describe(call), "scripted failure of " + call);
            }
            return action();
        }
    }
}
