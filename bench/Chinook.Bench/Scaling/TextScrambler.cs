using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Chinook.Bench.Scaling
{
    /// <summary>
    /// Makes new text of the same shape as a source value: every letter and digit is replaced by a random one
    /// of the same kind (an ASCII capital by an ASCII capital, a non-ASCII lower-case letter by one of the
    /// source's own non-ASCII lower-case letters with the same UTF-8 length, ...), everything else (spaces,
    /// punctuation, '@', '.') is kept. So lengths in characters and in UTF-8 bytes, word shapes and the share
    /// of non-ASCII text stay exactly those of the source.
    /// </summary>
    public sealed class TextScrambler
    {
        private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        private const string Lower = "abcdefghijklmnopqrstuvwxyz";
        private const string Digits = "0123456789";

        private readonly Dictionary<(UnicodeCategory, int), char[]> _nonAsciiPools;

        public TextScrambler(IEnumerable<string> sourceTexts)
        {
            // Sorted so that the pools, and with them every generated value, do not depend on hash order.
            _nonAsciiPools = sourceTexts
                .SelectMany(t => t)
                .Where(c => c > 127 && char.IsLetter(c) && !char.IsSurrogate(c))
                .Distinct()
                .OrderBy(c => c)
                .GroupBy(c => (char.GetUnicodeCategory(c), Encoding.UTF8.GetByteCount(new[] { c })))
                .ToDictionary(g => g.Key, g => g.ToArray());
        }

        public string Scramble(string value, SplitMix64 random)
        {
            return string.Create(value.Length, (value, random, this), static (span, state) =>
            {
                var (source, rng, self) = state;
                for (var i = 0; i < source.Length; i++)
                {
                    span[i] = self.Replace(source[i], rng);
                }
            });
        }

        private char Replace(char c, SplitMix64 random)
        {
            if (c <= 127)
            {
                if (c >= 'A' && c <= 'Z') return Upper[random.Next(Upper.Length)];
                if (c >= 'a' && c <= 'z') return Lower[random.Next(Lower.Length)];
                if (c >= '0' && c <= '9') return Digits[random.Next(Digits.Length)];
                return c;
            }
            if (char.IsSurrogate(c) || !char.IsLetter(c))
            {
                return c;
            }
            var pool = _nonAsciiPools[(char.GetUnicodeCategory(c), Encoding.UTF8.GetByteCount(new[] { c }))];
            return pool[random.Next(pool.Length)];
        }
    }
}
