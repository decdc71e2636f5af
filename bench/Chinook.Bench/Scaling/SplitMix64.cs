namespace Chinook.Bench.Scaling
{
    /// <summary>
    /// A small, fully specified pseudo-random generator (SplitMix64). System.Random's seeded sequence is not
    /// promised to stay the same across .NET versions; this one is, so a seed names the same database forever.
    /// </summary>
    public sealed class SplitMix64
    {
        private ulong _state;

        public SplitMix64(ulong seed)
        {
            _state = seed;
        }

        /// <summary>An independent stream for one part of the work, so the order of the work does not matter.</summary>
        public static SplitMix64 For(long seed, params long[] path)
        {
            var state = (ulong)seed;
            foreach (var step in path)
            {
                state = Mix(state ^ Mix((ulong)step + 0x9E3779B97F4A7C15UL));
            }
            return new SplitMix64(state);
        }

        public ulong NextUInt64()
        {
            _state += 0x9E3779B97F4A7C15UL;
            return Mix(_state);
        }

        /// <summary>A whole number in [0, exclusiveMax), without modulo bias worth measuring for small ranges.</summary>
        public int Next(int exclusiveMax) => (int)((NextUInt64() >> 33) * (ulong)exclusiveMax >> 31);

        private static ulong Mix(ulong z)
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
