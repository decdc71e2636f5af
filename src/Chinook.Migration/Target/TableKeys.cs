namespace Chinook.Migration.Target
{
    /// <summary>
    /// The key attribute and index names the four tables share with every stage that reads or writes them
    /// (transformation, export, validation), so that they are spelled in one place only.
    /// </summary>
    public static class TableKeys
    {
        public const string PartitionKey = "PK";
        public const string SortKey = "SK";
        public const string Gsi1PartitionKey = "GSI1PK";
        public const string Gsi1SortKey = "GSI1SK";
        public const string Gsi2PartitionKey = "GSI2PK";

        /// <summary>MusicCatalog: artists and tracks by name (GSI1PK=ARTIST_NAME#.. or TRACK_NAME#.., GSI1SK=ARTIST#.. or TRACK#..).</summary>
        public const string NameSearchIndex = "GSI1-NameSearch";

        /// <summary>MusicCatalog: tracks by genre name (GSI2PK=GENRE#..).</summary>
        public const string GenreSearchIndex = "GSI2-GenreSearch";

        /// <summary>CustomerOrders: customers by lower-case e-mail (GSI1PK=EMAIL#.., GSI1SK=CUSTOMER#..).</summary>
        public const string EmailSearchIndex = "GSI1-EmailSearch";

        /// <summary>
        /// The tag New-ChinookDynamoTable writes on every table it creates. Remove-ChinookDynamoTable deletes only
        /// tables that carry it (unless forced), so a table of the same name made by someone else survives a rollback.
        /// </summary>
        public const string ManagedTagKey = "chinook-migration:managed";
        public const string ManagedTagValue = "true";
    }
}
