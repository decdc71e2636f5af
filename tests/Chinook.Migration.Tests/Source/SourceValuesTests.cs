using System;
using Chinook.Migration.Source;
using Xunit;

namespace Chinook.Migration.Tests.Source
{
    public class SourceValuesTests
    {
        [Theory]
        [InlineData("0.99", "0.99", false)]
        [InlineData("2", "2.00", false)]
        [InlineData("1.5", "1.50", false)]
        [InlineData("0.995", "1.00", true)]
        [InlineData("-0.005", "-0.01", true)]
        [InlineData("1E+2", "100.00", false)]
        public void MoneyIsExactWithTwoDecimalPlaces(string text, string expected, bool rounded)
        {
            Assert.True(SourceValues.TryParseMoney(text, out var money, out var wasRounded));
            Assert.Equal(expected, money.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(rounded, wasRounded);
        }

        [Theory]
        [InlineData("")]
        [InlineData("abc")]
        [InlineData("1,5")]
        public void TextThatIsNoAmountIsRefused(string text) => Assert.False(SourceValues.TryParseMoney(text, out _, out _));

        [Theory]
        [InlineData("2021-01-01 00:00:00", "2021-01-01T00:00:00Z")]
        [InlineData("2021-01-01T13:14:15", "2021-01-01T13:14:15Z")]
        [InlineData("2021-01-01 13:14:15.250", "2021-01-01T13:14:15.25Z")]
        [InlineData("2021-01-01", "2021-01-01T00:00:00Z")]
        [InlineData("2021-01-01 13:14", "2021-01-01T13:14:00Z")]
        [InlineData("2021-01-01T02:00:00+02:00", "2021-01-01T00:00:00Z")]
        [InlineData("2021-01-01T00:00:00Z", "2021-01-01T00:00:00Z")]
        public void TimesBecomeIso8601Utc(string text, string expected)
        {
            Assert.True(SourceValues.TryParseDateTime(text, out var utc));
            Assert.Equal(DateTimeKind.Utc, utc.Kind);
            Assert.Equal(expected, SourceValues.FormatDateTime(utc));
        }

        [Theory]
        [InlineData("yesterday")]
        [InlineData("2021-13-01 00:00:00")]
        [InlineData("43000.5")]
        public void TextThatIsNoTimeIsRefused(string text) => Assert.False(SourceValues.TryParseDateTime(text, out _));
    }
}
