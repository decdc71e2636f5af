using System;
using Chinook.Migration.Items;

namespace Chinook.Migration.Import
{
    /// <summary>Where an export to S3 goes and how its objects are cut.</summary>
    public sealed class S3ExportOptions
    {
        /// <summary>S3's smallest part but the last is 5 MB; 8 MB parts keep a 100 GB object within its 10,000 parts.</summary>
        public const int DefaultPartSizeBytes = 8 * 1024 * 1024;

        /// <summary>
        /// AWS advises import objects of up to a few million small items; a million keeps each within a few
        /// hundred MB before gzip, so an import has several objects per table to read in parallel.
        /// </summary>
        public const int DefaultMaxItemsPerObject = 1_000_000;

        /// <summary>Objects written at once per table: each takes a share of the partition keys, so each import worker meets many.</summary>
        public const int DefaultObjectsPerTable = 4;

        /// <summary>The shuffle window per object: lines held and sent out in a random order, so items of one partition key are spread apart.</summary>
        public const int DefaultShuffleWindowBytes = 1024 * 1024;

        public string BucketName { get; set; } = string.Empty;

        /// <summary>Put before every key: p/ gives p/manifest.json and p/&lt;TableName&gt;/...; empty for the bucket's root.</summary>
        public string KeyPrefix { get; set; } = string.Empty;

        public string? TablePrefix { get; set; }

        /// <summary>Goes on from the manifest of a stopped export: objects it lists are checked, not uploaded again.</summary>
        public bool Resume { get; set; }

        internal int PartSizeBytes { get; set; } = DefaultPartSizeBytes;
        internal int MaxItemsPerObject { get; set; } = DefaultMaxItemsPerObject;
        internal int ObjectsPerTable { get; set; } = DefaultObjectsPerTable;
        internal int ShuffleWindowBytes { get; set; } = DefaultShuffleWindowBytes;

        /// <summary>The prefix all of one table's objects lie under: the S3KeyPrefix of its import.</summary>
        public static string TableKeyPrefix(string keyPrefix, string tableName) => keyPrefix + tableName + "/";

        public static string ManifestKey(string keyPrefix) => keyPrefix + S3ExportManifest.FileName;

        /// <summary>An object's or prefix's address as the AWS CLI writes it: s3://bucket/key.</summary>
        public static string Address(string bucketName, string key) => $"s3://{bucketName}/{key}";

        /// <summary>The address of a table's prefix, s3://bucket/p/dev-MusicCatalog/, for ShouldProcess and messages.</summary>
        public string TableAddress(string baseName) => Address(BucketName, TableKeyPrefix(KeyPrefix, TableNames.Qualify(TablePrefix, baseName)));

        /// <exception cref="ArgumentException">A bucket name or key prefix S3 would refuse, or an import could not use.</exception>
        public void Validate()
        {
            if (string.IsNullOrWhiteSpace(BucketName))
            {
                throw new ArgumentException("A bucket name is needed.", nameof(BucketName));
            }
            if (KeyPrefix.StartsWith("/", StringComparison.Ordinal))
            {
                throw new ArgumentException($"The key prefix '{KeyPrefix}' starts with '/': S3 keys have no leading slash (give p/, not /p/).", nameof(KeyPrefix));
            }
            if (KeyPrefix.Length > 0 && !KeyPrefix.EndsWith("/", StringComparison.Ordinal))
            {
                throw new ArgumentException($"The key prefix '{KeyPrefix}' does not end with '/': give it as a folder, such as {KeyPrefix}/.", nameof(KeyPrefix));
            }
        }
    }
}
