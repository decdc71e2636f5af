using System;
using System.Text;

namespace Chinook.Migration.Access
{
    /// <summary>
    /// A name to look up as the user typed it: a literal name, or a pattern in PowerShell's wildcard syntax (<c>*</c>
    /// any text, <c>?</c> one character, <c>[..]</c> one of a set, a backtick escapes the next character), matched
    /// without regard to case. Its literal prefix decides which key condition can answer it; the matching itself is the
    /// caller's (the cmdlets pass PowerShell's WildcardPattern), so that a name matches here as it does in Get-ChildItem.
    /// </summary>
    public sealed class NamePattern
    {
        private readonly Func<string, bool> isMatch;

        /// <param name="text">The name or pattern as typed.</param>
        /// <param name="isMatch">Whether a name matches <paramref name="text"/> in any letter case.</param>
        /// <exception cref="ArgumentException">The text is empty: DynamoDB keys cannot be empty.</exception>
        public NamePattern(string text, Func<string, bool> isMatch)
        {
            Text = string.IsNullOrEmpty(text) ? throw new ArgumentException("Give a name or a wildcard pattern.", nameof(text)) : text;
            this.isMatch = isMatch ?? throw new ArgumentNullException(nameof(isMatch));
            var prefix = new StringBuilder();
            IsLiteral = true;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '`' && i + 1 < text.Length)
                {
                    prefix.Append(text[++i]);
                }
                else if (c == '*' || c == '?' || c == '[')
                {
                    IsLiteral = false;
                    break;
                }
                else
                {
                    prefix.Append(c);
                }
            }
            LiteralPrefix = prefix.ToString();
        }

        public string Text { get; }

        /// <summary>No wildcard: one name, escapes removed in <see cref="LiteralPrefix"/>.</summary>
        public bool IsLiteral { get; }

        /// <summary>The text before the first wildcard, escapes removed; the whole name when <see cref="IsLiteral"/>.</summary>
        public string LiteralPrefix { get; }

        public bool IsMatch(string? name) => name is not null && isMatch(name);

        public override string ToString() => Text;
    }
}
