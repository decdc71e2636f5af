using System;

namespace Chinook.Migration.Import
{
    /// <summary>Where ImportTable reads a table's objects, and how often the wait asks DescribeImport.</summary>
    public sealed class TableImportOptions
    {
        public string BucketName { get; set; } = string.Empty;

        /// <summary>The key prefix Export-ChinookToS3 was given; each table reads &lt;KeyPrefix&gt;&lt;TableName&gt;/.</summary>
        public string KeyPrefix { get; set; } = string.Empty;

        /// <summary>The first pause between two DescribeImport calls; it doubles up to <see cref="MaxPollInterval"/>.</summary>
        public TimeSpan FirstPollInterval { get; set; } = TimeSpan.FromSeconds(2);

        /// <summary>An import takes minutes at the least; DescribeImport more often than this only spends its rate limit.</summary>
        public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(15);
    }
}
