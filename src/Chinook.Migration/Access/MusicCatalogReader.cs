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
    /// tracks), artists and tracks by name (GSI1-NameSearch), a genre's tracks (GSI2-GenreSearch) and items by key.
    /// Every method reads every result page; table reads are consistent, index reads cannot be.
    /// </summary>
    public sealed class MusicCatalogReader : AccessReader
    {
        /// <summary>Album track queries in flight at once for one artist's catalog.</summary>
        public const int ConcurrentAlbumReads = 4;

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
            var catalog = await Concurrently.Map(albums, ConcurrentAlbumReads, async album =>
            {
                var albumId = new ItemFields(album).RequiredInteger("AlbumId");
                var tracks = await Table.QueryAsync(KeyQuery.Partition(ChinookKeys.Album(albumId)), call, cancellationToken).ConfigureAwait(false);
                return new CatalogAlbum(album, Tracks(tracks));
            }).ConfigureAwait(false);
            return new ArtistCatalog(artistId, artist is null ? null : new CatalogArtist(artist).Name, catalog);
        }

        /// <summary>Artists with exactly this name (case-sensitive), by GSI1-NameSearch GSI1PK=ARTIST_NAME#name, in ArtistId order.</summary>
        public async Task<IReadOnlyList<CatalogArtist>> FindArtistsByNameAsync(string name, CancellationToken cancellationToken)
        {
            var items = await Table.QueryAsync(KeyQuery.Index(ChinookKeys.NameSearchIndex, ChinookKeys.Gsi1PartitionKeyName, ChinookKeys.ArtistName(RequireText(name, nameof(name)))),
                NewCall(), cancellationToken).ConfigureAwait(false);
            return items.Select(i => new CatalogArtist(i)).OrderBy(a => a.ArtistId).ToList();
        }

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

        private static IReadOnlyList<CatalogTrack> Tracks(IEnumerable<ChinookItem> items) =>
            items.Where(i => i.EntityType == nameof(ChinookEntity.Track)).Select(i => new CatalogTrack(i)).OrderBy(t => t.TrackId).ToList();
    }
}
