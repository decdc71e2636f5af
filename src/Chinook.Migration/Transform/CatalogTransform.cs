using System;
using System.Collections.Generic;
using Chinook.Migration.Items;
using Chinook.Migration.Source;

namespace Chinook.Migration.Transform
{
    /// <summary>
    /// MusicCatalog: genres and media types as reference items (so one no track uses survives), artists (with
    /// or without albums), albums in their artist's partition, and tracks in their album's partition with the
    /// album, artist, genre and media-type names copied on and the name and genre index keys. Artists, tracks, genres
    /// and media types also carry the keys of the lower-case name index.
    /// </summary>
    internal static class CatalogTransform
    {
        private static readonly SourceTable Artist = ChinookSchema.Table("Artist");
        private static readonly SourceTable Album = ChinookSchema.Table("Album");
        private static readonly SourceTable Track = ChinookSchema.Table("Track");
        private static readonly SourceTable Genre = ChinookSchema.Table("Genre");
        private static readonly SourceTable MediaType = ChinookSchema.Table("MediaType");

        public static IEnumerable<ConversionStep> Steps(ConversionOptions options)
        {
            if (options.Selects(ChinookEntity.Genre))
            {
                yield return ReferenceStep(Genre, ChinookEntity.Genre, "GenreId", ChinookKeys.Genre, ChinookKeys.GenreLowerNames);
            }
            if (options.Selects(ChinookEntity.MediaType))
            {
                yield return ReferenceStep(MediaType, ChinookEntity.MediaType, "MediaTypeId", ChinookKeys.MediaType, ChinookKeys.MediaTypeLowerNames);
            }
            if (options.Selects(ChinookEntity.Artist))
            {
                yield return new ConversionStep(Artist.Name, "Artist rows in ArtistId order",
                    SourceRowCursor.Columns(Artist, "ar"), "[Artist] AS ar", "ar.ArtistId", ConvertArtists);
            }
            if (options.Selects(ChinookEntity.Album))
            {
                yield return new ConversionStep(Album.Name, "Album rows joined with their Artist, in ArtistId, AlbumId order",
                    SourceRowCursor.Columns(Album, "al") + ", ar.Name AS [ArtistName]",
                    "[Album] AS al LEFT JOIN [Artist] AS ar ON ar.ArtistId = al.ArtistId", "al.ArtistId, al.AlbumId", ConvertAlbums);
            }
            if (options.Selects(ChinookEntity.Track))
            {
                yield return new ConversionStep(Track.Name, "Track rows joined with their Album, Artist, Genre and MediaType, in AlbumId, TrackId order",
                    SourceRowCursor.Columns(Track, "t") +
                    ", al.Title AS [AlbumTitle], al.ArtistId AS [ArtistId], ar.Name AS [ArtistName], g.Name AS [GenreName], m.Name AS [MediaTypeName]",
                    "[Track] AS t LEFT JOIN [Album] AS al ON al.AlbumId = t.AlbumId LEFT JOIN [Artist] AS ar ON ar.ArtistId = al.ArtistId " +
                    "LEFT JOIN [Genre] AS g ON g.GenreId = t.GenreId LEFT JOIN [MediaType] AS m ON m.MediaTypeId = t.MediaTypeId",
                    "t.AlbumId, t.TrackId", ConvertTracks);
            }
        }

        private static ConversionStep ReferenceStep(SourceTable table, ChinookEntity entity, string idColumn, Func<long, string> partitionKey, string lowerNamePartition) =>
            new ConversionStep(table.Name, $"{table.Name} rows in {idColumn} order", SourceRowCursor.Columns(table, "r"), $"[{table.Name}] AS r", "r." + idColumn,
                (context, cursor) => context.EachRow(cursor, table, "r", (row, key) =>
                    new ItemDraft(TableNames.MusicCatalog, entity, partitionKey(ConversionContext.Id(row, idColumn)), ChinookKeys.Metadata, table, key)
                        .PutRow(row)
                        .PutLowerNameKeys((string?)row["Name"], _ => lowerNamePartition)));

        private static IEnumerable<ConversionOutput> ConvertArtists(ConversionContext context, SourceRowCursor cursor) =>
            context.EachRow(cursor, Artist, "ar", (row, key) =>
            {
                var artistId = ConversionContext.Id(row, "ArtistId");
                return new ItemDraft(TableNames.MusicCatalog, ChinookEntity.Artist, ChinookKeys.Artist(artistId), ChinookKeys.Metadata, Artist, key)
                    .PutRow(row)
                    .PutIndexKeys(ChinookKeys.NameSearchIndex, "Name", (string?)row["Name"], ChinookKeys.Gsi1PartitionKeyName, ChinookKeys.ArtistName, ChinookKeys.Gsi1SortKeyName, ChinookKeys.Artist(artistId))
                    .PutLowerNameKeys((string?)row["Name"], ChinookKeys.ArtistLowerName);
            });

        private static IEnumerable<ConversionOutput> ConvertAlbums(ConversionContext context, SourceRowCursor cursor) =>
            context.EachRow(cursor, Album, "al", (row, key) =>
                new ItemDraft(TableNames.MusicCatalog, ChinookEntity.Album, ChinookKeys.Artist(ConversionContext.Id(row, "ArtistId")), ChinookKeys.Album(ConversionContext.Id(row, "AlbumId")), Album, key)
                    .PutRow(row)
                    .PutCopy(ItemAttributes.Album.ArtistName, cursor.CopiedText("ArtistName")));

        private static IEnumerable<ConversionOutput> ConvertTracks(ConversionContext context, SourceRowCursor cursor) =>
            context.EachRow(cursor, Track, "t", (row, key) =>
            {
                var trackKey = ChinookKeys.Track(ConversionContext.Id(row, "TrackId"));
                var partition = row["AlbumId"] is long albumId ? ChinookKeys.Album(albumId) : ChinookKeys.NoAlbum;
                var genreName = cursor.CopiedText("GenreName");
                return new ItemDraft(TableNames.MusicCatalog, ChinookEntity.Track, partition, trackKey, Track, key)
                    .PutRow(row)
                    .PutCopy(ItemAttributes.Track.AlbumTitle, cursor.CopiedText("AlbumTitle"))
                    .PutCopy(ItemAttributes.Track.ArtistId, cursor.CopiedInteger("ArtistId"))
                    .PutCopy(ItemAttributes.Track.ArtistName, cursor.CopiedText("ArtistName"))
                    .PutCopy(ItemAttributes.Track.GenreName, genreName)
                    .PutCopy(ItemAttributes.Track.MediaTypeName, cursor.CopiedText("MediaTypeName"))
                    .PutIndexKeys(ChinookKeys.NameSearchIndex, "Name", (string?)row["Name"], ChinookKeys.Gsi1PartitionKeyName, ChinookKeys.TrackName, ChinookKeys.Gsi1SortKeyName, trackKey)
                    .PutIndexKeys(ChinookKeys.GenreSearchIndex, "GenreName", genreName, ChinookKeys.Gsi2PartitionKeyName, ChinookKeys.GenreName)
                    .PutLowerNameKeys((string?)row["Name"], ChinookKeys.TrackLowerName);
            });
    }
}
