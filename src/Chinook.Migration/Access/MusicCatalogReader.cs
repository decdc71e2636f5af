using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Chinook.Migration.Items;

namespace Chinook.Migration.Access
{
    /// <summary>
    /// The MusicCatalog access patterns, answered from DynamoDB alone: an artist, an artist's catalog (albums and their
    /// tracks), artists and tracks by name (GSI1-NameSearch as written, GSI3-LowerName in any case and by wildcard), a
    /// genre's tracks (GSI2-GenreSearch), the genre and media-type names, and items by key.
    /// Every method reads every result page; table reads are consistent, index reads cannot be.
    /// </summary>
    public sealed class MusicCatalogReader : AccessReader
    {
        /// <summary>Queries in flight at once for one call: the albums of an artist's catalog, the genres a pattern matched.</summary>
        public const int ConcurrentQueries = 4;

        private const string NameAttribute = "Name";

        /// <param name="progress">Told about each request as it starts and after each page; may be null.</param>
        /// <exception cref="ArgumentException">The prefix is not allowed in a table name.</exception>
        public MusicCatalogReader(Target.DynamoConnection connection, string? tablePrefix = null, IProgress<ReadProgress>? progress = null)
            : this(new TableReader(connection, tablePrefix, TableNames.MusicCatalog), progress)
        {
        }

        internal MusicCatalogReader(TableReader table, IProgress<ReadProgress>? progress) : base(table, progress)
        {
        }

        /// <summary>The artist item (GetItem PK=ARTIST#id, SK=METADATA); null when there is none.</summary>
        public async Task<CatalogArtist?> GetArtistAsync(long artistId, CancellationToken cancellationToken)
        {
            var item = await Table.GetAsync(Table.Key(ChinookKeys.Artist(artistId), ChinookKeys.Metadata), NewCall(), cancellationToken).ConfigureAwait(false);
            return item is null ? null : new CatalogArtist(item);
        }

        /// <summary>
        /// The artist with every album and each album's tracks: a Query on PK=ARTIST#id (the artist and its albums),
        /// then a Query on PK=ALBUM#id per album, a few at a time. Null when the artist's partition is empty.
        /// </summary>
        public async Task<ArtistCatalog?> GetArtistCatalogAsync(long artistId, CancellationToken cancellationToken)
        {
            var call = NewCall();
            var items = await Table.QueryAsync(KeyQuery.Partition(ChinookKeys.Artist(artistId)), call, cancellationToken).ConfigureAwait(false);
            if (items.Count == 0)
            {
                return null;
            }
            var artist = items.FirstOrDefault(i => i.SK == ChinookKeys.Metadata);
            var albums = items.Where(i => i.EntityType == nameof(ChinookEntity.Album)).ToList();
            call.Plan(albums.Count);
            var catalog = await Concurrently.Map(albums, ConcurrentQueries, async album =>
            {
                var albumId = new ItemFields(album).RequiredInteger("AlbumId");
                var tracks = await Table.QueryAsync(KeyQuery.Partition(ChinookKeys.Album(albumId)), call, cancellationToken).ConfigureAwait(false);
                return new CatalogAlbum(album, Tracks(tracks));
            }).ConfigureAwait(false);
            return new ArtistCatalog(artistId, artist is null ? null : new CatalogArtist(artist).Name, catalog);
        }

        /// <summary>
        /// Artists whose name matches the pattern in any letter case, in ArtistId order: a Query of GSI3-LowerName when
        /// the pattern starts with a literal (an exact name or a prefix), else a Scan of the table.
        /// </summary>
        public async Task<IReadOnlyList<CatalogArtist>> FindArtistsAsync(NamePattern name, CancellationToken cancellationToken) =>
            (await MatchingAsync(name, ChinookEntity.Artist, ChinookKeys.ArtistLowerName, cancellationToken).ConfigureAwait(false))
                .Select(i => new CatalogArtist(i)).OrderBy(a => a.ArtistId).ToList();

        /// <summary>
        /// Tracks whose name matches the pattern in any letter case, in TrackId order: a Query of GSI3-LowerName when
        /// the pattern starts with a literal (an exact name or a prefix), else a Scan of the table.
        /// </summary>
        public async Task<IReadOnlyList<CatalogTrack>> FindTracksAsync(NamePattern name, CancellationToken cancellationToken) =>
            Tracks(await MatchingAsync(name, ChinookEntity.Track, ChinookKeys.TrackLowerName, cancellationToken).ConfigureAwait(false));

