using System;
using System.Collections.Generic;
using System.Linq;
using Chinook.Migration.Items;
using Chinook.Migration.Source;

namespace Chinook.Migration.Transform
{
    /// <summary>
    /// CustomerOrders: a profile per customer (support rep's name, order count and exact amount spent, e-mail
    /// index keys) and an item per invoice in the customer's partition, its lines embedded with the track,
    /// album and artist names copied in. The order's sort key sorts by date and carries the invoice id, so
    /// two invoices of one customer at the same instant are two items.
    /// </summary>
    internal static class OrdersTransform
    {
        private static readonly SourceTable Customer = ChinookSchema.Table("Customer");
        private static readonly SourceTable Invoice = ChinookSchema.Table("Invoice");
        private static readonly SourceTable InvoiceLine = ChinookSchema.Table("InvoiceLine");
        private static readonly string[] LineCopies = { ItemAttributes.LineItem.TrackName, ItemAttributes.LineItem.AlbumTitle, ItemAttributes.LineItem.ArtistName };

        public static IEnumerable<ConversionStep> Steps(ConversionOptions options)
        {
            if (options.Selects(ChinookEntity.Customer))
            {
                yield return new ConversionStep(Customer.Name,
                    "Customer rows joined with their support rep (Employee) and their Invoice totals, in CustomerId, InvoiceId order",
                    SourceRowCursor.Columns(Customer, "c") +
                    ", rep.FirstName AS [RepFirstName], rep.LastName AS [RepLastName], i.InvoiceId AS [InvoiceId], CAST(i.Total AS TEXT) AS [InvoiceTotal]",
                    "[Customer] AS c LEFT JOIN [Employee] AS rep ON rep.EmployeeId = c.SupportRepId LEFT JOIN [Invoice] AS i ON i.CustomerId = c.CustomerId",
                    "c.CustomerId, i.InvoiceId", ConvertCustomers);
            }
            if (options.Selects(ChinookEntity.Order))
            {
                yield return new ConversionStep(Invoice.Name,
                    "Invoice rows joined with their InvoiceLine rows and each line's Track, Album and Artist, in InvoiceId, InvoiceLineId order",
                    SourceRowCursor.Columns(Invoice, "i") + ", " + SourceRowCursor.Columns(InvoiceLine, "il") +
                    ", t.Name AS [TrackName], al.Title AS [AlbumTitle], ar.Name AS [ArtistName]",
                    "[Invoice] AS i LEFT JOIN [InvoiceLine] AS il ON il.InvoiceId = i.InvoiceId LEFT JOIN [Track] AS t ON t.TrackId = il.TrackId " +
                    "LEFT JOIN [Album] AS al ON al.AlbumId = t.AlbumId LEFT JOIN [Artist] AS ar ON ar.ArtistId = al.ArtistId",
                    "i.InvoiceId, il.InvoiceLineId", ConvertOrders);
                yield return new ConversionStep(InvoiceLine.Name, "InvoiceLine rows whose Invoice does not exist",
                    SourceRowCursor.Columns(InvoiceLine, "il"),
                    "[InvoiceLine] AS il WHERE NOT EXISTS (SELECT 1 FROM [Invoice] AS i WHERE i.InvoiceId = il.InvoiceId)",
                    "il.InvoiceLineId", ReportOrphanLines);
            }
        }

        private static IEnumerable<ConversionOutput> ConvertCustomers(ConversionContext context, SourceRowCursor cursor) =>
            context.EachAggregate(cursor, Customer, "c", (row, key) => new CustomerProfile(context, row, key,
                PersonName.Of(cursor.CopiedText("RepFirstName"), cursor.CopiedText("RepLastName"))));

        private static IEnumerable<ConversionOutput> ConvertOrders(ConversionContext context, SourceRowCursor cursor) =>
            context.EachAggregate(cursor, Invoice, "i", (row, key) => new Order(context, row, key));

        private static IEnumerable<ConversionOutput> ReportOrphanLines(ConversionContext context, SourceRowCursor cursor)
        {
            while (cursor.Read())
            {
                var key = cursor.RowKey(InvoiceLine, "il");
                yield return context.Problem(ProblemSeverity.Error, ConversionProblemKind.OrphanRow, InvoiceLine.Name, key, "InvoiceId",
                    $"InvoiceLine row {key} cannot be migrated: its Invoice {cursor.CopiedText("il.InvoiceId")} does not exist, and a line lives inside its order's item.");
            }
        }

        /// <summary>A customer's profile, with the count and exact sum of the invoices read after it.</summary>
        private sealed class CustomerProfile : Aggregate
        {
            private readonly ConversionContext context;
            private readonly Dictionary<string, object?>? row;
            private readonly string key;
            private readonly string? repName;
            private long orders;
            private decimal spent = 0.00m;
            private string? badTotal;

            public CustomerProfile(ConversionContext context, Dictionary<string, object?>? row, string key, string? repName)
            {
                this.context = context;
                this.row = row;
                this.key = key;
                this.repName = repName;
            }

