using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2.Model;
using Chinook.Migration.Access;
using Chinook.Migration.Items;
using Chinook.Migration.Tests.Transform;
using Xunit;

namespace Chinook.Migration.Tests.Access
{
    /// <summary>
    /// Name patterns and the reads that answer them: an exact name or a literal prefix in any letter case is a Query
    /// of one GSI3-LowerName partition; only a leading wildcard scans (artists, tracks) or reads the whole genre list.
    /// </summary>
    public class NameLookupTests : IClassFixture<ReaderTests.ShippedItems>
    {
        private readonly ReaderTests.ShippedItems shipped;

        public NameLookupTests(ReaderTests.ShippedItems fixture) => shipped = fixture;

        /// <summary>A stand-in for PowerShell's WildcardPattern (no sets): * and ?, without regard to case.</summary>
        private static NamePattern Like(string text) => new NamePattern(text,
            new Regex("^" + Regex.Escape(text).Replace(@"\*", ".*").Replace(@"\?", ".") + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant).IsMatch);

        [Theory]
        [InlineData("AC/DC", true, "AC/DC")]
        [InlineData("for those*", false, "for those")]
        [InlineData("*rock*", false, "")]
        [InlineData("b?lls", false, "b")]
        [InlineData("[ab]*", false, "")]
        [InlineData("Who`?", true, "Who?")]
        [InlineData("50`* and more*", false, "50* and more")]
        public void APatternKnowsItsLiteralPrefix(string text, bool literal, string prefix)
        {
            var pattern = new NamePattern(text, _ => true);

            Assert.Equal(literal, pattern.IsLiteral);
            Assert.Equal(prefix, pattern.LiteralPrefix);
        }

        [Fact]
        public void AnExactNameInAnyCaseIsAnEqualityOnTheLowerCaseSortKey()
        {
            var query = NameLookup.ShardedQuery(Like("AC/DC"), ChinookKeys.ArtistLowerName)!;
            var request = query.ToRequest("MusicCatalog", null, null);

            Assert.Equal(ChinookKeys.LowerNameIndex, request.IndexName);
            Assert.Equal("#pk = :pk AND #sk = :sk", request.KeyConditionExpression);
            Assert.Equal("ARTIST_LOWER#a", request.ExpressionAttributeValues[":pk"].S);
            Assert.Equal("ac/dc", request.ExpressionAttributeValues[":sk"].S);
        }

        [Fact]
        public void APrefixIsBeginsWithInThePartitionOfItsFirstLetter()
        {
            var request = NameLookup.ShardedQuery(Like("For Those*"), ChinookKeys.TrackLowerName)!.ToRequest("MusicCatalog", null, null);

            Assert.Equal("#pk = :pk AND begins_with(#sk, :sk)", request.KeyConditionExpression);
            Assert.Equal("TRACK_LOWER#f", request.ExpressionAttributeValues[":pk"].S);
            Assert.Equal("for those", request.ExpressionAttributeValues[":sk"].S);
        }

        [Fact]
        public void ALeadingWildcardHasNoPartitionForArtistsAndTracksButReadsTheWholeGenreList()
        {
            Assert.Null(NameLookup.ShardedQuery(Like("*rock*"), ChinookKeys.TrackLowerName));
            var genres = NameLookup.ListQuery(Like("*rock*"), ChinookKeys.GenreLowerNames).ToRequest("MusicCatalog", null, null);
            Assert.Equal("#pk = :pk", genres.KeyConditionExpression);
            Assert.Equal(ChinookKeys.GenreLowerNames, genres.ExpressionAttributeValues[":pk"].S);
            Assert.Equal("#pk = :pk AND #sk = :sk", NameLookup.ListQuery(Like("Rock"), ChinookKeys.GenreLowerNames).ToRequest("MusicCatalog", null, null).KeyConditionExpression);
        }

