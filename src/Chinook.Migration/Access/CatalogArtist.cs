using Chinook.Migration.Items;

namespace Chinook.Migration.Access
{
    /// <summary>An artist as MusicCatalog holds it (PK=ARTIST#id, SK=METADATA).</summary>
    public sealed class CatalogArtist
    {
        internal CatalogArtist(ChinookItem item)
        {
            var fields = new ItemFields(item);
            ArtistId = fields.RequiredInteger("ArtistId");
            Name = fields.Text("Name");
        }

        public long ArtistId { get; }
        public string? Name { get; }

        public override string ToString() => Name ?? $"Artist {ArtistId}";
    }
}
