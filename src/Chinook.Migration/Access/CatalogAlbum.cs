using System;
using System.Collections.Generic;
using System.Linq;
using Chinook.Migration.Items;

namespace Chinook.Migration.Access
{
    /// <summary>An album (PK=ARTIST#id, SK=ALBUM#id) with its tracks (PK=ALBUM#id) in TrackId order.</summary>
    public sealed class CatalogAlbum
    {
        internal CatalogAlbum(ChinookItem item, IEnumerable<CatalogTrack> tracks)
        {
            var fields = new ItemFields(item);
            AlbumId = fields.RequiredInteger("AlbumId");
            Title = fields.Text("Title");
            ArtistId = fields.Integer("ArtistId");
            ArtistName = fields.Text(ItemAttributes.Album.ArtistName);
            Tracks = tracks.OrderBy(t => t.TrackId).ToList();
        }

        public long AlbumId { get; }
        public string? Title { get; }
        public long? ArtistId { get; }
        public string? ArtistName { get; }
        public IReadOnlyList<CatalogTrack> Tracks { get; }
        public int TrackCount => Tracks.Count;

        /// <summary>The tracks' lengths added up.</summary>
        public TimeSpan Duration => TimeSpan.FromMilliseconds(Tracks.Sum(t => t.Milliseconds ?? 0));

        public override string ToString() => Title ?? $"Album {AlbumId}";
    }
}