        /// <summary>
        /// Every track of each genre whose name matches the pattern in any letter case, in TrackId order: the genre
        /// reference items from their GSI3-LowerName partition, then GSI2-GenreSearch per genre name. A literal name that
        /// no reference item has (tables written without genres) is asked of GSI2-GenreSearch as typed.
        /// </summary>
        public async Task<IReadOnlyList<CatalogTrack>> FindTracksByGenreAsync(NamePattern genre, CancellationToken cancellationToken)
        {
            var call = NewCall();
            var names = await ListedNamesAsync(genre, ChinookKeys.GenreLowerNames, call, cancellationToken).ConfigureAwait(false);
            if (names.Count == 0 && genre.IsLiteral)
            {
                names = new[] { genre.LiteralPrefix };
            }
            call.Plan(names.Count);
            var tracks = await Concurrently.Map(names, ConcurrentQueries, name => Table.QueryAsync(
                KeyQuery.Index(ChinookKeys.GenreSearchIndex, ChinookKeys.Gsi2PartitionKeyName, ChinookKeys.GenreName(name)), call, cancellationToken)).ConfigureAwait(false);
            return Tracks(tracks.SelectMany(t => t));
        }

        /// <summary>The names of every genre reference item, in order (one Query of their GSI3-LowerName partition).</summary>
        public Task<IReadOnlyList<string>> GetGenreNamesAsync(CancellationToken cancellationToken) =>
            ListedNamesAsync(null, ChinookKeys.GenreLowerNames, NewCall(), cancellationToken);

        /// <summary>The names of every media-type reference item, in order (one Query of their GSI3-LowerName partition).</summary>
        public Task<IReadOnlyList<string>> GetMediaTypeNamesAsync(CancellationToken cancellationToken) =>
            ListedNamesAsync(null, ChinookKeys.MediaTypeLowerNames, NewCall(), cancellationToken);

        /// <summary>Tracks with exactly this name (case-sensitive), by GSI1-NameSearch GSI1PK=TRACK_NAME#name, in TrackId order.</summary>
        public async Task<IReadOnlyList<CatalogTrack>> FindTracksByNameAsync(string name, CancellationToken cancellationToken) =>
            Tracks(await Table.QueryAsync(KeyQuery.Index(ChinookKeys.NameSearchIndex, ChinookKeys.Gsi1PartitionKeyName, ChinookKeys.TrackName(RequireText(name, nameof(name)))),
                NewCall(), cancellationToken).ConfigureAwait(false));

        /// <summary>Every track of the genre with exactly this name (case-sensitive), by GSI2-GenreSearch GSI2PK=GENRE#name, in TrackId order.</summary>
        public async Task<IReadOnlyList<CatalogTrack>> GetTracksByGenreAsync(string genreName, CancellationToken cancellationToken) =>
            Tracks(await Table.QueryAsync(KeyQuery.Index(ChinookKeys.GenreSearchIndex, ChinookKeys.Gsi2PartitionKeyName, ChinookKeys.GenreName(RequireText(genreName, nameof(genreName)))),
                NewCall(), cancellationToken).ConfigureAwait(false));

        /// <summary>
        /// The MusicCatalog items with these keys, by BatchGetItem (25 keys a request, unprocessed keys retried),
        /// in the order of the keys; keys without an item are left out.
        /// </summary>
        public Task<IReadOnlyList<ChinookItem>> GetItemsAsync(IEnumerable<ItemKey> keys, CancellationToken cancellationToken) =>
            Table.BatchGetAsync(keys ?? throw new ArgumentNullException(nameof(keys)), NewCall(), cancellationToken);

        private async Task<IEnumerable<ChinookItem>> MatchingAsync(NamePattern pattern, ChinookEntity entity, Func<string, string> partitionOf, CancellationToken cancellationToken)
        {
            var query = NameLookup.ShardedQuery(pattern ?? throw new ArgumentNullException(nameof(pattern)), partitionOf);
            var items = query is null
                ? await Table.ScanEntityAsync(entity, NewCall(), cancellationToken).ConfigureAwait(false)
                : await Table.QueryAsync(query, NewCall(), cancellationToken).ConfigureAwait(false);
            return items.Where(i => i.EntityType == entity.ToString() && pattern.IsMatch(new ItemFields(i).Text(NameAttribute)));
        }

        /// <summary>The names in one list partition of GSI3-LowerName (genres or media types) that match the pattern (all for null), in order.</summary>
        private async Task<IReadOnlyList<string>> ListedNamesAsync(NamePattern? pattern, string partition, ReadCall call, CancellationToken cancellationToken)
        {
            var query = pattern is null
                ? KeyQuery.Index(ChinookKeys.LowerNameIndex, ChinookKeys.Gsi3PartitionKeyName, partition, ChinookKeys.Gsi3SortKeyName)
                : NameLookup.ListQuery(pattern, partition);
            var items = await Table.QueryAsync(query, call, cancellationToken).ConfigureAwait(false);
            return items.Select(i => new ItemFields(i).Text(NameAttribute))
                .OfType<string>()
                .Where(name => pattern is null || pattern.IsMatch(name))
                .Distinct(StringComparer.Ordinal)
                .OrderBy(name => name, StringComparer.OrdinalIgnoreCase)
                .ToList();
        }

        private static IReadOnlyList<CatalogTrack> Tracks(IEnumerable<ChinookItem> items) =>
            items.Where(i => i.EntityType == nameof(ChinookEntity.Track)).Select(i => new CatalogTrack(i)).OrderBy(t => t.TrackId).ToList();
    }
}
