using System;
using Chinook.Migration.Items;
using Xunit;

namespace Chinook.Migration.Tests.Target
{
    public class TableNamesResolveTests
    {
        [Theory]
        [InlineData("MusicCatalog", null, "", "MusicCatalog")]
        [InlineData("playlists", "dev-", "dev-", "Playlists")]
        [InlineData("dev-MusicCatalog", null, "dev-", "MusicCatalog")]
        [InlineData("dev-MusicCatalog", "dev-", "dev-", "MusicCatalog")]
        [InlineData("qa.EmployeeManagement", "", "qa.", "EmployeeManagement")]
        public void BaseNamesTakeThePrefixAndQualifiedNamesBringTheirOwn(string name, string? prefix, string expectedPrefix, string expectedBase)
        {
            Assert.Equal((expectedPrefix, expectedBase), TableNames.Resolve(name, prefix));
        }

        [Theory]
        [InlineData("Invoices", null)]
        [InlineData("prod-MusicCatalog", "dev-")]
        [InlineData("bad prefix MusicCatalog", null)]
        public void OtherNamesAreRefused(string name, string? prefix)
        {
            Assert.Throws<ArgumentException>(() => TableNames.Resolve(name, prefix));
        }
    }
}
