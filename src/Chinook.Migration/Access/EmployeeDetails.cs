using System;
using System.Collections.Generic;
using System.Linq;
using Chinook.Migration.Items;

namespace Chinook.Migration.Access
{
    /// <summary>
    /// An employee's profile (PK=EMPLOYEE#id, SK=PROFILE) with the chain of command above them, their direct reports
    /// (SK=REPORT#id) and the customers they serve as support rep (SK=CUSTOMER#id), all from one partition.
    /// </summary>
    public sealed class EmployeeDetails
    {
        internal EmployeeDetails(ChinookItem profile, IEnumerable<StaffMember> directReports, IEnumerable<SupportedCustomer> customers)
        {
            var fields = new ItemFields(profile);
            EmployeeId = fields.RequiredInteger("EmployeeId");
            FirstName = fields.Text("FirstName");
            LastName = fields.Text("LastName");
            Title = fields.Text("Title");
            ReportsTo = fields.Integer("ReportsTo");
            ManagerName = fields.Text(ItemAttributes.Employee.ManagerName);
            BirthDate = fields.Time("BirthDate");
            HireDate = fields.Time("HireDate");
            Address = fields.Text("Address");
            City = fields.Text("City");
            State = fields.Text("State");
            Country = fields.Text("Country");
            PostalCode = fields.Text("PostalCode");
            Phone = fields.Text("Phone");
            Fax = fields.Text("Fax");
            Email = fields.Text("Email");
            ChainOfCommand = fields.Maps(ItemAttributes.Employee.ChainOfCommand).Select(manager => new StaffMember(manager)).ToList();
            DirectReports = directReports.OrderBy(r => r.EmployeeId).ToList();
            Customers = customers.OrderBy(c => c.CustomerId).ToList();
        }

        public long EmployeeId { get; }
        public string? FirstName { get; }
        public string? LastName { get; }
        public string Name => PersonName.Of(FirstName, LastName) ?? string.Empty;
        public string? Title { get; }

        /// <summary>The manager's EmployeeId; null at the top.</summary>
        public long? ReportsTo { get; }

        public string? ManagerName { get; }

        /// <summary>UTC.</summary>
        public DateTime? BirthDate { get; }

        /// <summary>UTC.</summary>
        public DateTime? HireDate { get; }

        public string? Address { get; }
        public string? City { get; }
        public string? State { get; }
        public string? Country { get; }
        public string? PostalCode { get; }
        public string? Phone { get; }
        public string? Fax { get; }
        public string? Email { get; }

        /// <summary>The managers above the employee, nearest first, up to the top.</summary>
        public IReadOnlyList<StaffMember> ChainOfCommand { get; }

        /// <summary>The employees who report to this one, in EmployeeId order.</summary>
        public IReadOnlyList<StaffMember> DirectReports { get; }

        /// <summary>The customers this employee serves as support rep, in CustomerId order.</summary>
        public IReadOnlyList<SupportedCustomer> Customers { get; }

        public override string ToString() => Name;
    }
}
