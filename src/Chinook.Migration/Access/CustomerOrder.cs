using System;
using System.Collections.Generic;
using System.Linq;
using Chinook.Migration.Items;

namespace Chinook.Migration.Access
{
    /// <summary>An order (PK=CUSTOMER#id, SK=ORDER#date#invoice) with its line items, as they are embedded in it.</summary>
    public sealed class CustomerOrder
    {
        internal CustomerOrder(ChinookItem item)
        {
            var fields = new ItemFields(item);
            InvoiceId = fields.RequiredInteger("InvoiceId");
            CustomerId = fields.RequiredInteger("CustomerId");
            InvoiceDate = fields.Time("InvoiceDate");
            BillingAddress = fields.Text("BillingAddress");
            BillingCity = fields.Text("BillingCity");
            BillingState = fields.Text("BillingState");
            BillingCountry = fields.Text("BillingCountry");
            BillingPostalCode = fields.Text("BillingPostalCode");
            Total = fields.Money("Total");
            LineItems = fields.Maps(ItemAttributes.Order.LineItems).Select(line => new OrderLineItem(CustomerId, InvoiceId, line)).OrderBy(line => line.InvoiceLineId).ToList();
        }

        public long InvoiceId { get; }
        public long CustomerId { get; }

        /// <summary>UTC.</summary>
        public DateTime? InvoiceDate { get; }

        public string? BillingAddress { get; }
        public string? BillingCity { get; }
        public string? BillingState { get; }
        public string? BillingCountry { get; }
        public string? BillingPostalCode { get; }
        public decimal? Total { get; }

        /// <summary>The invoice lines in InvoiceLineId order.</summary>
        public IReadOnlyList<OrderLineItem> LineItems { get; }

        public int LineCount => LineItems.Count;

        public override string ToString() => $"Invoice {InvoiceId}";
    }
}
