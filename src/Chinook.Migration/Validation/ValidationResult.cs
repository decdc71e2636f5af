using System;
using System.Collections.Generic;

namespace Chinook.Migration.Validation
{
    /// <summary>What a validation check looks at.</summary>
    public enum ValidationKind
    {
        /// <summary>The rows of a source table, counted in the source and rebuilt from every item of the target.</summary>
        RecordCount,

        /// <summary>Rows compared field by field, and items compared attribute by attribute.</summary>
        DataIntegrity,

        /// <summary>References between entities resolve in the target, and the names copied along them agree.</summary>
        Relationship,

        /// <summary>A read the tables are designed for: its answer against the source.</summary>
        AccessPattern,

        /// <summary>The same read timed: p50, p95 and p99 over many calls against the user's latency target.</summary>
        Latency,
    }

    /// <summary>
    /// The outcome of one validation check. A failure is a result with <see cref="Passed"/> false, never an
    /// exception, so a script can filter on it. <see cref="Expected"/> is what the source says should be there
    /// (rows, items, references, items of an answer); <see cref="Actual"/> how many of those the target has right
    /// (for a record count: how many rows the target holds).
    /// </summary>
    public sealed class ValidationResult
    {
        public ValidationResult(ValidationKind kind, string check, string entity, bool passed, long expected, long actual,
            string message, IReadOnlyList<string>? failingKeys = null, LatencyMeasurement? latency = null)
        {
            Kind = kind;
            Check = check;
            Entity = entity;
            Passed = passed;
            Expected = expected;
            Actual = actual;
            Message = message;
            FailingKeys = failingKeys ?? Array.Empty<string>();
            if (latency is not null)
            {
                Iterations = latency.Iterations;
                P50Ms = latency.P50Ms;
                P95Ms = latency.P95Ms;
                P99Ms = latency.P99Ms;
                TargetMs = latency.TargetMs;
            }
        }

        public ValidationKind Kind { get; }

        /// <summary>The check's name, for example "Track rows" or "Tracks of a genre (GSI2-GenreSearch)".</summary>
        public string Check { get; }

        /// <summary>The source table (Track, InvoiceLine, ...) or target table (MusicCatalog, ...) checked.</summary>
        public string Entity { get; }

        public bool Passed { get; }
        public long Expected { get; }
        public long Actual { get; }

        /// <summary>One or two sentences: what was compared and, for a failure, what differs first.</summary>
        public string Message { get; }

        /// <summary>
        /// The keys of the first differing rows ("TrackId=5", "PlaylistId=1, TrackId=3") or items
        /// ("PK=ALBUM#1, SK=TRACK#5"), at most as many as the validation was asked for; empty when the check passed.
        /// </summary>
        public IReadOnlyList<string> FailingKeys { get; }

        /// <summary>Timed calls of an access pattern (Latency results); null for the other kinds.</summary>
        public int? Iterations { get; }

        /// <summary>Latency percentiles in milliseconds (nearest rank over <see cref="Iterations"/> calls); null for the other kinds.</summary>
        public double? P50Ms { get; }
        public double? P95Ms { get; }
        public double? P99Ms { get; }

        /// <summary>The user's latency target for this kind of read, which p95 must stay under; null when the read has none.</summary>
        public double? TargetMs { get; }

        public override string ToString() => $"{(Passed ? "Passed" : "FAILED")} {Kind} {Check}: {Message}";
    }
}
