using System;

namespace Chinook.Migration.Items
{
    /// <summary>The kinds of item the migration writes; an item's EntityType attribute holds the name.</summary>
    public enum ChinookEntity
    {
        Artist,
        Album,
        Track,
        Genre,
        MediaType,
        Customer,
        Order,
        Playlist,
        PlaylistPage,
        Employee,
        DirectReport,
        SupportedCustomer,
    }

    public static class ChinookEntities
    {
        /// <summary>The target table (base name, no prefix) an entity's items go to.</summary>
        public static string TableOf(ChinookEntity entity) => entity switch
        {
            ChinookEntity.Artist or ChinookEntity.Album or ChinookEntity.Track or ChinookEntity.Genre or ChinookEntity.MediaType => TableNames.MusicCatalog,
            ChinookEntity.Customer or ChinookEntity.Order => TableNames.CustomerOrders,
            ChinookEntity.Playlist or ChinookEntity.PlaylistPage => TableNames.Playlists,
            ChinookEntity.Employee or ChinookEntity.DirectReport or ChinookEntity.SupportedCustomer => TableNames.EmployeeManagement,
            _ => throw new ArgumentOutOfRangeException(nameof(entity), entity, null),
        };
    }
}
