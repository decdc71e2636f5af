using System.Linq;
using System.Text.Json;
using System.Threading;

namespace Chinook.FaultProxy
{
    /// <summary>What the proxy did, so that a test can assert that its faults really happened.</summary>
    internal sealed class ProxyStatistics
    {
        private readonly long[] faults = new long[FaultKinds.All.Count];
        private long requests;
        private long forwarded;
        private long withheldItems;
        private long upstreamFailures;
        private long answeredWrites;
        private long overBudget;

        public void Request() => Interlocked.Increment(ref requests);

        public void Forwarded() => Interlocked.Increment(ref forwarded);

        public void Fault(FaultKind kind) => Interlocked.Increment(ref faults[(int)kind]);

        public void Withheld(int items) => Interlocked.Add(ref withheldItems, items);

        public void UpstreamFailure() => Interlocked.Increment(ref upstreamFailures);

        public void Answered() => Interlocked.Increment(ref answeredWrites);

        public void OverBudget() => Interlocked.Increment(ref overBudget);

        public string ToJson(WriteBudget? budget = null) => JsonSerializer.Serialize(new
        {
            requests = Interlocked.Read(ref requests),
            forwarded = Interlocked.Read(ref forwarded),
            faults = FaultKinds.All.ToDictionary(FaultKinds.Name, kind => Interlocked.Read(ref faults[(int)kind])),
            totalFaults = faults.Sum(),
            withheldItems = Interlocked.Read(ref withheldItems),
            upstreamFailures = Interlocked.Read(ref upstreamFailures),
            answeredWrites = Interlocked.Read(ref answeredWrites),
            overBudget = Interlocked.Read(ref overBudget),
            budget = budget?.ToJson(),
        });
    }
}
