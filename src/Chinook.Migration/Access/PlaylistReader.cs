using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Chinook.Migration.Items;

namespace Chinook.Migration.Access
{
    /// <summary>
    /// The Playlists access patterns, answered from DynamoDB alone: a playlist with all its tracks (one Query on
    /// PK=PLAYLIST#id: METADATA and every PAGE# item, stitched back in page order), and the list of playlists.
    /// </summary>
    public sealed class PlaylistReader : AccessReader
    {
        private static readonly string[] SummaryAttributes = { ChinookItem.EntityTypeName, "PlaylistId", ItemAttributes.Playlist.Name, ItemAttributes.Playlist.TrackCount,
            ItemAttributes.Playlist.TotalDuration, ItemAttributes.Playlist.PageCount };

        /// <param name="progress">Told about each request as it starts and after each page; may be null.</param>
        /// <exception cref="ArgumentException">The prefix is not allowed in a table name.</exception>
        public PlaylistReader(Target.DynamoConnection connection, string? tablePrefix = null, IProgress<ReadProgress>? progress = null)
            : base(new TableReader(connection, tablePrefix, TableNames.Playlists), progress)
        {
        }

        /// <summary>
        /// The playlist and its tracks, page after page in page-number order and in order within each page (TrackId
        /// order, as written). Null when the playlist's partition is empty.
        /// </summary>
        public async Task<PlaylistDetails?> GetPlaylistAsync(long playlistId, CancellationToken cancellationToken)
        {
            var items = await Table.QueryAsync(KeyQuery.Partition(ChinookKeys.Playlist(playlistId)), NewCall(), cancellationToken).ConfigureAwait(false);
            if (items.Count == 0)
            {
                return null;
            }
            var metadata = items.FirstOrDefault(i => i.SK == ChinookKeys.Metadata);
            var pages = items
                .Where(i => i.EntityType == nameof(ChinookEntity.PlaylistPage))
                .Select(i => new ItemFields(i))
                .Select(page => (Number: page.RequiredInteger(ItemAttributes.PlaylistPage.PageNumber), Tracks: page.Maps(ItemAttributes.PlaylistPage.Tracks)))
                .OrderBy(page => page.Number)
                .ToList();
            var tracks = new List<PlaylistTrackEntry>();
            foreach (var page in pages)
            {
                foreach (var track in page.Tracks)
                {
                    tracks.Add(new PlaylistTrackEntry(playlistId, tracks.Count + 1, page.Number, track));
                }
            }
            return new PlaylistDetails(playlistId, metadata is null ? null : new PlaylistSummary(metadata), tracks, pages.Count);
        }

        /// <summary>
        /// Every playlist's METADATA item, in PlaylistId order. The table has no index on names, so this is a Scan
        /// of the whole table (filtered to METADATA items, page bodies left out of the answer): it costs reads in
        /// proportion to the table's size, which is small for playlists.
        /// </summary>
        public async Task<IReadOnlyList<PlaylistSummary>> ListPlaylistsAsync(CancellationToken cancellationToken)
        {
            var items = await Table.ScanSortKeyAsync(ChinookKeys.Metadata, SummaryAttributes, NewCall(), cancellationToken).ConfigureAwait(false);
            return items.Where(i => i.EntityType == nameof(ChinookEntity.Playlist)).Select(i => new PlaylistSummary(i)).OrderBy(p => p.PlaylistId).ToList();
        }
    }
}
