using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Chinook.Migration.Items;
using Chinook.Migration.Source;
using Chinook.Migration.Transform;

namespace Chinook.Migration.Import
{
    /// <summary>
    /// Writes a source database's items to S3 in the form DynamoDB's ImportTable reads: gzip objects of DynamoDB
    /// JSON lines under &lt;KeyPrefix&gt;&lt;TableName&gt;/, and the manifest beside them. Streams: the items go out as the
    /// source is read, and memory holds a few parts per table, not the table.
    /// </summary>
    public sealed class S3Export
    {
        private readonly IObjectStore store;
        private readonly S3ExportOptions options;

        /// <exception cref="ArgumentException">The options name no bucket, a bad key prefix or a bad table prefix.</exception>
        public S3Export(S3Connection connection, S3ExportOptions options)
            : this(new S3ObjectStore(connection.Client, options.BucketName), options)
        {
        }

        internal S3Export(IObjectStore store, S3ExportOptions options)
        {
            options.Validate();
            TableNames.ValidatePrefix(options.TablePrefix);
            this.store = store;
            this.options = options;
        }

        public string ManifestAddress => store.Describe(S3ExportOptions.ManifestKey(options.KeyPrefix));

        /// <summary>Exports the given tables (base names) of the database; one result per table, in the source's order.</summary>
        /// <exception cref="S3ExportException">The bucket is missing or refuses, the prefix holds another export, or a resumed object differs.</exception>
        public async Task<IReadOnlyList<S3ExportResult>> ExportAsync(SourceDatabase database, IReadOnlyCollection<string> baseNames,
            IProgress<S3ExportEvent>? progress, CancellationToken cancellationToken)
        {
            var manifestKey = S3ExportOptions.ManifestKey(options.KeyPrefix);
            var tableNames = TableNames.BaseNames.Where(baseNames.Contains).Select(b => TableNames.Qualify(options.TablePrefix, b)).ToList();
            var existing = new HashSet<string>(StringComparer.Ordinal);
            foreach (var tableName in tableNames)
            {
                existing.UnionWith(await store.ListKeysAsync(S3ExportOptions.TableKeyPrefix(options.KeyPrefix, tableName), cancellationToken).ConfigureAwait(false));
            }
            var previous = await ReadManifestAsync(manifestKey, cancellationToken).ConfigureAwait(false);
            if (!options.Resume && (existing.Count > 0 || previous is not null))
            {
                var shown = previous is not null ? manifestKey : existing.OrderBy(k => k, StringComparer.Ordinal).First();
                throw new S3ExportException(S3ExportProblem.PrefixNotEmpty, store.Describe(shown),
                    $"{store.Describe(shown)} is there already: an import reads every object under a table's prefix, so an export goes to a key prefix of its own. " +
                    "Give another -KeyPrefix, remove the earlier objects, or add -Resume to go on with a stopped export.");
            }
            var uploadedBefore = (previous?.Tables ?? new List<ManifestTable>())
                .Where(t => tableNames.Contains(t.TableName))
                .SelectMany(t => t.Objects)
                .Where(o => existing.Contains(o.Key))
                .ToDictionary(o => o.Key, StringComparer.Ordinal);
            var manifest = new S3ExportManifest
            {
                TablePrefix = options.TablePrefix,
                Source = Path.GetFileName(database.Path),
                Tables = (previous?.Tables ?? new List<ManifestTable>()).Where(t => !tableNames.Contains(t.TableName)).ToList(),
            };

            var written = new Dictionary<string, TableObjects>(StringComparer.Ordinal);
            TableObjects? current = null;
            try
            {
                async Task ObjectWritten(ManifestObject entry, bool resumed)
                {
                    await SaveManifestAsync(manifest, manifestKey, cancellationToken).ConfigureAwait(false);
                    progress?.Report(new S3ObjectWritten(current!.Table.TableName, store.Describe(entry.Key), entry, resumed));
                }
                var conversionProgress = new SynchronousProgress<ConversionProgress>(p =>
                    progress?.Report(new S3ExportReading(p, written.Values.Sum(t => t.UploadedBytes))));
                var conversion = new ConversionOptions { TablePrefix = options.TablePrefix, Tables = baseNames };
                foreach (var output in ItemConverter.Convert(database, conversion, conversionProgress, cancellationToken))
                {
                    if (output.Problem is { } problem)
                    {
                        progress?.Report(new S3ExportProblemFound(problem));
                        continue;
                    }
                    var item = output.Item!;
                    if (current?.Table.TableName != item.TableName)
                    {
                        if (current is not null)
                        {
                            await current.FinishAsync(cancellationToken).ConfigureAwait(false);
                        }
                        current = new TableObjects(store, options, item.TableName, uploadedBefore, ObjectWritten);
                        written.Add(item.TableName, current);
                        manifest.Tables.Add(current.Table);
                    }
                    await current.AddAsync(item, cancellationToken).ConfigureAwait(false);
                }
                if (current is not null)
                {
                    await current.FinishAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                foreach (var table in written.Values)
                {
                    await table.DisposeAsync().ConfigureAwait(false);
                }
            }

            var produced = new HashSet<string>(written.Values.SelectMany(t => t.Table.Objects).Select(o => o.Key), StringComparer.Ordinal);
            var stale = existing.Where(k => !produced.Contains(k)).OrderBy(k => k, StringComparer.Ordinal).ToList();
            if (stale.Count > 0)
            {
                throw new S3ExportException(S3ExportProblem.ResumeMismatch, store.Describe(stale[0]),
                    $"{stale.Count:N0} objects under the tables' prefixes are no part of this export ({store.Describe(stale[0])} first); an import would read them too. Remove them, or export again to an empty key prefix.");
            }
            manifest.Complete = true;
            await SaveManifestAsync(manifest, manifestKey, cancellationToken).ConfigureAwait(false);
            return tableNames.Select(name => written.TryGetValue(name, out var table)
                ? Result(table.Table, table.ObjectsResumed, manifestKey)
                : Result(new ManifestTable { TableName = name, KeyPrefix = S3ExportOptions.TableKeyPrefix(options.KeyPrefix, name), Complete = true }, 0, manifestKey)).ToList();
        }

        private S3ExportResult Result(ManifestTable table, int resumed, string manifestKey) =>
            new S3ExportResult(table.TableName, options.BucketName, table.KeyPrefix, table.Items, table.Objects.Count, resumed,
                table.Objects.Sum(o => o.LineBytes), table.Objects.Sum(o => o.Bytes ?? 0), manifestKey);

        private async Task SaveManifestAsync(S3ExportManifest manifest, string key, CancellationToken cancellationToken)
        {
            manifest.Updated = DateTimeOffset.UtcNow;
            await store.PutAsync(key, manifest.ToJson(), "application/json", cancellationToken).ConfigureAwait(false);
        }

        private async Task<S3ExportManifest?> ReadManifestAsync(string key, CancellationToken cancellationToken)
        {
            var json = await store.GetAsync(key, cancellationToken).ConfigureAwait(false);
            if (json is null)
            {
                return null;
            }
            try
            {
                return S3ExportManifest.FromJson(json);
            }
            catch (FormatException ex)
            {
                throw new S3ExportException(S3ExportProblem.ResumeMismatch, store.Describe(key),
                    $"{store.Describe(key)} is not a manifest this module wrote ({ex.Message}). Give another -KeyPrefix.", ex);
            }
        }
    }
}
