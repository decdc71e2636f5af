using System;
using System.Collections.Generic;
using System.Linq;
using Chinook.Migration.Items;
using Chinook.Migration.Source;

namespace Chinook.Migration.Readback
{
    /// <summary>A source row rebuilt from an item: every column of its table, null where the item has no value.</summary>
    public sealed class RebuiltRow
    {
        public RebuiltRow(SourceTable table, IReadOnlyDictionary<string, object?> values)
        {
            Table = table;
            Values = values;
        }

        public SourceTable Table { get; }

        /// <summary>By column name, in the item's form: long, string, decimal money, ISO-8601 UTC times.</summary>
        public IReadOnlyDictionary<string, object?> Values { get; }
    }

    /// <summary>
    /// Rebuilds the source rows an item carries, the one way back from the layout to the 11 tables:
    /// Artist, Album, Track, Genre, MediaType, Customer, Employee and Playlist rows from their own items,
    /// Invoice and InvoiceLine rows from an Order item and its LineItems, PlaylistTrack rows from a page's Tracks.
    /// Items that only copy data (direct reports, supported customers) carry no rows of their own.
    /// </summary>
    /// <remarks>
    /// Values are brought to the form the source reader gives (a whole number read back from DynamoDB as 2 is
    /// money 2.00 in a money column); a value of the wrong type is kept as it is, so a comparison shows it and
    /// <see cref="ChinookSqliteWriter"/> refuses it, rather than this class hiding it.
    /// </remarks>
    public static class RowRebuilder
    {
        private static readonly SourceTable Invoice = ChinookSchema.Table("Invoice");
        private static readonly SourceTable InvoiceLine = ChinookSchema.Table("InvoiceLine");
        private static readonly SourceTable PlaylistTrack = ChinookSchema.Table("PlaylistTrack");

        /// <summary>The entity the item's EntityType names; null when it names none.</summary>
        public static ChinookEntity? EntityOf(ChinookItem item) => Enum.TryParse<ChinookEntity>(item.EntityType, out var entity) && Enum.IsDefined(entity) ? entity : null;

        public static IEnumerable<RebuiltRow> Rebuild(ChinookItem item)
        {
            switch (EntityOf(item))
            {
                case ChinookEntity.Artist:
                case ChinookEntity.Album:
                case ChinookEntity.Track:
                case ChinookEntity.Genre:
                case ChinookEntity.MediaType:
                case ChinookEntity.Customer:
                case ChinookEntity.Employee:
                case ChinookEntity.Playlist:
                    return new[] { Row(ChinookSchema.Table(item.EntityType), item.Attributes) };
                case ChinookEntity.Order:
                    return new[] { Row(Invoice, item.Attributes) }
                        .Concat(Nested(item, ItemAttributes.Order.LineItems, InvoiceLine, "InvoiceId"));
                case ChinookEntity.PlaylistPage:
                    return Nested(item, ItemAttributes.PlaylistPage.Tracks, PlaylistTrack, ItemAttributes.PlaylistPage.PlaylistId);
                default:
                    return Array.Empty<RebuiltRow>();
            }
        }

        /// <summary>The child rows embedded in a list attribute; the parent's key column comes from the parent item.</summary>
        private static IEnumerable<RebuiltRow> Nested(ChinookItem item, string listAttribute, SourceTable table, string parentKey)
        {
            if (!item.Attributes.TryGetValue(listAttribute, out var value) || value is not IReadOnlyList<object?> elements)
            {
                yield break;
            }
            item.Attributes.TryGetValue(parentKey, out var parentId);
            foreach (var element in elements.OfType<IReadOnlyDictionary<string, object?>>())
            {
                var values = element.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
                values[parentKey] = parentId;
                yield return Row(table, values);
            }
        }

        private static RebuiltRow Row(SourceTable table, IReadOnlyDictionary<string, object?> attributes) =>
            new RebuiltRow(table, table.Columns.ToDictionary(c => c.Name,
                c => attributes.TryGetValue(c.Name, out var value) ? Normalize(c.Kind, value) : null, StringComparer.Ordinal));

        // Only the form changes here, never the value: 2 becomes 2.00, but 0.995 stays 0.995 and shows as a difference.
        private static object? Normalize(ColumnKind kind, object? value) => (kind, value) switch
        {
            (ColumnKind.Money, long whole) => SourceValues.Money(whole),
            (ColumnKind.Money, decimal amount) when SourceValues.Money(amount) == amount => SourceValues.Money(amount),
            (ColumnKind.Integer, decimal whole) when whole == decimal.Truncate(whole) && whole >= long.MinValue && whole <= long.MaxValue => (long)whole,
            _ => value,
        };
    }
}
