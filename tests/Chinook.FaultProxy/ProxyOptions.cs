using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Chinook.FaultProxy
{
    /// <summary>The command line of the proxy, checked before anything listens.</summary>
    internal sealed class ProxyOptions
    {
        public const string Usage = @"Chinook.FaultProxy: a loopback HTTP proxy to a local DynamoDB that injects faults and delay.

  --upstream URL            where requests go, e.g. http://127.0.0.1:8000 (required)
  --port N                  loopback port to listen on; 0 (default) picks a free one
  --delay-ms N              added to every round trip, as a real region would (default 0)
  --fault-rate R            share of requests that get a fault, 0..1 (default 0)
  --faults LIST             comma-separated kinds to choose from (default all):
                            throttle, throttling, 500, 503, unprocessed, timeout, drop
  --fault-only-targets LIST only requests whose X-Amz-Target action is listed, e.g. BatchWriteItem,Query
  --max-faults N            stop injecting after N faults in all
  --forever                 fault every request that can be faulted (rate 1, no maximum)
  --timeout-hold-ms N       how long 'timeout' holds the answer (default 10000)
  --seed N                  seed of the fault choices (default 1)
  --answer-writes           answer every BatchWriteItem itself (after the delay): all processed, nothing
                            stored; every other call still goes upstream
  --write-budget SCHEDULE   write units per second per table, e.g. 1500, or 0:1500,15:750,30:1500 (seconds
                            from the first write): a BatchWriteItem beyond it gets ThrottlingException, and
                            DescribeTable reports the first rate as the table's provisioned write capacity
  --exit-on-stdin-close     stop when standard input closes (ties the proxy's life to its starter)

GET /__stats answers the counts of requests and injected faults (and the budget's seconds) as JSON; they are printed on exit too.
Stops on Ctrl+C or SIGTERM.";

        public Uri Upstream { get; private set; } = null!;
        public int Port { get; private set; }
        public int DelayMilliseconds { get; private set; }
        public double FaultRate { get; private set; }
        public IReadOnlyList<FaultKind> Faults { get; private set; } = FaultKinds.All;
        /// <summary>Actions (BatchWriteItem, ...) that may be faulted; null means every action.</summary>
        public IReadOnlyCollection<string>? FaultOnlyTargets { get; private set; }
        public long? MaxFaults { get; private set; }
        public int TimeoutHoldMilliseconds { get; private set; } = 10000;
        public int Seed { get; private set; } = 1;
        public bool ExitOnStdinClose { get; private set; }
        public bool AnswerWrites { get; private set; }
        /// <summary>Write units per second per table from a second on; null for no budget.</summary>
        public IReadOnlyList<(double AtSecond, double UnitsPerSecond)>? WriteBudget { get; private set; }

        /// <summary>Throws ArgumentException with a message for the user when the command line is wrong.</summary>
        public static ProxyOptions Parse(IReadOnlyList<string> args)
        {
            var options = new ProxyOptions();
            var forever = false;
            for (var i = 0; i < args.Count; i++)
            {
                var name = args[i];
                string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
                switch (name)
                {
                    case "--upstream": options.Upstream = ParseUpstream(Value()); break;
                    case "--port": options.Port = ParseInt(name, Value(), 0, 65535); break;
                    case "--delay-ms": options.DelayMilliseconds = ParseInt(name, Value(), 0, 600_000); break;
                    case "--fault-rate": options.FaultRate = ParseRate(Value()); break;
                    case "--faults": options.Faults = ParseFaults(Value()); break;
                    case "--fault-only-targets": options.FaultOnlyTargets = ParseList(name, Value()).ToHashSet(StringComparer.Ordinal); break;
                    case "--max-faults": options.MaxFaults = ParseInt(name, Value(), 0, int.MaxValue); break;
                    case "--forever": forever = true; break;
                    case "--timeout-hold-ms": options.TimeoutHoldMilliseconds = ParseInt(name, Value(), 0, 600_000); break;
                    case "--seed": options.Seed = ParseInt(name, Value(), int.MinValue, int.MaxValue); break;
                    case "--exit-on-stdin-close": options.ExitOnStdinClose = true; break;
                    case "--answer-writes": options.AnswerWrites = true; break;
                    case "--write-budget": options.WriteBudget = FaultProxy.WriteBudget.ParseSchedule(Value()); break;
                    default: throw new ArgumentException($"Unknown option '{name}'.");
                }
            }
            if (options.Upstream is null)
            {
                throw new ArgumentException("--upstream is required.");
            }
            if (forever)
            {
                if (options.MaxFaults.HasValue)
                {
                    throw new ArgumentException("--forever and --max-faults contradict each other.");
                }
                options.FaultRate = 1.0;
            }
            return options;
        }

        private static Uri ParseUpstream(string value)
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.PathAndQuery != "/")
            {
                throw new ArgumentException($"--upstream must be an http URL without a path, such as http://127.0.0.1:8000; got '{value}'.");
            }
            return uri;
        }

        private static int ParseInt(string name, string value, int min, int max)
        {
            if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
            {
                throw new ArgumentException($"{name} must be a whole number from {min} to {max}; got '{value}'.");
            }
            return number;
        }

        private static double ParseRate(string value)
        {
            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || !(rate >= 0 && rate <= 1))
            {
                throw new ArgumentException($"--fault-rate must be a number from 0 to 1; got '{value}'.");
            }
            return rate;
        }

        private static IReadOnlyList<FaultKind> ParseFaults(string value)
        {
            var kinds = new List<FaultKind>();
            foreach (var name in ParseList("--faults", value))
            {
                if (!FaultKinds.TryParse(name, out var kind))
                {
                    throw new ArgumentException($"Unknown fault '{name}'; the faults are {string.Join(", ", FaultKinds.Names)}.");
                }
                if (!kinds.Contains(kind))
                {
                    kinds.Add(kind);
                }
            }
            return kinds;
        }

        private static string[] ParseList(string name, string value)
        {
            var items = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return items.Length > 0 ? items : throw new ArgumentException($"{name} needs at least one name.");
        }
    }
}