            public override IEnumerable<ConversionOutput> Add(SourceRowCursor cursor)
            {
                if (cursor.IsNull("InvoiceId"))
                {
                    return Array.Empty<ConversionOutput>();
                }
                orders++;
                var total = cursor.CopiedText("InvoiceTotal") ?? string.Empty;
                if (SourceValues.TryParseMoney(total, out var amount, out _))
                {
                    spent += amount;
                }
                else
                {
                    badTotal ??= $"Invoice {cursor.CopiedText("InvoiceId")} has Total '{total}'";
                }
                return Array.Empty<ConversionOutput>();
            }

            public override IEnumerable<ConversionOutput> Complete()
            {
                if (row is null)
                {
                    yield break;
                }
                if (badTotal is not null)
                {
                    yield return context.Problem(ProblemSeverity.Warning, ConversionProblemKind.DerivedValueIncomplete, Customer.Name, key, ItemAttributes.Customer.TotalSpent,
                        $"Customer row {key}: TotalSpent is left out of the profile, as {badTotal}, which is not an amount of money.");
                }
                var id = ConversionContext.Id(row, "CustomerId");
                var draft = new ItemDraft(TableNames.CustomerOrders, ChinookEntity.Customer, ChinookKeys.Customer(id), ChinookKeys.Profile, Customer, key)
                    .PutRow(row)
                    .PutCopy(ItemAttributes.Customer.SupportRepName, repName)
                    .Put(ItemAttributes.Customer.TotalOrders, orders)
                    .Put(ItemAttributes.Customer.TotalSpent, badTotal is null ? spent : (decimal?)null)
                    .PutIndexKeys(ChinookKeys.EmailSearchIndex, "Email", (string?)row["Email"], ChinookKeys.Gsi1PartitionKeyName, ChinookKeys.Email, ChinookKeys.Gsi1SortKeyName, ChinookKeys.Customer(id));
                foreach (var output in context.Complete(draft))
                {
                    yield return output;
                }
            }
        }

        /// <summary>An invoice in its customer's partition, its lines embedded in InvoiceLineId order.</summary>
        private sealed class Order : Aggregate
        {
            private readonly ConversionContext context;
            private readonly Dictionary<string, object?>? invoice;
            private readonly string key;
            private readonly List<object?> lines = new List<object?>();
            private readonly List<string> lineKeys = new List<string>();

            public Order(ConversionContext context, Dictionary<string, object?>? invoice, string key)
            {
                this.context = context;
                this.invoice = invoice;
                this.key = key;
            }

            public override IEnumerable<ConversionOutput> Add(SourceRowCursor cursor)
            {
                if (cursor.IsNull("il.InvoiceLineId"))
                {
                    yield break;
                }
                var (line, problems) = context.ReadRow(InvoiceLine, "il", cursor);
                foreach (var problem in problems)
                {
                    yield return problem;
                }
                if (line is null)
                {
                    yield break;
                }
                if (invoice is null)
                {
                    // No order item to embed the line in: only its key, for the message.
                    lineKeys.Add(cursor.RowKey(InvoiceLine, "il"));
                }
                else
                {
                    lines.Add(ItemDraft.Map((ItemAttributes.LineItem.InvoiceLineId, line["InvoiceLineId"]), (ItemAttributes.LineItem.TrackId, line["TrackId"]),
                        (ItemAttributes.LineItem.TrackName, cursor.CopiedText("TrackName")), (ItemAttributes.LineItem.ArtistName, cursor.CopiedText("ArtistName")),
                        (ItemAttributes.LineItem.AlbumTitle, cursor.CopiedText("AlbumTitle")), (ItemAttributes.LineItem.UnitPrice, line["UnitPrice"]),
                        (ItemAttributes.LineItem.Quantity, line["Quantity"])));
                }
            }

            public override IEnumerable<ConversionOutput> Complete()
            {
                if (invoice is null)
                {
                    return lineKeys.Select(line => context.Problem(ProblemSeverity.Error, ConversionProblemKind.OrphanRow, InvoiceLine.Name, line, "InvoiceId",
                        $"InvoiceLine row {line} cannot be migrated: its Invoice row {key} could not be read, and a line lives inside its order's item.")).ToList();
                }
                SourceValues.TryParseDateTime((string)invoice["InvoiceDate"]!, out var invoiceDate);
                var draft = new ItemDraft(TableNames.CustomerOrders, ChinookEntity.Order, ChinookKeys.Customer(ConversionContext.Id(invoice, "CustomerId")),
                        ChinookKeys.Order(invoiceDate, ConversionContext.Id(invoice, "InvoiceId")), Invoice, key)
                    .PutRow(invoice)
                    .Put(ItemAttributes.Order.LineItems, lines)
                    .CopiesWithin("track, album and artist names in the line items", StripLineCopies);
                return context.Complete(draft);
            }

            private void StripLineCopies()
            {
                foreach (var line in lines.OfType<Dictionary<string, object?>>())
                {
                    foreach (var copy in LineCopies)
                    {
                        line.Remove(copy);
                    }
                }
            }
        }
    }
}
