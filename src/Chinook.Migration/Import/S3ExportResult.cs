namespace Chinook.Migration.Import
{
    /// <summary>One table's export to S3: where its objects are, and what an import of them will read.</summary>
    public sealed class S3ExportResult
    {
        public S3ExportResult(string tableName, string bucketName, string keyPrefix, long items, int objects, int objectsResumed,
            long lineBytes, long bytes, string manifestKey)
        {
            TableName = tableName;
            BucketName = bucketName;
            KeyPrefix = keyPrefix;
            Items = items;
            Objects = objects;
            ObjectsResumed = objectsResumed;
            LineBytes = lineBytes;
            Bytes = bytes;
            ManifestKey = manifestKey;
        }

        public string TableName { get; }
        public string BucketName { get; }

        /// <summary>The table's prefix, &lt;KeyPrefix&gt;&lt;TableName&gt;/: what Import-ChinookFromS3 gives ImportTable as S3KeyPrefix.</summary>
        public string KeyPrefix { get; }

        public long Items { get; }
        public int Objects { get; }

        /// <summary>Objects a stopped export had uploaded, checked and not sent again.</summary>
        public int ObjectsResumed { get; }

        /// <summary>The DynamoDB JSON before gzip: what an import bills by.</summary>
        public long LineBytes { get; }

        /// <summary>The bytes stored in S3, after gzip.</summary>
        public long Bytes { get; }

        public string ManifestKey { get; }

        public string Address => $"s3://{BucketName}/{KeyPrefix}";
    }
}
