using System;
using System.Collections.Generic;

namespace Chinook.Migration.Access
{
    /// <summary>A playlist with every track of every page, stitched back together in page order.</summary>
    public sealed class PlaylistDetails
    {
        internal PlaylistDetails(long playlistId, PlaylistSummary? summary, IReadOnlyList<PlaylistTrackEntry> tracks, int pagesRead)
        {
            PlaylistId = playlistId;
            Name = summary?.Name;
            TrackCount = tracks.Count;
            TotalMilliseconds = summary?.TotalMilliseconds;
            PageCount = pagesRead;
            Tracks = tracks;
            Complete = summary is not null && summary.TrackCount == tracks.Count && summary.PageCount == pagesRead;
        }

        public long PlaylistId { get; }

        /// <summary>Null when the playlist's METADATA item is missing but pages are filed under the id.</summary>
        public string? Name { get; }

        /// <summary>The tracks read from the pages.</summary>
        public int TrackCount { get; }

        /// <summary>The sum of the tracks' Milliseconds, as the METADATA item gives it (TotalDuration); null when that item is missing.</summary>
        public long? TotalMilliseconds { get; }

        public TimeSpan? TotalDuration => TotalMilliseconds is long ms ? TimeSpan.FromMilliseconds(ms) : (TimeSpan?)null;

        /// <summary>The pages read.</summary>
        public int PageCount { get; }

        /// <summary>Whether the pages read hold as many tracks and pages as the METADATA item says the playlist has.</summary>
        public bool Complete { get; }

        public IReadOnlyList<PlaylistTrackEntry> Tracks { get; }

        public override string ToString() => Name ?? $"Playlist {PlaylistId}";
    }
}
