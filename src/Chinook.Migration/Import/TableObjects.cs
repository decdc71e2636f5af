using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Chinook.Migration.Items;

namespace Chinook.Migration.Import
{
    /// <summary>
    /// One table's objects as its items stream in. Each partition key belongs to one of a few objects written side
    /// by side (by a stable hash, so the same key always lands in the same object), each object's lines pass a
    /// shuffle window, and an object that reaches its item limit is completed and followed by the next. Memory holds
    /// one part and one window per object in progress, whatever the table's size.
    /// </summary>
    internal sealed class TableObjects : IAsyncDisposable
    {
        private readonly IObjectStore store;
        private readonly S3ExportOptions options;
        private readonly IReadOnlyDictionary<string, ManifestObject> uploadedBefore;
        private readonly Func<ManifestObject, bool, Task> objectWritten;
        private readonly ShuffleWindow[] windows;
        private readonly ObjectUpload?[] uploads;
        private readonly int[] sequences;
        private readonly ArrayBufferWriter<byte> lineBuffer = new ArrayBufferWriter<byte>();
        private long completedBytes;

        /// <param name="uploadedBefore">Objects a stopped export completed, by key (empty unless resuming).</param>
        /// <param name="objectWritten">Called for each completed object, with true when it was found uploaded already.</param>
        public TableObjects(IObjectStore store, S3ExportOptions options, string tableName,
            IReadOnlyDictionary<string, ManifestObject> uploadedBefore, Func<ManifestObject, bool, Task> objectWritten)
        {
            this.store = store;
            this.options = options;
            this.uploadedBefore = uploadedBefore;
            this.objectWritten = objectWritten;
            Table = new ManifestTable { TableName = tableName, KeyPrefix = S3ExportOptions.TableKeyPrefix(options.KeyPrefix, tableName) };
            var count = options.ObjectsPerTable;
            windows = Enumerable.Range(0, count).Select(i => new ShuffleWindow(options.ShuffleWindowBytes, unchecked((int)StableHash(tableName) + i))).ToArray();
            uploads = new ObjectUpload?[count];
            sequences = new int[count];
        }

        /// <summary>The table's entry in the manifest, filled as objects complete.</summary>
        public ManifestTable Table { get; }

        public int ObjectsResumed { get; private set; }

        /// <summary>Bytes of this table in S3 so far: complete objects (resumed ones too) and the parts of unfinished ones.</summary>
        public long UploadedBytes => completedBytes + uploads.Sum(u => u?.UploadedBytes ?? 0);

        public async Task AddAsync(ChinookItem item, CancellationToken cancellationToken)
        {
            lineBuffer.Clear();
            DynamoJsonLine.Write(item, lineBuffer);
            var shard = (int)(StableHash(item.PK) % (uint)windows.Length);
            foreach (var line in windows[shard].Add(lineBuffer.WrittenSpan.ToArray()))
            {
                await WriteAsync(shard, line, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>Sends out what the windows hold and completes every object in progress.</summary>
        public async Task FinishAsync(CancellationToken cancellationToken)
        {
            for (var shard = 0; shard < windows.Length; shard++)
            {
                foreach (var line in windows[shard].Drain())
                {
                    await WriteAsync(shard, line, cancellationToken).ConfigureAwait(false);
                }
                if (uploads[shard] is not null)
                {
                    await CompleteAsync(shard, cancellationToken).ConfigureAwait(false);
                }
            }
            Table.Objects.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            Table.Complete = true;
        }

        private async Task WriteAsync(int shard, byte[] line, CancellationToken cancellationToken)
        {
            var upload = uploads[shard] ??= Open(shard);
            await upload.WriteLineAsync(line, cancellationToken).ConfigureAwait(false);
            if (upload.Items >= options.MaxItemsPerObject)
            {
                await CompleteAsync(shard, cancellationToken).ConfigureAwait(false);
            }
        }

        private ObjectUpload Open(int shard)
        {
            var key = $"{Table.KeyPrefix}part-{shard:D2}-{sequences[shard]++:D5}.json.gz";
            return new ObjectUpload(store, key, options.PartSizeBytes, upload: !uploadedBefore.ContainsKey(key));
        }

        private async Task CompleteAsync(int shard, CancellationToken cancellationToken)
        {
            var upload = uploads[shard]!;
            uploads[shard] = null;
            await using (upload.ConfigureAwait(false))
            {
                var written = await upload.CompleteAsync(cancellationToken).ConfigureAwait(false);
                var resumed = uploadedBefore.TryGetValue(written.Key, out var before);
                if (resumed && (before!.Sha256 != written.Sha256 || before.Items != written.Items))
                {
                    throw new S3ExportException(S3ExportProblem.ResumeMismatch, store.Describe(written.Key),
                        $"{store.Describe(written.Key)} holds other items than this source gives ({before.Items:N0} items, SHA-256 {before.Sha256}, against {written.Items:N0} and {written.Sha256}): " +
                        "the source or the module changed since the stopped export. Export again without -Resume to an empty key prefix.");
                }
                var entry = resumed ? before! : written;
                completedBytes += entry.Bytes ?? 0;
                ObjectsResumed += resumed ? 1 : 0;
                Table.Items += entry.Items;
                Table.Objects.Add(entry);
                await objectWritten(entry, resumed).ConfigureAwait(false);
            }
        }

        /// <summary>FNV-1a over the text: the same on every run and platform, unlike string.GetHashCode.</summary>
        internal static uint StableHash(string text)
        {
            var hash = 2166136261u;
            foreach (var c in text)
            {
                hash = unchecked((hash ^ c) * 16777619u);
            }
            return hash;
        }

        /// <summary>Objects left in progress (a stop or a failure) abort their multipart uploads.</summary>
        public async ValueTask DisposeAsync()
        {
            foreach (var upload in uploads)
            {
                if (upload is not null)
                {
                    await upload.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
    }
}
