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
    /// Runs an access pattern: one untimed call whose answer is compared with the source fact by fact, then
    /// <c>iterations</c> timed calls one after another (latency, not throughput, is measured), held against the
    /// user's target for that kind of read.
    /// </summary>
    public static class AccessPatternCheck
    {
        public static async Task<ValidationResult> RunAsync(AccessProbe probe, int iterations, int failingKeyCount, CancellationToken cancellationToken)
        {
            if (probe.Read is null)
            {
                return new ValidationResult(ValidationKind.AccessPattern, probe.Check, probe.Entity, true, 0, 0, probe.Subject + "; nothing to read.");
            }
            ProbeAnswer answer;
            try
            {
                answer = await probe.Read(cancellationToken).ConfigureAwait(false);
            }
            // The table or index is missing, or an item is not what the migration writes: this read fails, the others go on.
            catch (Exception ex) when (ex is InvalidDataException || ex is DynamoOperationException { Problem: DynamoProblem.NotFound or DynamoProblem.InvalidRequest })
            {
                return new ValidationResult(ValidationKind.AccessPattern, probe.Check, probe.Entity, false, probe.Expected.Count, 0,
                    $"{probe.Subject}: the read failed: {ex.Message}");
            }
            var (agreeing, findings) = Compare(probe.Expected, answer.Facts, failingKeyCount);
            var samples = new List<double>(iterations);
            for (var i = 0; i < iterations; i++)
            {
                var watch = Stopwatch.StartNew();
                await probe.Read(cancellationToken).ConfigureAwait(false);
                samples.Add(watch.Elapsed.TotalMilliseconds);
            }
            var latency = LatencyMeasurement.Of(samples, LatencyTargets.For(probe.Shape, answer.Items));
            var correct = findings.Total == 0;
            var answerText = correct
                ? $"{probe.Subject}, as the source says"
                : $"{probe.Subject}: {Discrepancies.Count(agreeing)} of {Discrepancies.Count(probe.Expected.Count)} facts agree with the source; {findings.Summary()}";
            return new ValidationResult(ValidationKind.AccessPattern, probe.Check, probe.Entity, correct && latency.WithinTarget, probe.Expected.Count, agreeing,
                $"{answerText}. {LatencyText(latency, probe.Shape, answer.Items)}", correct ? null : findings.Keys, latency);
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
