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
            TrackId = fields.RequiredInteger("TrackId");
            Name = fields.Text("Name");
            AlbumTitle = fields.Text("AlbumTitle");
            ArtistName = fields.Text("ArtistName");
        }

        public long PlaylistId { get; }
        public int Position { get; }

        /// <summary>The page item (SK=PAGE#00001, ...) the track is embedded in.</summary>
        public long PageNumber { get; }

        public long TrackId { get; }
        public string? Name { get; }
        public string? AlbumTitle { get; }
        public string? ArtistName { get; }

        public override string ToString() => Name ?? $"Track {TrackId}";
    }
}
