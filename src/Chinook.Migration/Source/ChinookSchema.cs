using System;
using System.Collections.Generic;
using System.Linq;

namespace Chinook.Migration.Source
{
    /// <summary>How a source column's values are read and carried into DynamoDB.</summary>
    public enum ColumnKind { Integer, Text, Money, DateTime }

    /// <summary>The user's migration priorities, from the pre-migration analysis.</summary>
    public enum MigrationPriority { Critical, High, Medium, Low }

    public sealed class SourceColumn
    {
        public SourceColumn(string name, ColumnKind kind, bool nullable)
        {
            Name = name;
            Kind = kind;
            Nullable = nullable;
        }

        public string Name { get; }
        public ColumnKind Kind { get; }
        public bool Nullable { get; }
    }

    public sealed class SourceForeignKey
    {
        public SourceForeignKey(string column, string referencedTable, string referencedColumn, string cardinality, string denormalization)
        {
            Column = column;
            ReferencedTable = referencedTable;
            ReferencedColumn = referencedColumn;
            Cardinality = cardinality;
            Denormalization = denormalization;
        }

        public string Column { get; }
        public string ReferencedTable { get; }
        public string ReferencedColumn { get; }
        /// <summary>1:M or M:M, as the relationship reads from the referenced table.</summary>
        public string Cardinality { get; }
        /// <summary>How the target keeps this relationship.</summary>
        public string Denormalization { get; }

        /// <summary>The SQL condition that a row of the referencing table (by its alias) sets this key but names no referenced row.</summary>
        internal string OrphanCondition(string alias) =>
            $"{alias}.[{Column}] IS NOT NULL AND NOT EXISTS (SELECT 1 FROM [{ReferencedTable}] AS r WHERE r.[{ReferencedColumn}] = {alias}.[{Column}])";
    }

    public sealed class SourceTable
    {
        internal SourceTable(string name, string role, MigrationPriority priority,
            IReadOnlyList<string> primaryKey, IReadOnlyList<SourceColumn> columns, IReadOnlyList<SourceForeignKey> foreignKeys)
        {
            Name = name;
            Role = role;
            Priority = priority;
            PrimaryKey = primaryKey;
            Columns = columns;
            ForeignKeys = foreignKeys;
        }

        public string Name { get; }
        public string Role { get; }
        public MigrationPriority Priority { get; }
        public IReadOnlyList<string> PrimaryKey { get; }
        public IReadOnlyList<SourceColumn> Columns { get; }
        public IReadOnlyList<SourceForeignKey> ForeignKeys { get; }

        public SourceColumn Column(string name) =>
            Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Table {Name} has no column {name}.", nameof(name));
    }

    /// <summary>
    /// The Chinook schema as this module expects it. Every SQL statement the module runs names tables and
    /// columns from this fixed list only, never from input.
    /// </summary>
    public static class ChinookSchema
    {
        private static SourceColumn Int(string name, bool nullable = false) => new SourceColumn(name, ColumnKind.Integer, nullable);
        private static SourceColumn Text(string name, bool nullable = true) => new SourceColumn(name, ColumnKind.Text, nullable);
        private static SourceColumn Money(string name) => new SourceColumn(name, ColumnKind.Money, false);
        private static SourceColumn Date(string name, bool nullable = true) => new SourceColumn(name, ColumnKind.DateTime, nullable);
        private static SourceForeignKey Fk(string column, string table, string cardinality, string how, string? referencedColumn = null) =>
            new SourceForeignKey(column, table, referencedColumn ?? column, cardinality, how);

