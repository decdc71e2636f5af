using Chinook.Migration.Items;

namespace Chinook.Migration.Access
{
    /// <summary>One line of an order, with the track, album and artist names copied into it; it names its order and customer, so it stands alone in a pipeline.</summary>
    public sealed class OrderLineItem
    {
        internal OrderLineItem(long customerId, long invoiceId, ItemFields fields)
        {
            CustomerId = customerId;
            InvoiceId = invoiceId;
            InvoiceLineId = fields.RequiredInteger(ItemAttributes.LineItem.InvoiceLineId);
            TrackId = fields.Integer(ItemAttributes.LineItem.TrackId);
            TrackName = fields.Text(ItemAttributes.LineItem.TrackName);
            AlbumTitle = fields.Text(ItemAttributes.LineItem.AlbumTitle);
            ArtistName = fields.Text(ItemAttributes.LineItem.ArtistName);
            UnitPrice = fields.Money(ItemAttributes.LineItem.UnitPrice);
            Quantity = fields.Integer(ItemAttributes.LineItem.Quantity);
        }

        public long CustomerId { get; }
        public long InvoiceId { get; }
        public long InvoiceLineId { get; }
        public long? TrackId { get; }
        public string? TrackName { get; }
        public string? AlbumTitle { get; }
        public string? ArtistName { get; }
        public decimal? UnitPrice { get; }
        public long? Quantity { get; }

        /// <summary>UnitPrice times Quantity.</summary>
        public decimal? Amount => UnitPrice * Quantity;

        public override string ToString() => TrackName ?? $"Line {InvoiceLineId}";
    }
}
