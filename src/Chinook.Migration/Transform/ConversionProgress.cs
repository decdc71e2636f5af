namespace Chinook.Migration.Transform
{
    public enum ConversionStage { StepStarted, Reading, StepFinished }

    /// <summary>Where a conversion is: which source query it reads, how far, and how many items it has emitted.</summary>
    public sealed class ConversionProgress
    {
        public ConversionProgress(ConversionStage stage, int step, int stepCount, string sourceTable, string description,
            long rowsRead, long rowsTotal, long rowsReadOverall, long rowsTotalOverall, long itemsEmitted, long problems,
            string targetTable, long targetRowsRead, long targetRowsTotal)
        {
            TargetTable = targetTable;
            TargetRowsRead = targetRowsRead;
            TargetRowsTotal = targetRowsTotal;
            Stage = stage;
            Step = step;
            StepCount = stepCount;
            SourceTable = sourceTable;
            Description = description;
            RowsRead = rowsRead;
            RowsTotal = rowsTotal;
            RowsReadOverall = rowsReadOverall;
            RowsTotalOverall = rowsTotalOverall;
            ItemsEmitted = itemsEmitted;
            Problems = problems;
        }

        public ConversionStage Stage { get; }

        /// <summary>The current step (1-based) of <see cref="StepCount"/>; each step is one ordered source query.</summary>
        public int Step { get; }
        public int StepCount { get; }
        public string SourceTable { get; }

        /// <summary>What the step reads, e.g. "Track rows joined with Album, Artist, Genre and MediaType, in AlbumId, TrackId order".</summary>
        public string Description { get; }
        public long RowsRead { get; }
        public long RowsTotal { get; }
        public long RowsReadOverall { get; }
        public long RowsTotalOverall { get; }

        /// <summary>The target table (its name without prefix) that this step's items go to.</summary>
        public string TargetTable { get; }

        /// <summary>Rows read so far by all the steps whose items go to <see cref="TargetTable"/>.</summary>
        public long TargetRowsRead { get; }

        /// <summary>Rows all the steps whose items go to <see cref="TargetTable"/> read in all.</summary>
        public long TargetRowsTotal { get; }

        /// <summary>Items emitted so far, over all steps.</summary>
        public long ItemsEmitted { get; }

        /// <summary>Warnings and errors so far, over all steps.</summary>
        public long Problems { get; }

        public int PercentComplete => RowsTotalOverall == 0 ? 100 : (int)(100 * RowsReadOverall / RowsTotalOverall);
    }
}
