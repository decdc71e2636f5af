using System;
using System.Collections.Generic;
using System.Linq;

namespace Chinook.FaultProxy
{
    /// <summary>The faults a DynamoDB client meets on the way to a real table.</summary>
    internal enum FaultKind
    {
        /// <summary>HTTP 400 ProvisionedThroughputExceededException; not forwarded.</summary>
        Throttle,
        /// <summary>HTTP 400 ThrottlingException; not forwarded.</summary>
        Throttling,
        /// <summary>HTTP 500 InternalServerError; not forwarded.</summary>
        InternalServerError,
        /// <summary>HTTP 503 ServiceUnavailable; not forwarded.</summary>
        ServiceUnavailable,
        /// <summary>BatchWriteItem only: part of the batch is forwarded, the rest comes back as UnprocessedItems.</summary>
        Unprocessed,
        /// <summary>Forwarded (so the write happens), but the answer is held past the client's timeout.</summary>
        Timeout,
        /// <summary>The connection is closed without an answer; not forwarded.</summary>
        Drop,
    }

    internal static class FaultKinds
    {
        private static readonly Dictionary<string, FaultKind> ByName = new Dictionary<string, FaultKind>(StringComparer.OrdinalIgnoreCase)
        {
            ["throttle"] = FaultKind.Throttle,
            ["throttling"] = FaultKind.Throttling,
            ["500"] = FaultKind.InternalServerError,
            ["503"] = FaultKind.ServiceUnavailable,
            ["unprocessed"] = FaultKind.Unprocessed,
            ["timeout"] = FaultKind.Timeout,
            ["drop"] = FaultKind.Drop,
        };

        public static IReadOnlyList<FaultKind> All { get; } = (FaultKind[])Enum.GetValues(typeof(FaultKind));

        /// <summary>The name used on the command line and in the statistics.</summary>
        public static string Name(FaultKind kind) => ByName.First(pair => pair.Value == kind).Key;

        public static IEnumerable<string> Names => ByName.Keys;

        public static bool TryParse(string name, out FaultKind kind) => ByName.TryGetValue(name.Trim(), out kind);
    }
}
