using System;
using System.Collections.Generic;
using Chinook.Migration.Items;
using Chinook.Migration.Source;

namespace Chinook.Migration.Transform
{
    /// <summary>
    /// Fills one playlist's pages with its tracks, in the order given (TrackId), and emits each page as soon as
    /// the next track would take it over DynamoDB's 400 KB item limit; memory holds one page.
    /// </summary>
    internal sealed class PlaylistPager
    {
        private static readonly SourceTable PlaylistTrack = ChinookSchema.Table("PlaylistTrack");
        private static readonly string[] TrackCopies =
        {
            ItemAttributes.PlaylistTrack.Name, ItemAttributes.PlaylistTrack.Duration, ItemAttributes.PlaylistTrack.UnitPrice,
            ItemAttributes.PlaylistTrack.ArtistName, ItemAttributes.PlaylistTrack.AlbumTitle,
        };
        private const int ListElementOverhead = 1;

        private readonly ConversionContext context;
        private readonly bool emitPages;
        private List<object?> tracks = new List<object?>();
        private int pageSize;
        private string firstRowKey = string.Empty;

        public PlaylistPager(ConversionContext context, long playlistId, bool emitPages)
        {
            this.context = context;
            this.emitPages = emitPages;
            PlaylistId = playlistId;
            pageSize = EmptyPageSize(1);
        }

        public long PlaylistId { get; }
        public long TrackCount { get; private set; }

        /// <summary>The sum of the added tracks' Duration (their Milliseconds), counted before any copy is left out.</summary>
        public long TotalDuration { get; private set; }
        public int PageCount { get; private set; }

        /// <param name="rowKey">The track's source row key, asked for while the row is current and only when a page starts or a message needs it.</param>
        public IEnumerable<ConversionOutput> Add(Dictionary<string, object?> track, Func<string> rowKey)
        {
            if (track.TryGetValue(ItemAttributes.PlaylistTrack.Duration, out var duration) && duration is long milliseconds)
            {
                TotalDuration += milliseconds;
            }
            var trackSize = ListElementOverhead + ItemSize.Value(track);
            if (pageSize + trackSize > ItemLimits.MaxItemBytes && tracks.Count > 0)
            {
                foreach (var output in Flush())
                {
                    yield return output;
                }
            }
            if (pageSize + trackSize > ItemLimits.MaxItemBytes)
            {
                // Alone on a page and still too large: only its copies (the names above all) can make it so; the TrackId always fits.
                var fullSize = trackSize;
                foreach (var copy in TrackCopies)
                {
                    track.Remove(copy);
                }
                trackSize = ListElementOverhead + ItemSize.Value(track);
                var key = rowKey();
                yield return context.Problem(ProblemSeverity.Warning, ConversionProblemKind.CopiesLeftOut, PlaylistTrack.Name, key, null,
                    $"PlaylistTrack row {key}: the track's entry would be {fullSize:N0} bytes, too large for a 400 KB page; it is embedded with its TrackId only.");
            }
            if (tracks.Count == 0)
            {
                firstRowKey = rowKey();
            }
            tracks.Add(track);
            pageSize += trackSize;
            TrackCount++;
        }

        /// <summary>The last, partly filled page; nothing for a playlist without tracks.</summary>
        public IEnumerable<ConversionOutput> Finish() => tracks.Count > 0 ? Flush() : Array.Empty<ConversionOutput>();

        private IEnumerable<ConversionOutput> Flush()
        {
            PageCount++;
            var page = Page(PageCount, tracks);
            tracks = new List<object?>();
            pageSize = EmptyPageSize(PageCount + 1);
            return emitPages ? context.Complete(page) : Array.Empty<ConversionOutput>();
        }

        private ItemDraft Page(int pageNumber, List<object?> pageTracks) =>
            new ItemDraft(TableNames.Playlists, ChinookEntity.PlaylistPage, ChinookKeys.Playlist(PlaylistId), ChinookKeys.Page(pageNumber), PlaylistTrack, firstRowKey)
                .Put(ItemAttributes.PlaylistPage.PlaylistId, PlaylistId)
                .Put(ItemAttributes.PlaylistPage.PageNumber, (long)pageNumber)
                .Put(ItemAttributes.PlaylistPage.Tracks, pageTracks);

        private int EmptyPageSize(int pageNumber)
        {
            var draft = Page(pageNumber, new List<object?>());
            return ItemSize.Of(draft.PartitionKey, draft.SortKey, draft.Attributes);
        }
    }
}
