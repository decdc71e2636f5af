using System;
using System.Collections.Generic;
using System.Linq;
using Chinook.Migration.Items;

namespace Chinook.Migration.Validation
{
    /// <summary>What to validate and how hard to read. Nothing set means every kind of check with the defaults.</summary>
    public sealed class ValidationOptions
    {
        public const int DefaultIterations = 20;
        public const int DefaultFailingKeyCount = 5;
        public const int DefaultScanSegments = 4;
        public const int DefaultMaxConcurrency = 4;

        /// <summary>Prepended to the four table names (for example "dev-").</summary>
        public string? TablePrefix { get; set; }

        /// <summary>The kinds of check to run; null or empty means all.</summary>
        public IReadOnlyCollection<ValidationKind>? Kinds { get; set; }

        /// <summary>Timed calls of each access pattern, after one untimed call that checks the answer.</summary>
        public int Iterations { get; set; } = DefaultIterations;

        /// <summary>How many keys of differing rows or items a failed check names.</summary>
        public int FailingKeyCount { get; set; } = DefaultFailingKeyCount;

        /// <summary>Parallel Scan segments per table.</summary>
        public int ScanSegments { get; set; } = DefaultScanSegments;

        /// <summary>DynamoDB calls in flight at once while scanning.</summary>
        public int MaxConcurrency { get; set; } = DefaultMaxConcurrency;

        public bool Runs(ValidationKind kind) => Kinds is null || Kinds.Count == 0 || Kinds.Contains(kind);

        /// <summary>Throws ArgumentException naming the setting that is out of range.</summary>
        public void Validate()
        {
            TableNames.ValidatePrefix(TablePrefix);
            Require(Iterations >= 1 && Iterations <= 100_000, nameof(Iterations), "from 1 to 100,000");
            Require(FailingKeyCount >= 0, nameof(FailingKeyCount), "0 or more");
            Require(ScanSegments >= 1 && ScanSegments <= 1_000_000, nameof(ScanSegments), "from 1 to 1,000,000");
            Require(MaxConcurrency >= 1, nameof(MaxConcurrency), "1 or more");
            var unknown = (Kinds ?? Array.Empty<ValidationKind>()).Where(k => !Enum.IsDefined(typeof(ValidationKind), k)).ToList();
            Require(unknown.Count == 0, nameof(Kinds), string.Join(", ", Enum.GetNames(typeof(ValidationKind))));
        }

        private static void Require(bool condition, string name, string allowed)
        {
            if (!condition)
            {
                throw new ArgumentException($"{name} must be {allowed}.", name);
            }
        }
    }
}
