using System;
using Chinook.Migration.Items;

namespace Chinook.Migration.Access
{
    /// <summary>One track of a playlist as a page embeds it, with its place in the whole playlist (1 = first).</summary>
    public sealed class PlaylistTrackEntry
    {
        internal PlaylistTrackEntry(long playlistId, int position, long pageNumber, ItemFields fields)
        {
            PlaylistId = playlistId;
            Position = position;
            PageNumber = pageNumber;
            TrackId = fields.RequiredInteger(ItemAttributes.PlaylistTrack.TrackId);
            Name = fields.Text(ItemAttributes.PlaylistTrack.Name);
            Milliseconds = fields.Integer(ItemAttributes.PlaylistTrack.Duration);
            UnitPrice = fields.Money(ItemAttributes.PlaylistTrack.UnitPrice);
            ArtistName = fields.Text(ItemAttributes.PlaylistTrack.ArtistName);
            AlbumTitle = fields.Text(ItemAttributes.PlaylistTrack.AlbumTitle);
        }

        public long PlaylistId { get; }
        public int Position { get; }

        /// <summary>The page item (SK=PAGE#00001, ...) the track is embedded in.</summary>
        public long PageNumber { get; }

        public long TrackId { get; }
        public string? Name { get; }

        /// <summary>The track's length, the entry's Duration attribute.</summary>
        public long? Milliseconds { get; }

        public TimeSpan? Duration => Milliseconds is long ms ? TimeSpan.FromMilliseconds(ms) : (TimeSpan?)null;

        public decimal? UnitPrice { get; }
        public string? ArtistName { get; }
        public string? AlbumTitle { get; }

        public override string ToString() => Name ?? $"Track {TrackId}";
    }
}
