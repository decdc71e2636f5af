namespace Chinook.Migration.Items
{
    /// <summary>
    /// The names of the attributes an item holds beyond its source row's own columns: the copies, the derived
    /// values and the maps nested in lists. Scripts written against the user's design read the order's
    /// LineItems and the playlist's TrackCount, TotalDuration and track maps by these names, so they are the
    /// user's; the pages, PageCount and ChainOfCommand are the module's additions to that layout.
    /// </summary>
    public static class ItemAttributes
    {
        public static class Album
        {
            public const string ArtistName = "ArtistName";
        }

        public static class Track
        {
            public const string AlbumTitle = "AlbumTitle";
            public const string ArtistId = "ArtistId";
            public const string ArtistName = "ArtistName";
            public const string GenreName = "GenreName";
            public const string MediaTypeName = "MediaTypeName";
        }

        public static class Customer
        {
            public const string SupportRepName = "SupportRepName";
            public const string TotalOrders = "TotalOrders";
            public const string TotalSpent = "TotalSpent";
        }

        public static class Order
        {
            /// <summary>The list of <see cref="LineItem"/> maps, in InvoiceLineId order.</summary>
            public const string LineItems = "LineItems";
        }

        /// <summary>A map in an order's <see cref="Order.LineItems"/>: the InvoiceLine row's columns (its InvoiceId is the order's) and the names copied along its track.</summary>
        public static class LineItem
        {
            public const string InvoiceLineId = "InvoiceLineId";
            public const string TrackId = "TrackId";
            public const string TrackName = "TrackName";
            public const string ArtistName = "ArtistName";
            public const string AlbumTitle = "AlbumTitle";
            public const string UnitPrice = "UnitPrice";
            public const string Quantity = "Quantity";
        }

        public static class Playlist
        {
            public const string Name = "Name";
            public const string TrackCount = "TrackCount";

            /// <summary>The sum of the Milliseconds of the playlist's tracks.</summary>
            public const string TotalDuration = "TotalDuration";

            public const string PageCount = "PageCount";
        }

        public static class PlaylistPage
        {
            public const string PlaylistId = "PlaylistId";
            public const string PageNumber = "PageNumber";

            /// <summary>The list of <see cref="PlaylistTrack"/> maps, in TrackId order.</summary>
            public const string Tracks = "Tracks";
        }

        /// <summary>A map in a page's <see cref="PlaylistPage.Tracks"/>: the PlaylistTrack row's TrackId and what is copied from its track.</summary>
        public static class PlaylistTrack
        {
            public const string TrackId = "TrackId";
            public const string Name = "Name";

            /// <summary>The track's Milliseconds.</summary>
            public const string Duration = "Duration";

            public const string UnitPrice = "UnitPrice";
            public const string ArtistName = "ArtistName";
            public const string AlbumTitle = "AlbumTitle";
        }

        public static class Employee
        {
            public const string ManagerName = "ManagerName";

            /// <summary>The managers above the employee, nearest first, each a map of their EmployeeId, FirstName, LastName and Title.</summary>
            public const string ChainOfCommand = "ChainOfCommand";
        }
    }
}
