using Chinook.Migration.Items;

namespace Chinook.Migration.Access
{
    /// <summary>Another employee as an employee's items name them: a manager in the chain of command, or a direct report.</summary>
    public sealed class StaffMember
    {
        internal StaffMember(ItemFields fields)
        {
            EmployeeId = fields.RequiredInteger("EmployeeId");
            FirstName = fields.Text("FirstName");
            LastName = fields.Text("LastName");
            Title = fields.Text("Title");
            Email = fields.Text("Email");
            Phone = fields.Text("Phone");
        }

        public long EmployeeId { get; }
        public string? FirstName { get; }
        public string? LastName { get; }
        public string Name => PersonName.Of(FirstName, LastName) ?? string.Empty;
        public string? Title { get; }

        /// <summary>Given for direct reports; the chain of command carries names and titles only.</summary>
        public string? Email { get; }

        public string? Phone { get; }

        public override string ToString() => Title is null ? Name : $"{Name} ({Title})";
    }
}
