using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Chinook.Migration.Target;
using Chinook.Migration.Validation;
using Xunit;

namespace Chinook.Migration.Tests.Validation
{
    /// <summary>Access patterns over readers made up in memory: the answer against the source, the calls, the target chosen.</summary>
    public class AccessPatternCheckTests
    {
        private static readonly AnswerFact[] Source =
        {
            new AnswerFact("TrackId=1", "'For Those About To Rock (We Salute You)'; 0.99"),
            new AnswerFact("TrackId=2", "'Balls to the Wall'; 0.99"),
            new AnswerFact("TrackId=3", "'Fast As a Shark'; 0.99"),
        };

        private static AccessProbe Probe(ReadShape shape, Func<ProbeAnswer> answer, Action? onCall = null) =>
            new AccessProbe("A batch read", "MusicCatalog", shape, "TrackId=1 to 3", Source, _ =>
            {
                onCall?.Invoke();
                return Task.FromResult(answer());
            });

        [Fact]
        public async Task TheRightAnswerPassesAndEveryTimedCallIsMadeAfterTheCheckedOne()
        {
            var calls = 0;
            var (result, latency) = await AccessPatternCheck.RunAsync(Probe(ReadShape.BatchRead, () => new ProbeAnswer(Source, 3), () => calls++), 7, 5, CancellationToken.None);
            Assert.True(result.Passed, result.Message);
            Assert.Equal(ValidationKind.AccessPattern, result.Kind);
            Assert.Equal((3L, 3L), (result.Expected, result.Actual));
            Assert.Equal(8, calls);
            Assert.Null(result.Iterations);
            Assert.Contains("as the source says", result.Message);
            Assert.Equal(ValidationKind.Latency, latency!.Kind);
            Assert.Equal(result.Check, latency.Check);
            Assert.Equal(7, latency.Iterations);
            Assert.Equal(7, latency.Expected);
            Assert.Equal(LatencyTargets.BatchReadMs, latency.TargetMs);
            Assert.True(latency.P50Ms <= latency.P95Ms && latency.P95Ms <= latency.P99Ms);
        }

        [Fact]
        public async Task ASlowRightAnswerPassesAsAnAnswerAndFailsOnlyAsLatency()
        {
            var slow = new AccessProbe("A customer's profile", "CustomerOrders", ReadShape.SingleItem, "CustomerId=1", Source, async cancellationToken =>
            {
                await Task.Delay(15, cancellationToken);
                return new ProbeAnswer(Source, 1);
            });
            var (answer, latency) = await AccessPatternCheck.RunAsync(slow, 3, 5, CancellationToken.None);
            Assert.True(answer.Passed, answer.Message);
            Assert.False(latency!.Passed);
            Assert.Equal(0, latency.Actual);
            Assert.Contains("NOT under the 10 ms target", latency.Message);
        }

        [Fact]
        public async Task NoTimedCallsMeansNoLatencyResult()
        {
            var calls = 0;
            var (answer, latency) = await AccessPatternCheck.RunAsync(Probe(ReadShape.Query, () => new ProbeAnswer(Source, 3), () => calls++), 0, 5, CancellationToken.None);
            Assert.True(answer.Passed);
            Assert.Null(latency);
            Assert.Equal(1, calls);
        }

        [Fact]
        public async Task AWrongAnswerFailsNamingTheFactsThatDiffer()
        {
            var answer = new[] { Source[0], new AnswerFact("TrackId=2", "'Balls to the Wall'; 1.00"), new AnswerFact("TrackId=9", "'Stray'; 0.99") };
            var (result, _) = await AccessPatternCheck.RunAsync(Probe(ReadShape.BatchRead, () => new ProbeAnswer(answer, 3)), 3, 5, CancellationToken.None);
            Assert.False(result.Passed);
            Assert.Equal(1, result.Actual);
            Assert.Equal(new[] { "TrackId=2", "TrackId=3", "TrackId=9" }, result.FailingKeys);
            Assert.Contains("TrackId=2: 'Balls to the Wall'; 0.99 in the source, 'Balls to the Wall'; 1.00 in the answer", result.Message);
            Assert.Contains("1 missing (TrackId=3)", result.Message);
            Assert.Contains("1 not in the source (TrackId=9)", result.Message);
        }

        [Fact]
        public async Task AFactReturnedTwiceIsADifference()
        {
            var answer = Source.Append(Source[0]).ToArray();
            var (result, _) = await AccessPatternCheck.RunAsync(Probe(ReadShape.Query, () => new ProbeAnswer(answer, 4)), 1, 5, CancellationToken.None);
            Assert.False(result.Passed);
            Assert.Equal(new[] { "TrackId=1" }, result.FailingKeys);
        }

        [Theory]
        [InlineData(ReadShape.SingleItem, 1, 10.0)]
        [InlineData(ReadShape.Query, 21, 50.0)]
        [InlineData(ReadShape.Query, 1297, null)]
        public async Task TheTargetFollowsTheReadAndTheSizeOfItsAnswer(ReadShape shape, int items, double? target)
        {
            var (_, result) = await AccessPatternCheck.RunAsync(Probe(shape, () => new ProbeAnswer(Source, items)), 2, 5, CancellationToken.None);
            Assert.Equal(target, result!.TargetMs);
            Assert.Contains(target is null ? "no latency target for an answer of 100 items or more" : $"the {target} ms target for", result.Message);
        }

        [Fact]
        public async Task AReadThatFindsNoIndexOrABadItemIsAFailedCheckNotAnError()
        {
            var noIndex = new AccessProbe("Tracks of a genre", "MusicCatalog", ReadShape.Query, "'Rock'", Source,
                _ => throw new DynamoOperationException(DynamoProblem.InvalidRequest, "MusicCatalog", "The table does not have the specified index: GSI2-GenreSearch"));
            var (result, latency) = await AccessPatternCheck.RunAsync(noIndex, 5, 5, CancellationToken.None);
            Assert.False(result.Passed);
            Assert.Contains("the read failed: The table does not have the specified index", result.Message);
            Assert.False(latency!.Passed);
            Assert.Null(latency.Iterations);

            var badItem = new AccessProbe("An artist", "MusicCatalog", ReadShape.Query, "ArtistId=1", Source, _ => throw new InvalidDataException("Item MusicCatalog ARTIST#1 ALBUM#1 has no whole number AlbumId"));
            Assert.False((await AccessPatternCheck.RunAsync(badItem, 5, 5, CancellationToken.None)).Answer.Passed);
        }

        [Fact]
        public async Task AnUnreachableTargetIsAnErrorForTheWholeValidation()
        {
            var unreachable = new AccessProbe("A batch read", "MusicCatalog", ReadShape.BatchRead, "x", Source,
                _ => throw new DynamoOperationException(DynamoProblem.Unreachable, "MusicCatalog", "DynamoDB did not answer"));
            await Assert.ThrowsAsync<DynamoOperationException>(() => AccessPatternCheck.RunAsync(unreachable, 5, 5, CancellationToken.None));
        }

        [Fact]
        public async Task APatternTheSourceGivesNothingToReadPassesWithoutACall()
        {
            var (result, _) = await AccessPatternCheck.RunAsync(AccessProbe.Nothing("A customer's orders", "CustomerOrders", "The source has no invoice"), 5, 5, CancellationToken.None);
            Assert.True(result.Passed);
            Assert.Equal("The source has no invoice; nothing to read.", result.Message);
        }
    }
}