        public static IReadOnlyList<SourceTable> Tables { get; } = new[]
        {
            new SourceTable("Artist", "Core Entity", MigrationPriority.Critical, new[] { "ArtistId" },
                new[] { Int("ArtistId"), Text("Name") }, Array.Empty<SourceForeignKey>()),
            new SourceTable("Album", "Core Entity", MigrationPriority.Critical, new[] { "AlbumId" },
                new[] { Int("AlbumId"), Text("Title", nullable: false), Int("ArtistId") },
                new[] { Fk("ArtistId", "Artist", "1:M", "album items sit in the artist's partition (PK=ARTIST#<ArtistId>); artist name copied onto each track") }),
            new SourceTable("Track", "Core Entity", MigrationPriority.Critical, new[] { "TrackId" },
                new[] { Int("TrackId"), Text("Name", nullable: false), Int("AlbumId", nullable: true), Int("MediaTypeId"), Int("GenreId", nullable: true),
                        Text("Composer"), Int("Milliseconds"), Int("Bytes", nullable: true), Money("UnitPrice") },
                new[]
                {
                    Fk("AlbumId", "Album", "1:M", "track items sit in the album's partition (PK=ALBUM#<AlbumId>) with the album title copied"),
                    Fk("MediaTypeId", "MediaType", "1:M", "media-type name copied onto each track; reference item kept"),
                    Fk("GenreId", "Genre", "1:M", "genre name copied onto each track (GSI2-GenreSearch); reference item kept"),
                }),
            new SourceTable("Genre", "Reference Data", MigrationPriority.Medium, new[] { "GenreId" },
                new[] { Int("GenreId"), Text("Name") }, Array.Empty<SourceForeignKey>()),
            new SourceTable("MediaType", "Reference Data", MigrationPriority.Low, new[] { "MediaTypeId" },
                new[] { Int("MediaTypeId"), Text("Name") }, Array.Empty<SourceForeignKey>()),
            new SourceTable("Customer", "Business Critical", MigrationPriority.High, new[] { "CustomerId" },
                new[] { Int("CustomerId"), Text("FirstName", nullable: false), Text("LastName", nullable: false), Text("Company"), Text("Address"),
                        Text("City"), Text("State"), Text("Country"), Text("PostalCode"), Text("Phone"), Text("Fax"),
                        Text("Email", nullable: false), Int("SupportRepId", nullable: true) },
                new[] { Fk("SupportRepId", "Employee", "1:M", "support rep's name copied onto the profile; the rep's customers listed in EmployeeManagement", "EmployeeId") }),
            new SourceTable("Invoice", "Transactional", MigrationPriority.High, new[] { "InvoiceId" },
                new[] { Int("InvoiceId"), Int("CustomerId"), Date("InvoiceDate", nullable: false), Text("BillingAddress"), Text("BillingCity"),
                        Text("BillingState"), Text("BillingCountry"), Text("BillingPostalCode"), Money("Total") },
                new[] { Fk("CustomerId", "Customer", "1:M", "order items sit in the customer's partition (PK=CUSTOMER#<CustomerId>)") }),
            new SourceTable("InvoiceLine", "Transactional", MigrationPriority.High, new[] { "InvoiceLineId" },
                new[] { Int("InvoiceLineId"), Int("InvoiceId"), Int("TrackId"), Money("UnitPrice"), Int("Quantity") },
                new[]
                {
                    Fk("InvoiceId", "Invoice", "1:M", "lines embedded in their order item"),
                    Fk("TrackId", "Track", "1:M", "track, album and artist names copied into each line"),
                }),
            new SourceTable("Playlist", "User Feature", MigrationPriority.Medium, new[] { "PlaylistId" },
                new[] { Int("PlaylistId"), Text("Name") }, Array.Empty<SourceForeignKey>()),
            new SourceTable("PlaylistTrack", "Many-to-Many", MigrationPriority.High, new[] { "PlaylistId", "TrackId" },
                new[] { Int("PlaylistId"), Int("TrackId") },
                new[]
                {
                    Fk("PlaylistId", "Playlist", "M:M", "tracks embedded in the playlist's pages"),
                    Fk("TrackId", "Track", "M:M", "track, album and artist names copied into each playlist entry"),
                }),
            new SourceTable("Employee", "Administrative", MigrationPriority.Low, new[] { "EmployeeId" },
                new[] { Int("EmployeeId"), Text("LastName", nullable: false), Text("FirstName", nullable: false), Text("Title"), Int("ReportsTo", nullable: true),
                        Date("BirthDate"), Date("HireDate"), Text("Address"), Text("City"), Text("State"), Text("Country"), Text("PostalCode"),
                        Text("Phone"), Text("Fax"), Text("Email") },
                new[] { Fk("ReportsTo", "Employee", "1:M", "manager kept on the employee; direct reports and chain of command as items in EmployeeManagement", "EmployeeId") }),
        };

        public static SourceTable Table(string name) =>
            Tables.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Chinook has no table {name}.", nameof(name));
    }
}
