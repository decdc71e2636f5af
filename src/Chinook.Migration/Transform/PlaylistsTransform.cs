using System;
using System.Collections.Generic;
using Chinook.Migration.Items;
using Chinook.Migration.Source;

namespace Chinook.Migration.Transform
{
    /// <summary>
    /// Playlists: per playlist, pages (SK=PAGE#00001, ...) that embed its tracks in TrackId order, each page
    /// filled up to DynamoDB's 400 KB by the item-size rules, then the METADATA item with the name, the
    /// track count, the total duration (the sum of the tracks' Milliseconds) and the page count. An empty playlist has only its METADATA item. PlaylistTrack rows whose
    /// playlist does not exist still get pages, so no row of the source is lost.
    /// </summary>
    internal static class PlaylistsTransform
    {
        private static readonly SourceTable Playlist = ChinookSchema.Table("Playlist");
        private static readonly SourceTable PlaylistTrack = ChinookSchema.Table("PlaylistTrack");
        private const string TrackCopies = ", t.Name AS [TrackName], t.Milliseconds AS [TrackMilliseconds], t.UnitPrice AS [TrackUnitPrice], " +
                                           "al.Title AS [AlbumTitle], ar.Name AS [ArtistName]";
        private const string TrackJoins = " LEFT JOIN [Track] AS t ON t.TrackId = pt.TrackId LEFT JOIN [Album] AS al ON al.AlbumId = t.AlbumId " +
                                          "LEFT JOIN [Artist] AS ar ON ar.ArtistId = al.ArtistId";

        public static IEnumerable<ConversionStep> Steps(ConversionOptions options)
        {
            var pages = options.Selects(ChinookEntity.PlaylistPage);
            if (pages || options.Selects(ChinookEntity.Playlist))
            {
                yield return new ConversionStep(Playlist.Name,
                    "Playlist rows joined with their PlaylistTrack rows and each track's name, duration and price and its Album and Artist names, in PlaylistId, TrackId order",
                    SourceRowCursor.Columns(Playlist, "p") + ", " + SourceRowCursor.Columns(PlaylistTrack, "pt") + TrackCopies,
                    "[Playlist] AS p LEFT JOIN [PlaylistTrack] AS pt ON pt.PlaylistId = p.PlaylistId" + TrackJoins,
                    "p.PlaylistId, pt.TrackId", (context, cursor) => ConvertPlaylists(context, cursor, pages));
            }
            if (pages)
            {
                yield return new ConversionStep(PlaylistTrack.Name, "PlaylistTrack rows whose Playlist does not exist, in PlaylistId, TrackId order",
                    SourceRowCursor.Columns(PlaylistTrack, "pt") + TrackCopies,
                    "[PlaylistTrack] AS pt" + TrackJoins + " WHERE NOT EXISTS (SELECT 1 FROM [Playlist] AS p WHERE p.PlaylistId = pt.PlaylistId)",
                    "pt.PlaylistId, pt.TrackId", ConvertOrphanTracks);
            }
        }

        private static IEnumerable<ConversionOutput> ConvertPlaylists(ConversionContext context, SourceRowCursor cursor, bool emitPages) =>
            // A PlaylistId that is not a whole number gets no pages: its PlaylistTrack rows report the same bad value.
            context.EachAggregate(cursor, Playlist, "p", (row, key) => new PagedPlaylist(context, row, key,
                cursor.CopiedInteger("p.PlaylistId") is long id ? new PlaylistPager(context, id, emitPages) : null));

        private static IEnumerable<ConversionOutput> ConvertOrphanTracks(ConversionContext context, SourceRowCursor cursor)
        {
            PlaylistPager? pager = null;
            while (cursor.Read())
            {
                var playlistId = cursor.CopiedInteger("pt.PlaylistId");
                if (pager is not null && pager.PlaylistId != playlistId)
                {
                    foreach (var output in pager.Finish())
                    {
                        yield return output;
                    }
                    pager = null;
                }
                if (playlistId is long id)
                {
                    pager ??= new PlaylistPager(context, id, emitPages: true);
                }
                foreach (var output in AddTrack(context, cursor, pager))
                {
                    yield return output;
                }
            }
            foreach (var output in pager?.Finish() ?? Array.Empty<ConversionOutput>())
            {
                yield return output;
            }
        }

        /// <summary>Adds the current PlaylistTrack row to the pager; a row with a bad value is reported and left out.</summary>
        private static IEnumerable<ConversionOutput> AddTrack(ConversionContext context, SourceRowCursor cursor, PlaylistPager? pager)
        {
            var (entry, problems) = context.ReadRow(PlaylistTrack, "pt", cursor);
            foreach (var problem in problems)
            {
                yield return problem;
            }
            if (entry is null || pager is null)
            {
                yield break;
            }
            var track = ItemDraft.Map((ItemAttributes.PlaylistTrack.TrackId, entry["TrackId"]), (ItemAttributes.PlaylistTrack.Name, cursor.CopiedText("TrackName")),
                (ItemAttributes.PlaylistTrack.Duration, cursor.CopiedInteger("TrackMilliseconds")), (ItemAttributes.PlaylistTrack.UnitPrice, cursor.CopiedMoney("TrackUnitPrice")),
                (ItemAttributes.PlaylistTrack.ArtistName, cursor.CopiedText("ArtistName")), (ItemAttributes.PlaylistTrack.AlbumTitle, cursor.CopiedText("AlbumTitle")));
            foreach (var output in pager.Add(track, () => cursor.RowKey(PlaylistTrack, "pt")))
            {
                yield return output;
            }
        }

        /// <summary>A playlist's pages as they fill, then its METADATA item with the track count, total duration and page count.</summary>
        private sealed class PagedPlaylist : Aggregate
        {
            private readonly ConversionContext context;
            private readonly Dictionary<string, object?>? playlist;
            private readonly string key;
            private readonly PlaylistPager? pager;

            public PagedPlaylist(ConversionContext context, Dictionary<string, object?>? playlist, string key, PlaylistPager? pager)
            {
                this.context = context;
                this.playlist = playlist;
                this.key = key;
                this.pager = pager;
            }

            public override IEnumerable<ConversionOutput> Add(SourceRowCursor cursor) =>
                cursor.IsNull("pt.TrackId") ? Array.Empty<ConversionOutput>() : AddTrack(context, cursor, pager);

            public override IEnumerable<ConversionOutput> Complete()
            {
                foreach (var output in pager?.Finish() ?? Array.Empty<ConversionOutput>())
                {
                    yield return output;
                }
                if (playlist is null || pager is null || !context.Selects(ChinookEntity.Playlist))
                {
                    yield break;
                }
                var draft = new ItemDraft(TableNames.Playlists, ChinookEntity.Playlist, ChinookKeys.Playlist(pager.PlaylistId), ChinookKeys.Metadata, Playlist, key)
                    .PutRow(playlist)
                    .Put(ItemAttributes.Playlist.TrackCount, pager.TrackCount)
                    .Put(ItemAttributes.Playlist.TotalDuration, pager.TotalDuration)
                    .Put(ItemAttributes.Playlist.PageCount, (long)pager.PageCount);
                foreach (var output in context.Complete(draft))
                {
                    yield return output;
                }
            }
        }
    }
}
