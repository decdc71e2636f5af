using Chinook.Migration.Items;

namespace Chinook.Migration.Access
{
    /// <summary>A customer a support rep serves (PK=EMPLOYEE#rep, SK=CUSTOMER#id), with the customer's name and contact.</summary>
    public sealed class SupportedCustomer
    {
        internal SupportedCustomer(ItemFields fields)
        {
            CustomerId = fields.RequiredInteger("CustomerId");
            SupportRepId = fields.RequiredInteger("SupportRepId");
            FirstName = fields.Text("FirstName");
            LastName = fields.Text("LastName");
            Company = fields.Text("Company");
            City = fields.Text("City");
            Country = fields.Text("Country");
            Email = fields.Text("Email");
            Phone = fields.Text("Phone");
        }

        public long CustomerId { get; }
        public long SupportRepId { get; }
        public string? FirstName { get; }
        public string? LastName { get; }
        public string Name => PersonName.Of(FirstName, LastName) ?? string.Empty;
        public string? Company { get; }
        public string? City { get; }
        public string? Country { get; }
        public string? Email { get; }
        public string? Phone { get; }

        public override string ToString() => Name;
    }
}
