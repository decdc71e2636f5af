using System;
using Chinook.Migration.Items;

namespace Chinook.Migration.Access
{
    /// <summary>A track as MusicCatalog holds it (PK=ALBUM#id, SK=TRACK#id), with the names copied onto it.</summary>
    public sealed class CatalogTrack
    {
        internal CatalogTrack(ChinookItem item)
        {
            var fields = new ItemFields(item);
            TrackId = fields.RequiredInteger("TrackId");
            Name = fields.Text("Name");
            AlbumId = fields.Integer("AlbumId");
            AlbumTitle = fields.Text(ItemAttributes.Track.AlbumTitle);
            ArtistId = fields.Integer(ItemAttributes.Track.ArtistId);
            ArtistName = fields.Text(ItemAttributes.Track.ArtistName);
            GenreId = fields.Integer("GenreId");
            GenreName = fields.Text(ItemAttributes.Track.GenreName);
            MediaTypeId = fields.Integer("MediaTypeId");
            MediaTypeName = fields.Text(ItemAttributes.Track.MediaTypeName);
            Composer = fields.Text("Composer");
            Milliseconds = fields.Integer("Milliseconds");
            Bytes = fields.Integer("Bytes");
            UnitPrice = fields.Money("UnitPrice");
        }

        public long TrackId { get; }
        public string? Name { get; }
        public long? AlbumId { get; }
        public string? AlbumTitle { get; }
        public long? ArtistId { get; }
        public string? ArtistName { get; }
        public long? GenreId { get; }
        public string? GenreName { get; }
        public long? MediaTypeId { get; }
        public string? MediaTypeName { get; }
        public string? Composer { get; }
        public long? Milliseconds { get; }

        /// <summary>The track's length, from Milliseconds.</summary>
        public TimeSpan? Duration => Milliseconds is long ms ? TimeSpan.FromMilliseconds(ms) : (TimeSpan?)null;

        public long? Bytes { get; }
        public decimal? UnitPrice { get; }

        public override string ToString() => Name ?? $"Track {TrackId}";
    }
}
