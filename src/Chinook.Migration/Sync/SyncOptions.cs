using Chinook.Migration.Target.Writing;

namespace Chinook.Migration.Sync
{
    /// <summary>Where a sync writes and how: the tables' prefix, the writer's settings, how the target is scanned.</summary>
    public sealed record SyncOptions
    {
        /// <summary>Keys of each kind of change that a table's result names (the counts are always complete).</summary>
        public const int KeysKept = 1_000;

        public string? TablePrefix { get; init; }

        public BatchWriterOptions Writer { get; init; } = new BatchWriterOptions();

        /// <summary>The endpoint or region, for messages; never a credential.</summary>
        public string Target { get; init; } = string.Empty;

        public int ScanSegments { get; init; } = 4;

        public int ScanConcurrency { get; init; } = 4;

        /// <summary>Where the temporary file of the target's fingerprints goes; the system's temporary folder when null.</summary>
        public string? ScratchFolder { get; init; }
    }
}
