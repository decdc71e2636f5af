using System.Collections.Generic;
using Chinook.Migration.Validation;
using Xunit;

namespace Chinook.Migration.Tests.Validation
{
    public class ValueComparisonTests
    {
        [Fact]
        public void NumbersCompareByValueSoDynamoDbsLostScaleIsNoDifference()
        {
            Assert.True(ValueComparison.AreEqual(2.00m, 2L));
            Assert.True(ValueComparison.AreEqual(0.99m, 0.990m));
        }

        [Fact]
        public void ACentIsADifferenceAndTheMessageShowsBothValues()
        {
            Assert.Equal("UnitPrice: 0.99 in the source, 1.00 in the target", ValueComparison.Difference("UnitPrice", 0.99m, 1.00m));
            Assert.NotNull(ValueComparison.Difference("UnitPrice", 0.99m, 0.9900001m));
        }

        [Fact]
        public void TextComparesByteForByteWithoutCultureOrCase()
        {
            Assert.True(ValueComparison.AreEqual("Antônio Carlos Jobim", "Antônio Carlos Jobim"));
            Assert.False(ValueComparison.AreEqual("Antônio Carlos Jobim", "Antonio Carlos Jobim"));
            Assert.False(ValueComparison.AreEqual("AC/DC", "ac/dc"));
            // The same letter composed and decomposed: different bytes, so different text.
            Assert.False(ValueComparison.AreEqual("\u00f4", "o\u0302"));
        }

        [Fact]
        public void AMissingValueAndANumberOfTheWrongTypeAreDifferences()
        {
            Assert.Equal("Composer: 'AC/DC' in the source, none in the target", ValueComparison.Difference("Composer", "AC/DC", null));
            Assert.Equal("Bytes: none in the source, 5 in the target", ValueComparison.Difference("Bytes", null, 5L));
            Assert.NotNull(ValueComparison.Difference("TrackId", 1L, "1"));
            Assert.Null(ValueComparison.Difference("Composer", null, null));
        }

        [Fact]
        public void AListWithAnElementRemovedNamesTheFirstElementThatDiffers()
        {
            var expected = new List<object?> { Line(1, 0.99m), Line(2, 0.99m), Line(3, 1.99m) };
            var actual = new List<object?> { Line(1, 0.99m), Line(3, 1.99m) };
            Assert.Equal("Lines: 3 elements in the source, 2 in the target; first difference at Lines[1].InvoiceLineId: 2 in the source, 3 in the target",
                ValueComparison.Difference("Lines", expected, actual));
            Assert.Equal("Lines: 3 elements in the source, 2 in the target (the last 1 missing)",
                ValueComparison.Difference("Lines", expected, new List<object?> { Line(1, 0.99m), Line(2, 0.99m) }));
        }

        [Fact]
        public void MapsCompareKeyByKeyBothWays()
        {
            Assert.Equal("Lines[0].UnitPrice: 0.99 in the source, 1.99 in the target",
                ValueComparison.Difference("Lines[0]", Line(1, 0.99m), Line(1, 1.99m)));
            var withExtra = new Dictionary<string, object?> { ["InvoiceLineId"] = 1L, ["UnitPrice"] = 0.99m, ["Note"] = "x" };
            Assert.Equal("Lines[0].Note: none in the source, 'x' in the target", ValueComparison.Difference("Lines[0]", Line(1, 0.99m), withExtra));
        }

        private static Dictionary<string, object?> Line(long id, decimal price) =>
            new Dictionary<string, object?> { ["InvoiceLineId"] = id, ["UnitPrice"] = price };
    }
}
