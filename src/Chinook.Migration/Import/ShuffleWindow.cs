using System;
using System.Collections.Generic;

namespace Chinook.Migration.Import
{
    /// <summary>
    /// Holds lines up to a byte budget and lets them go in a random order, so the items of one partition key (an
    /// artist's tracks, a customer's orders), which the source yields together, reach an import spread apart.
    /// Seeded: the same lines come out in the same order on every run, which -Resume relies on.
    /// </summary>
    internal sealed class ShuffleWindow
    {
        private readonly List<byte[]> held = new List<byte[]>();
        private readonly Random random;
        private readonly int budgetBytes;
        private int heldBytes;

        public ShuffleWindow(int budgetBytes, int seed)
        {
            this.budgetBytes = budgetBytes;
            random = new Random(seed);
        }

        /// <summary>Takes a line; gives back the lines that leave the window to stay within its budget.</summary>
        public IEnumerable<byte[]> Add(byte[] line)
        {
            held.Add(line);
            heldBytes += line.Length;
            while (heldBytes > budgetBytes && held.Count > 1)
            {
                yield return TakeRandom();
            }
        }

        /// <summary>Every line still held, in a random order.</summary>
        public IEnumerable<byte[]> Drain()
        {
            while (held.Count > 0)
            {
                yield return TakeRandom();
            }
        }

        private byte[] TakeRandom()
        {
            var index = random.Next(held.Count);
            var line = held[index];
            held[index] = held[held.Count - 1];
            held.RemoveAt(held.Count - 1);
            heldBytes -= line.Length;
            return line;
        }
    }
}
