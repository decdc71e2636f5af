using System.Linq;
using Chinook.Migration.Items;
using Chinook.Migration.Transform;
using Chinook.Migration.Tests.Transform;
using Xunit;

namespace Chinook.Migration.Tests.Validation
{
    /// <summary>Nothing of the source is lost: the 11 tables rebuilt from the items equal the source rows.</summary>
    public class RebuildPropertyTests
    {
        [Fact]
        public void TheShippedDatabaseIsRebuiltExactly()
        {
            RebuildAssert.SourceEqualsRebuilt(TestDatabases.Shipped, Conversion.Of(TestDatabases.Shipped).Items);
        }

        [Fact]
        public void RandomDatabasesAreRebuiltExactly()
        {
            for (var seed = 1; seed <= 60; seed++)
            {
                var path = RandomChinookDatabase.Create(seed);
                var result = Conversion.Of(path);
                Assert.True(!result.Errors.Any(), $"seed {seed}: {string.Join("; ", result.Errors)}");
                try
                {
                    RebuildAssert.SourceEqualsRebuilt(path, result.Items);
                    // As the validation will see them: written to DynamoDB and read back, money 2.00 comes back as the number 2.
                    RebuildAssert.SourceEqualsRebuilt(path, result.Items.Select(i => ItemAttributeMapper.FromAttributeMap(i.TableName, ItemAttributeMapper.ToAttributeMap(i))));
                }
                catch (Xunit.Sdk.XunitException ex)
                {
                    throw new Xunit.Sdk.XunitException($"seed {seed} ({path}): {ex.Message}");
                }
            }
        }
    }
}
