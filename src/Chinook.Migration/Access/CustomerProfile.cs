using Chinook.Migration.Items;

namespace Chinook.Migration.Access
{
    /// <summary>A customer's profile (PK=CUSTOMER#id, SK=PROFILE) with the support rep's name and the order totals.</summary>
    public sealed class CustomerProfile
    {
        internal CustomerProfile(ChinookItem item)
        {
            var fields = new ItemFields(item);
            CustomerId = fields.RequiredInteger("CustomerId");
            FirstName = fields.Text("FirstName");
            LastName = fields.Text("LastName");
            Company = fields.Text("Company");
            Address = fields.Text("Address");
            City = fields.Text("City");
            State = fields.Text("State");
            Country = fields.Text("Country");
            PostalCode = fields.Text("PostalCode");
            Phone = fields.Text("Phone");
            Fax = fields.Text("Fax");
            Email = fields.Text("Email");
            SupportRepId = fields.Integer("SupportRepId");
            SupportRepName = fields.Text(ItemAttributes.Customer.SupportRepName);
            TotalOrders = fields.Integer(ItemAttributes.Customer.TotalOrders);
            TotalSpent = fields.Money(ItemAttributes.Customer.TotalSpent);
        }

        public long CustomerId { get; }
        public string? FirstName { get; }
        public string? LastName { get; }
        public string Name => PersonName.Of(FirstName, LastName) ?? string.Empty;
        public string? Company { get; }
        public string? Address { get; }
        public string? City { get; }
        public string? State { get; }
        public string? Country { get; }
        public string? PostalCode { get; }
        public string? Phone { get; }
        public string? Fax { get; }
        public string? Email { get; }
        public long? SupportRepId { get; }
        public string? SupportRepName { get; }
        public long? TotalOrders { get; }
        public decimal? TotalSpent { get; }

        public override string ToString() => Name;
    }
}
