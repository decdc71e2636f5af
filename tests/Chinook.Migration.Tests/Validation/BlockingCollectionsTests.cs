using System.Runtime;
using Chinook.Migration.Validation;
using Xunit;

namespace Chinook.Migration.Tests.Validation
{
    // The latency mode is process-wide: no other test runs meanwhile.
    [CollectionDefinition(Name, DisableParallelization = true)]
    public class GarbageCollectionModeCollection
    {
        public const string Name = "Garbage collection mode";
    }

    [Collection(GarbageCollectionModeCollection.Name)]
    public class BlockingCollectionsTests
    {
        [Fact]
        public void BackgroundCollectionIsOffUntilTheLastOverlappingValidationEnds()
        {
            var before = GCSettings.LatencyMode;

            var first = BlockingCollections.Enter();
            var second = BlockingCollections.Enter();
            Assert.Equal(GCLatencyMode.Batch, GCSettings.LatencyMode);
            first.Dispose();
            first.Dispose();
            Assert.Equal(GCLatencyMode.Batch, GCSettings.LatencyMode);
            second.Dispose();

            Assert.Equal(before, GCSettings.LatencyMode);
        }
    }
}
