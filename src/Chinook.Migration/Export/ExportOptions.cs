using Chinook.Migration.Target.Writing;

namespace Chinook.Migration.Export
{
    /// <summary>What an <see cref="ExportRun"/> writes where, and whether it continues from a checkpoint.</summary>
    public sealed record ExportOptions
    {
        public BatchWriterOptions Writer { get; init; } = new BatchWriterOptions();

        /// <summary>Put before every table name; pipeline items must carry it already (or none).</summary>
        public string? TablePrefix { get; init; }

        /// <summary>The endpoint or region written to, part of a checkpoint's identity; never a credential.</summary>
        public string Target { get; init; } = string.Empty;

        /// <summary>For a database: skip the items the checkpoint says are settled.</summary>
        public bool Resume { get; init; }

        /// <summary>For a database: where progress is recorded; null for the default place of this source and target.</summary>
        public string? CheckpointPath { get; init; }

        /// <summary>For a database without <see cref="CheckpointPath"/>: the folder of its checkpoint; null for CHINOOK_CHECKPOINT_FOLDER or the user's data folder.</summary>
        public string? CheckpointFolder { get; init; }

        /// <summary>False for a dry run (-WhatIf), which writes nothing, not even a new checkpoint.</summary>
        public bool SaveCheckpoint { get; init; } = true;
    }
}
