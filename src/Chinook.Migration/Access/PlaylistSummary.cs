using Chinook.Migration.Items;

namespace Chinook.Migration.Access
{
    /// <summary>A playlist's METADATA item (PK=PLAYLIST#id): its name and how many tracks and pages it has.</summary>
    public sealed class PlaylistSummary
    {
        internal PlaylistSummary(ChinookItem item)
        {
            var fields = new ItemFields(item);
            PlaylistId = fields.RequiredInteger("PlaylistId");
            Name = fields.Text("Name");
            TrackCount = fields.Integer("TrackCount");
            PageCount = fields.Integer("PageCount");
        }

        public long PlaylistId { get; }
        public string? Name { get; }
        public long? TrackCount { get; }
        public long? PageCount { get; }

        public override string ToString() => Name ?? $"Playlist {PlaylistId}";
    }
}
