using System;
using Chinook.Migration.Items;

namespace Chinook.Migration.Access
{
    /// <summary>A playlist's METADATA item (PK=PLAYLIST#id): its name, how many tracks and pages it has and how long its tracks play together.</summary>
    public sealed class PlaylistSummary
    {
        internal PlaylistSummary(ChinookItem item)
        {
            var fields = new ItemFields(item);
            PlaylistId = fields.RequiredInteger("PlaylistId");
            Name = fields.Text(ItemAttributes.Playlist.Name);
            TrackCount = fields.Integer(ItemAttributes.Playlist.TrackCount);
            TotalMilliseconds = fields.Integer(ItemAttributes.Playlist.TotalDuration);
            PageCount = fields.Integer(ItemAttributes.Playlist.PageCount);
        }

        public long PlaylistId { get; }
        public string? Name { get; }
        public long? TrackCount { get; }

        /// <summary>The item's TotalDuration: the sum of its tracks' Milliseconds.</summary>
        public long? TotalMilliseconds { get; }

        public TimeSpan? TotalDuration => TotalMilliseconds is long ms ? TimeSpan.FromMilliseconds(ms) : (TimeSpan?)null;

        public long? PageCount { get; }

        public override string ToString() => Name ?? $"Playlist {PlaylistId}";
    }
}
