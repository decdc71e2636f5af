using System;
using System.Globalization;

namespace Chinook.Migration.Source
{
    /// <summary>
    /// The value an ordered join's rows are grouped by (a parent's id). Two keys are equal exactly when their
    /// texts are (what <see cref="SourceRowCursor.CopiedText"/> gives), but a whole number, the usual id, is
    /// compared as a number rather than turned into text for every row.
    /// </summary>
    internal readonly struct GroupKey : IEquatable<GroupKey>
    {
        private readonly long number;
        private readonly string? text;
        private readonly bool isNumber;

        private GroupKey(long number, string? text, bool isNumber)
        {
            this.number = number;
            this.text = text;
            this.isNumber = isNumber;
        }

        public static GroupKey Of(long number) => new GroupKey(number, null, isNumber: true);

        /// <summary>A key from text; null for a NULL value.</summary>
        public static GroupKey Of(string? text) => new GroupKey(0, text, isNumber: false);

        // SQLite writes an integer as .NET's invariant culture does, so comparing texts gives the same answer.
        private string? Text => isNumber ? number.ToString(CultureInfo.InvariantCulture) : text;

        public bool Equals(GroupKey other) =>
            isNumber && other.isNumber ? number == other.number : string.Equals(Text, other.Text, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is GroupKey other && Equals(other);

        public override int GetHashCode() => Text?.GetHashCode() ?? 0;
    }
}
