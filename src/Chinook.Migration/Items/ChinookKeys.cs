using System;
using System.Globalization;

namespace Chinook.Migration.Items
{
    /// <summary>
    /// The key attributes, indexes and key values of every Chinook item, in one place for the transformation, the
    /// tables, the readers and the validation. Ids are written in plain decimal; the order sort key is built to
    /// sort by date and be unique.
    /// </summary>
    public static class ChinookKeys
    {
        public const string PartitionKeyName = "PK";
        public const string SortKeyName = "SK";
        public const string Gsi1PartitionKeyName = "GSI1PK";
        public const string Gsi1SortKeyName = "GSI1SK";
        public const string Gsi2PartitionKeyName = "GSI2PK";
        public const string Gsi3PartitionKeyName = "GSI3PK";
        public const string Gsi3SortKeyName = "GSI3SK";

        /// <summary>MusicCatalog: artists and tracks by name (GSI1PK=ARTIST_NAME#.. or TRACK_NAME#.., GSI1SK=ARTIST#.. or TRACK#..).</summary>
        public const string NameSearchIndex = "GSI1-NameSearch";

        /// <summary>MusicCatalog: tracks by genre name (GSI2PK=GENRE#..).</summary>
        public const string GenreSearchIndex = "GSI2-GenreSearch";

        /// <summary>
        /// MusicCatalog: artists, tracks, genres and media types by lower-case name (GSI3PK=ARTIST_LOWER#<first letter>,
        /// TRACK_LOWER#<first letter>, GENRE_LOWER or MEDIATYPE_LOWER; GSI3SK=the lower-case name), for lookups without
        /// regard to case: DynamoDB compares keys case-sensitively, and the user's GSI1/GSI2 keys keep the names as written.
        /// </summary>
        public const string LowerNameIndex = "GSI3-LowerName";

        /// <summary>CustomerOrders: customers by lower-case e-mail (GSI1PK=EMAIL#.., GSI1SK=CUSTOMER#..).</summary>
        public const string EmailSearchIndex = "GSI1-EmailSearch";

        public const string Metadata = "METADATA";
        public const string Profile = "PROFILE";

        /// <summary>The partition of tracks whose AlbumId is null: a key value cannot be empty.</summary>
        public const string NoAlbum = "ALBUM#NONE";

        public static string Artist(long artistId) => "ARTIST#" + Id(artistId);
        public static string Album(long albumId) => "ALBUM#" + Id(albumId);
        public static string Track(long trackId) => "TRACK#" + Id(trackId);
        public static string Genre(long genreId) => "GENRE#" + Id(genreId);
        public static string MediaType(long mediaTypeId) => "MEDIATYPE#" + Id(mediaTypeId);
        public static string Customer(long customerId) => "CUSTOMER#" + Id(customerId);
        public static string Playlist(long playlistId) => "PLAYLIST#" + Id(playlistId);
        public static string Employee(long employeeId) => "EMPLOYEE#" + Id(employeeId);
        public static string Report(long employeeId) => "REPORT#" + Id(employeeId);

        /// <summary>PAGE#00001: five digits so that pages sort in order.</summary>
        public static string Page(int pageNumber) => "PAGE#" + pageNumber.ToString("D5", CultureInfo.InvariantCulture);

        /// <summary>ORDER#2021-01-01T00:00:00Z#0000000098: sorts by date, and the invoice id keeps same-instant orders apart.</summary>
        public static string Order(DateTime invoiceDateUtc, long invoiceId) =>
            "ORDER#" + invoiceDateUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) + "#" + invoiceId.ToString("D10", CultureInfo.InvariantCulture);

        /// <summary>GSI1-NameSearch partition key of an artist.</summary>
        public static string ArtistName(string name) => "ARTIST_NAME#" + name;

        /// <summary>GSI1-NameSearch partition key of a track.</summary>
        public static string TrackName(string name) => "TRACK_NAME#" + name;

        /// <summary>GSI2-GenreSearch partition key of a track.</summary>
        public static string GenreName(string name) => "GENRE#" + name;

        /// <summary>GSI3-LowerName sort key: the name in lower case (invariant culture), so that any letter case compares equal.</summary>
        public static string LowerName(string name) => name.ToLowerInvariant();

        /// <summary>
        /// GSI3-LowerName partition key of an artist: its lower-case name's first letter, so that the writes of many
        /// artists spread over many partitions and a lookup by a name or a prefix reads one.
        /// </summary>
        public static string ArtistLowerName(string name) => "ARTIST_LOWER#" + FirstLetter(LowerName(name));

        /// <summary>GSI3-LowerName partition key of a track, by the first letter as for artists.</summary>
        public static string TrackLowerName(string name) => "TRACK_LOWER#" + FirstLetter(LowerName(name));

        /// <summary>GSI3-LowerName partition of every genre reference item: a short list, read whole by a completer or a pattern.</summary>
        public const string GenreLowerNames = "GENRE_LOWER";

        /// <summary>GSI3-LowerName partition of every media-type reference item.</summary>
        public const string MediaTypeLowerNames = "MEDIATYPE_LOWER";

        /// <summary>The first character of a text, a surrogate pair kept whole (a lone half is not valid UTF-8).</summary>
        public static string FirstLetter(string text) =>
            text.Length > 1 && char.IsHighSurrogate(text[0]) ? text.Substring(0, 2) : text.Substring(0, Math.Min(text.Length, 1));

        /// <summary>GSI1-EmailSearch partition key: e-mail addresses compare without case.</summary>
        public static string Email(string email) => "EMAIL#" + email.ToLowerInvariant();

        private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
    }
}