        [Fact]
        public async Task ArtistsAndTracksAreFoundInAnyCaseAndByPrefixFromTheIndex()
        {
            var (store, connection) = FakeItemStore.Create(shipped.Items);
            store.PageSize = 2;
            var reader = new MusicCatalogReader(connection);

            var acdc = await reader.FindArtistsAsync(Like("ac/dc"), CancellationToken.None);
            var forThose = await reader.FindTracksAsync(Like("for those*"), CancellationToken.None);

            Assert.Equal(1, Assert.Single(acdc).ArtistId);
            Assert.Equal(SourceQuery.Ids("SELECT TrackId FROM Track WHERE lower(Name) LIKE 'for those%' ORDER BY TrackId"), forThose.Select(t => t.TrackId));
            Assert.NotEmpty(forThose);
            Assert.Empty(store.RequestsOf<ScanRequest>());
            Assert.All(store.RequestsOf<QueryRequest>(), q => Assert.Equal(ChinookKeys.LowerNameIndex, q.IndexName));
        }

        [Fact]
        public async Task ALeadingWildcardScansTheTableAndMatchesEveryTrack()
        {
            var (store, connection) = FakeItemStore.Create(shipped.Items);
            store.PageSize = 500;

            var tracks = await new MusicCatalogReader(connection).FindTracksAsync(Like("*salute*"), CancellationToken.None);

            Assert.Equal(SourceQuery.Ids("SELECT TrackId FROM Track WHERE lower(Name) LIKE '%salute%' ORDER BY TrackId"), tracks.Select(t => t.TrackId));
            Assert.NotEmpty(store.RequestsOf<ScanRequest>());
            Assert.Empty(store.RequestsOf<QueryRequest>());
        }

        [Fact]
        public async Task AGenreInAnyCaseOrByWildcardGivesTheTracksOfEveryGenreItMatches()
        {
            var (store, connection) = FakeItemStore.Create(shipped.Items);
            var reader = new MusicCatalogReader(connection);

            var rock = await reader.FindTracksByGenreAsync(Like("rock"), CancellationToken.None);
            var metal = await reader.FindTracksByGenreAsync(Like("*metal"), CancellationToken.None);

            Assert.Equal(1297, rock.Count);
            Assert.All(rock, t => Assert.Equal("Rock", t.GenreName));
            Assert.Equal(SourceQuery.Ids("SELECT t.TrackId FROM Track t JOIN Genre g ON g.GenreId = t.GenreId WHERE g.Name LIKE '%metal' ORDER BY t.TrackId"), metal.Select(t => t.TrackId));
            Assert.Equal(new[] { "Heavy Metal", "Metal" }, metal.Select(t => t.GenreName).Distinct().OrderBy(n => n));
            Assert.Empty(store.RequestsOf<ScanRequest>());
        }

        [Fact]
        public async Task TheGenreAndMediaTypeNamesComeFromTheirReferenceItems()
        {
            var (_, connection) = FakeItemStore.Create(shipped.Items);
            var reader = new MusicCatalogReader(connection);

            var genres = await reader.GetGenreNamesAsync(CancellationToken.None);
            var mediaTypes = await reader.GetMediaTypeNamesAsync(CancellationToken.None);

            Assert.Equal(25, genres.Count);
            Assert.Contains("R&B/Soul", genres);
            Assert.Contains("AAC audio file", mediaTypes);
            Assert.Equal(5, mediaTypes.Count);
        }

        [Fact]
        public async Task AnEmailPatternScansTheCustomersAndAnExactAddressInAnyCaseUsesTheEmailIndex()
        {
            var (store, connection) = FakeItemStore.Create(shipped.Items);
            var reader = new CustomerOrdersReader(connection);

            var gmail = await reader.FindCustomersAsync(Like("*@GMAIL.COM"), CancellationToken.None);
            Assert.Equal(SourceQuery.Ids("SELECT CustomerId FROM Customer WHERE lower(Email) LIKE '%@gmail.com' ORDER BY CustomerId"), gmail.Select(c => c.CustomerId));
            Assert.NotEmpty(store.RequestsOf<ScanRequest>());

            var exact = await reader.FindCustomersAsync(Like("LUISG@embraer.com.br"), CancellationToken.None);
            Assert.Equal(1, Assert.Single(exact).CustomerId);
            Assert.Equal(ChinookKeys.EmailSearchIndex, store.RequestsOf<QueryRequest>().Single().IndexName);
        }

        [Fact]
        public void AnEmptyPatternIsRefused() =>
            Assert.Throws<ArgumentException>(() => new NamePattern("", _ => true));
    }
}
