using System.Collections.Generic;
using System.Linq;

namespace Chinook.Migration.Access
{
    /// <summary>An artist with their albums in AlbumId order, each with its tracks: the MusicStoreAPI's artist catalog.</summary>
    public sealed class ArtistCatalog
    {
        internal ArtistCatalog(long artistId, string? name, IEnumerable<CatalogAlbum> albums)
        {
            ArtistId = artistId;
            Name = name;
            Albums = albums.OrderBy(a => a.AlbumId).ToList();
            Tracks = Albums.SelectMany(a => a.Tracks).ToList();
        }

        public long ArtistId { get; }

        /// <summary>The artist's name; null when the artist item is missing but albums are filed under the id.</summary>
        public string? Name { get; }

        public IReadOnlyList<CatalogAlbum> Albums { get; }

        /// <summary>Every track of every album, album by album.</summary>
        public IReadOnlyList<CatalogTrack> Tracks { get; }

        public int AlbumCount => Albums.Count;
        public int TrackCount => Tracks.Count;

        public override string ToString() => Name ?? $"Artist {ArtistId}";
    }
}
