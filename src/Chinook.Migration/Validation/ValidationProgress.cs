namespace Chinook.Migration.Validation
{
    public enum ValidationPhase
    {
        /// <summary>Reading every item of the target tables.</summary>
        Scanning,

        /// <summary>Reading a source table and comparing it with the rows rebuilt from the target.</summary>
        ComparingRows,

        /// <summary>Converting the source to items and comparing them with the target's.</summary>
        ComparingItems,

        /// <summary>Following references through the target.</summary>
        FollowingReferences,

        /// <summary>Calling an access pattern and timing it.</summary>
        MeasuringAccessPatterns,
    }

    /// <summary>Where a validation is: the phase, the step of all steps, and what it is doing now.</summary>
    public sealed class ValidationProgress
    {
        public ValidationProgress(ValidationPhase phase, int step, int stepCount, string status, bool stepStarted, long itemsRead)
        {
            Phase = phase;
            Step = step;
            StepCount = stepCount;
            Status = status;
            StepStarted = stepStarted;
            ItemsRead = itemsRead;
        }

        public ValidationPhase Phase { get; }

        /// <summary>The current step (1-based) of <see cref="StepCount"/>.</summary>
        public int Step { get; }
        public int StepCount { get; }

        /// <summary>A sentence on what happens: "Scanning MusicCatalog: 1,200 items read".</summary>
        public string Status { get; }

        /// <summary>True for the first report of a step, whose status says what the step will do.</summary>
        public bool StepStarted { get; }

        /// <summary>Items read from the target so far.</summary>
        public long ItemsRead { get; }

        public int PercentComplete => StepCount == 0 ? 100 : 100 * (Step - 1) / StepCount;
    }
}
