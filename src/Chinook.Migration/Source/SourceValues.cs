using System;
using System.Globalization;

namespace Chinook.Migration.Source
{
    /// <summary>
    /// How source values become item values, the same way for the transformation and for the validation
    /// that compares them: money as exact decimals with two places, times as ISO-8601 UTC text.
    /// </summary>
    public static class SourceValues
    {
        /// <summary>The money columns' scale: NUMERIC(10,2).</summary>
        public const int MoneyDecimals = 2;

        private static readonly string[] DateTimeFormats =
        {
            "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
            "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd",
        };

        /// <summary>
        /// Parses money from its exact decimal text (SQLite's own text of a REAL, never a binary double), rounded
        /// to two places; <paramref name="rounded"/> tells whether that changed the value.
        /// </summary>
        public static bool TryParseMoney(string text, out decimal money, out bool rounded)
        {
            rounded = false;
            if (!decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                money = 0m;
                return false;
            }
            money = Money(value);
            rounded = money != value;
            return true;
        }

        /// <summary>Two decimal places exactly, so 2 reads as 2.00 and 0.995 as 1.00 (half away from zero).</summary>
        public static decimal Money(decimal value) =>
            // Adding 0.00m sets the scale to at least two places without changing the value.
            Math.Round(value, MoneyDecimals, MidpointRounding.AwayFromZero) + 0.00m;

        /// <summary>Parses SQLite date and time text (no zone means UTC) to a UTC instant.</summary>
        public static bool TryParseDateTime(string text, out DateTime utc) =>
            DateTime.TryParseExact(text.Trim(), DateTimeFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out utc);

        /// <summary>
        /// The text the way back (Export-ChinookToSqlite) writes a time in: SQLite's own form, 2021-01-01 00:00:00, with
        /// a fraction of a second only where there is one. A source time in any other text comes back in this one.
        /// </summary>
        public static string FormatSourceDateTime(DateTime utc) =>
            utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

        /// <summary>Whether a source time's text comes back as it is: it is already in <see cref="FormatSourceDateTime"/>'s form.</summary>
        public static bool ComesBackAsIs(string text, DateTime utc) => string.Equals(text, FormatSourceDateTime(utc), StringComparison.Ordinal);

        /// <summary>ISO-8601 UTC: 2021-01-01T00:00:00Z, with a fraction of a second only where there is one.</summary>
        public static string FormatDateTime(DateTime utc) =>
            utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
    }
}
