using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Chinook.Migration.Target;

namespace Chinook.Migration.Validation
{
    /// <summary>
    /// Runs an access pattern: one untimed call whose answer is compared with the source fact by fact (an
    /// AccessPattern result), then <c>iterations</c> timed calls one after another (latency, not throughput, is
    /// measured), held against the user's target for that kind of read (a Latency result). A slow answer is not
    /// lost data: the two pass or fail apart.
    /// </summary>
    public static class AccessPatternCheck
    {
        /// <param name="iterations">Timed calls; 0 measures no latency, and the Latency result is null.</param>
        public static async Task<(ValidationResult Answer, ValidationResult? Latency)> RunAsync(AccessProbe probe, int iterations, int failingKeyCount,
            CancellationToken cancellationToken)
        {
            if (probe.Read is null)
            {
                var nothing = probe.Subject + "; nothing to read.";
                return (new ValidationResult(ValidationKind.AccessPattern, probe.Check, probe.Entity, true, 0, 0, nothing),
                    iterations > 0 ? new ValidationResult(ValidationKind.Latency, probe.Check, probe.Entity, true, 0, 0, nothing) : null);
            }
            ProbeAnswer answer;
            try
            {
                answer = await probe.Read(cancellationToken).ConfigureAwait(false);
            }
            // The table or index is missing, or an item is not what the migration writes: this read fails, the others go on.
            catch (Exception ex) when (ex is InvalidDataException || ex is DynamoOperationException { Problem: DynamoProblem.NotFound or DynamoProblem.InvalidRequest })
            {
                var failed = $"{probe.Subject}: the read failed: {ex.Message}";
                return (new ValidationResult(ValidationKind.AccessPattern, probe.Check, probe.Entity, false, probe.Expected.Count, 0, failed),
                    iterations > 0 ? new ValidationResult(ValidationKind.Latency, probe.Check, probe.Entity, false, iterations, 0, failed + " No latency measured.") : null);
            }
            var (agreeing, findings) = Compare(probe.Expected, answer.Facts, failingKeyCount);
            var correct = findings.Total == 0;
            var answerResult = new ValidationResult(ValidationKind.AccessPattern, probe.Check, probe.Entity, correct, probe.Expected.Count, agreeing,
                correct
                    ? $"{probe.Subject}, as the source says."
                    : $"{probe.Subject}: {Discrepancies.Count(agreeing)} of {Discrepancies.Count(probe.Expected.Count)} facts agree with the source; {findings.Summary()}.",
                correct ? null : findings.Keys);
            if (iterations == 0)
            {
                return (answerResult, null);
            }
            var samples = new List<double>(iterations);
            for (var i = 0; i < iterations; i++)
            {
                var watch = Stopwatch.StartNew();
                await probe.Read(cancellationToken).ConfigureAwait(false);
                samples.Add(watch.Elapsed.TotalMilliseconds);
            }
            var latency = LatencyMeasurement.Of(samples, LatencyTargets.For(probe.Shape, answer.Items));
            var underTarget = latency.TargetMs is double target ? samples.Count(s => s < target) : samples.Count;
            return (answerResult, new ValidationResult(ValidationKind.Latency, probe.Check, probe.Entity, latency.WithinTarget, iterations, underTarget,
                $"{probe.Subject}: {LatencyText(latency, probe.Shape, answer.Items)}", null, latency));
        }

        /// <summary>The answer's facts against the source's, by key: missing, differing, returned twice, not in the source.</summary>
        internal static (long Agreeing, Discrepancies Findings) Compare(IReadOnlyList<AnswerFact> expected, IReadOnlyList<AnswerFact> actual, int failingKeyCount)
        {
            var findings = new Discrepancies(failingKeyCount);
            var answered = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var fact in actual)
            {
                if (answered.ContainsKey(fact.Key))
                {
                    findings.Add("returned twice", fact.Key, fact.Key);
                    continue;
                }
                answered.Add(fact.Key, fact.Value);
            }
            long agreeing = 0;
            var known = new HashSet<string>(StringComparer.Ordinal);
            foreach (var fact in expected)
            {
                known.Add(fact.Key);
                if (!answered.TryGetValue(fact.Key, out var value))
                {
                    findings.Add("missing", fact.Key, fact.Key);
                }
                else if (!string.Equals(fact.Value, value, StringComparison.Ordinal))
                {
                    findings.Add("differing", fact.Key, $"{fact.Key}: {fact.Value} in the source, {value} in the answer");
                }
                else
                {
                    agreeing++;
                }
            }
            foreach (var fact in actual.Where(f => !known.Contains(f.Key)).Select(f => f.Key).Distinct())
            {
                findings.Add("not in the source", fact, fact);
            }
            return (agreeing, findings);
        }

        private static string LatencyText(LatencyMeasurement latency, ReadShape shape, int items)
        {
            var percentiles = string.Format(CultureInfo.InvariantCulture, "p50 {0:0.0} ms, p95 {1:0.0} ms, p99 {2:0.0} ms over {3} calls",
                latency.P50Ms, latency.P95Ms, latency.P99Ms, latency.Iterations);
            if (latency.TargetMs is not double target)
            {
                return $"{percentiles}; no latency target for an answer of {LatencyTargets.SmallQueryItemLimit} items or more ({Discrepancies.Count(items)}).";
            }
            var read = shape switch
            {
                ReadShape.SingleItem => "a single-item read",
                ReadShape.BatchRead => "a batch read",
                _ => $"a query of fewer than {LatencyTargets.SmallQueryItemLimit} items",
            };
            return string.Format(CultureInfo.InvariantCulture, "{0}; p95 is {1} the {2} ms target for {3}.",
                percentiles, latency.WithinTarget ? "under" : "NOT under", target, read);
        }
    }
}
