using Chinook.Migration.Source;
using Xunit;

namespace Chinook.Migration.Tests.Source
{
    /// <summary>Rows of an ordered join belong to one parent exactly when their keys read as the same text.</summary>
    public class GroupKeyTests
    {
        [Fact]
        public void AWholeNumberEqualsItsOwnTextAndNoOther()
        {
            Assert.Equal(GroupKey.Of(5), GroupKey.Of(5));
            Assert.Equal(GroupKey.Of(5), GroupKey.Of("5"));
            Assert.Equal(GroupKey.Of("-12"), GroupKey.Of(-12));
            Assert.NotEqual(GroupKey.Of(5), GroupKey.Of(6));
            Assert.NotEqual(GroupKey.Of(5), GroupKey.Of("05"));
            Assert.NotEqual(GroupKey.Of(5), GroupKey.Of("5.0"));
            Assert.Equal(GroupKey.Of(long.MinValue), GroupKey.Of("-9223372036854775808"));
        }

        [Fact]
        public void NullIsAKeyOfItsOwn()
        {
            Assert.Equal(GroupKey.Of(null), GroupKey.Of(null));
            Assert.NotEqual(GroupKey.Of(null), GroupKey.Of(""));
            Assert.NotEqual(GroupKey.Of(null), GroupKey.Of(0));
        }

        [Fact]
        public void TextComparesExactly()
        {
            Assert.Equal(GroupKey.Of("abc"), GroupKey.Of("abc"));
            Assert.NotEqual(GroupKey.Of("abc"), GroupKey.Of("ABC"));
        }
    }
}
