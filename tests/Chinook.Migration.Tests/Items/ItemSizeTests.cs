using System.Collections.Generic;
using Chinook.Migration.Items;
using Xunit;
using static Chinook.Migration.Tests.Items.PlainValueAssert;

namespace Chinook.Migration.Tests.Items
{
    /// <summary>Sizes worked out by hand from the Developer Guide's rules ("DynamoDB item sizes and formats").</summary>
    public class ItemSizeTests
    {
        [Theory]
        [InlineData("", 0)]
        [InlineData("AC/DC", 5)]
        [InlineData("héllo", 6)]        // é is two bytes in UTF-8
        [InlineData("音楽", 6)]          // three bytes each
        [InlineData("🎵", 4)]           // one code point outside the BMP: four bytes, two UTF-16 chars
        public void AStringIsItsUtf8Bytes(string text, int expected) => Assert.Equal(expected, ItemSize.Value(text));

        [Theory]
        [InlineData("0.99", 2)]          // one digit pair "99" + 1
        [InlineData("1.99", 3)]          // "01" "99": three significant digits -> 2 + 1
        [InlineData("343719", 4)]        // six digits -> 3 + 1
        [InlineData("100", 2)]           // trailing zeros are trimmed: "1" -> 1 + 1
        [InlineData("2328.60", 4)]       // trailing zero trimmed: 2328.6 -> "23" "28" "60": five digits -> 3 + 1
        [InlineData("0", 1)]
        [InlineData("-5", 3)]            // a negative number takes one byte more
        public void ANumberIsAboutOneBytePerTwoSignificantDigitsPlusOne(string number, int expected) =>
            Assert.Equal(expected, ItemSize.Number(decimal.Parse(number, System.Globalization.CultureInfo.InvariantCulture)));

        [Fact]
        public void DigitPairsAreCountedAsStoredSoTheSizeNeverFallsShort()
        {
            // 1.5 is stored as the pairs "01" and "50": 3 bytes, where the rounded-down reading of the
            // documented rule (two significant digits -> 1 + 1) would say 2.
            Assert.Equal(3, ItemSize.Number(1.5m));
            Assert.Equal(2, ItemSize.Number(15L));
        }

        [Theory]
        [InlineData(0L)]
        [InlineData(7L)]
        [InlineData(-7L)]
        [InlineData(10L)]
        [InlineData(1000L)]
        [InlineData(-3400L)]
        [InlineData(123456789L)]
        [InlineData(long.MaxValue)]
        [InlineData(long.MinValue)]
        public void AWholeNumberHasTheSameSizeAsTheEqualDecimal(long number)
        {
            Assert.Equal(ItemSize.Number((decimal)number), ItemSize.Number(number));
            for (var power = 1L; power <= 1_000_000_000_000L; power *= 10)
            {
                Assert.Equal(ItemSize.Number((decimal)(number / power)), ItemSize.Number(number / power));
                Assert.Equal(ItemSize.Number((decimal)(number / power * power)), ItemSize.Number(number / power * power));
            }
        }

        [Fact]
        public void BooleanAndNullAreOneByte()
        {
            Assert.Equal(1, ItemSize.Value(true));
            Assert.Equal(1, ItemSize.Value(null));
        }

        [Fact]
        public void ListsAndMapsTakeThreeBytesPlusOnePerElement()
        {
            Assert.Equal(3, ItemSize.Value(List()));
            Assert.Equal(3, ItemSize.Value(Map()));
            Assert.Equal(3 + (1 + 1) + (1 + 2), ItemSize.Value(List("a", 1L)));                 // "a" is 1, the number 1 is 2
            Assert.Equal(3 + (1 + 1 + 1), ItemSize.Value(Map(("k", "v"))));                      // a map element counts its name
            Assert.Equal(3 + (1 + (3 + (1 + 7 + 2))), ItemSize.Value(List(Map(("TrackId", 1L)))));
        }

        [Fact]
        public void AnItemCountsItsKeysAndEveryAttributeName()
        {
            var attributes = new Dictionary<string, object?> { ["EntityType"] = "Artist", ["ArtistId"] = 1L, ["Name"] = "AC/DC" };
            // PK+ARTIST#1 (2+8) + SK+METADATA (2+8) + EntityType+Artist (10+6) + ArtistId+1 (8+2) + Name+AC/DC (4+5)
            Assert.Equal(10 + 10 + 16 + 10 + 9, ItemSize.Of("ARTIST#1", "METADATA", attributes));
        }

        [Theory]
        [InlineData(1, 1)]
        [InlineData(1024, 1)]
        [InlineData(1025, 2)]
        [InlineData(409_600, 400)]
        public void AWriteUnitCoversOneStartedKilobyte(int size, int units) => Assert.Equal(units, ItemLimits.WriteUnits(size));
    }
}
