using System;
using System.Collections.Generic;
using Chinook.Migration.Items;
using Chinook.Migration.Source;

namespace Chinook.Migration.Transform
{
    /// <summary>
    /// EmployeeManagement: one partition per employee (PK=EMPLOYEE#id) holding the PROFILE (the row, the
    /// manager's name and the chain of command up to the top), a REPORT#id item per direct report and a
    /// CUSTOMER#id item per customer the employee supports, so one Query on PK answers all three questions.
    /// </summary>
    internal static class StaffTransform
    {
        private static readonly SourceTable Employee = ChinookSchema.Table("Employee");
        private static readonly SourceTable Customer = ChinookSchema.Table("Customer");

        // Each employee's managers, nearest first. The depth is capped at the number of employees, so a
        // ReportsTo cycle in bad data ends; the cycle itself is found and reported while reading.
        private const string ChainOfCommand =
            "WITH RECURSIVE chain(EmployeeId, Level, ManagerId) AS (" +
            " SELECT EmployeeId, 1, ReportsTo FROM [Employee] WHERE ReportsTo IS NOT NULL" +
            " UNION ALL" +
            " SELECT c.EmployeeId, c.Level + 1, m.ReportsTo FROM chain AS c JOIN [Employee] AS m ON m.EmployeeId = c.ManagerId" +
            " WHERE m.ReportsTo IS NOT NULL AND c.Level < (SELECT COUNT(*) FROM [Employee]))";

        public static IEnumerable<ConversionStep> Steps(ConversionOptions options)
        {
            if (options.Selects(ChinookEntity.Employee))
            {
                yield return new ConversionStep(Employee.Name, "Employee rows joined with their chain of managers (ReportsTo, recursively), in EmployeeId order",
                    SourceRowCursor.Columns(Employee, "e") +
                    ", m.EmployeeId AS [ManagerId], m.FirstName AS [ManagerFirstName], m.LastName AS [ManagerLastName], m.Title AS [ManagerTitle]",
                    "[Employee] AS e LEFT JOIN chain AS c ON c.EmployeeId = e.EmployeeId LEFT JOIN [Employee] AS m ON m.EmployeeId = c.ManagerId",
                    "e.EmployeeId, c.Level", ConvertEmployees, ChainOfCommand);
            }
            if (options.Selects(ChinookEntity.DirectReport))
            {
                yield return new ConversionStep(Employee.Name, "Employee rows joined with the manager they report to, in manager, EmployeeId order",
                    "m.EmployeeId AS [ReportsTo], r.EmployeeId AS [EmployeeId], r.FirstName AS [FirstName], r.LastName AS [LastName], " +
                    "r.Title AS [Title], r.Email AS [Email], r.Phone AS [Phone]",
                    "[Employee] AS r JOIN [Employee] AS m ON m.EmployeeId = r.ReportsTo", "m.EmployeeId, r.EmployeeId", ConvertDirectReports);
            }
            if (options.Selects(ChinookEntity.SupportedCustomer))
            {
                yield return new ConversionStep(Customer.Name, "Customer rows joined with their support rep (Employee), in SupportRepId, CustomerId order",
                    "e.EmployeeId AS [SupportRepId], c.CustomerId AS [CustomerId], c.FirstName AS [FirstName], c.LastName AS [LastName], " +
                    "c.Company AS [Company], c.City AS [City], c.Country AS [Country], c.Email AS [Email], c.Phone AS [Phone]",
                    "[Customer] AS c JOIN [Employee] AS e ON e.EmployeeId = c.SupportRepId", "e.EmployeeId, c.CustomerId", ConvertSupportedCustomers);
            }
        }

        private static IEnumerable<ConversionOutput> ConvertEmployees(ConversionContext context, SourceRowCursor cursor) =>
            context.EachAggregate(cursor, Employee, "e", (row, key) => new EmployeeProfile(context, row, key));

        private static IEnumerable<ConversionOutput> ConvertDirectReports(ConversionContext context, SourceRowCursor cursor) =>
            LinkItems(context, cursor, Employee, "EmployeeId", "ReportsTo", ChinookEntity.DirectReport, ChinookKeys.Report,
                "FirstName", "LastName", "Title", "Email", "Phone");

        private static IEnumerable<ConversionOutput> ConvertSupportedCustomers(ConversionContext context, SourceRowCursor cursor) =>
            LinkItems(context, cursor, Customer, "CustomerId", "SupportRepId", ChinookEntity.SupportedCustomer, ChinookKeys.Customer,
                "FirstName", "LastName", "Company", "City", "Country", "Email", "Phone");

        /// <summary>
        /// Items in an employee's partition that point at another row (a direct report, a supported customer) and
        /// carry a few of its columns, so the employee's Query shows names without a second read.
        /// </summary>
        private static IEnumerable<ConversionOutput> LinkItems(ConversionContext context, SourceRowCursor cursor, SourceTable linkedTable, string linkedIdColumn,
            string employeeIdColumn, ChinookEntity entity, Func<long, string> sortKey, params string[] copiedColumns)
        {
            while (cursor.Read())
            {
                // Ids that are not whole numbers belong to rows the profile steps report as errors.
                if (!(cursor.CopiedInteger(employeeIdColumn) is long employeeId && cursor.CopiedInteger(linkedIdColumn) is long linkedId))
                {
                    continue;
                }
                var draft = new ItemDraft(TableNames.EmployeeManagement, entity, ChinookKeys.Employee(employeeId), sortKey(linkedId),
                        linkedTable, $"{linkedIdColumn}={linkedId}")
                    .Put(linkedIdColumn, linkedId)
                    .Put(employeeIdColumn, employeeId);
                foreach (var column in copiedColumns)
                {
                    draft.PutCopy(column, cursor.CopiedText(column));
                }
                foreach (var output in context.Complete(draft))
                {
                    yield return output;
                }
            }
        }

        /// <summary>An employee's profile with the managers above them, nearest first, read one per row.</summary>
        private sealed class EmployeeProfile : Aggregate
        {
            private readonly ConversionContext context;
            private readonly Dictionary<string, object?>? row;
            private readonly string key;
            private readonly List<object?> chain = new List<object?>();
            private readonly HashSet<long> seen = new HashSet<long>();
            private string? managerName;
            private bool cycle;

            public EmployeeProfile(ConversionContext context, Dictionary<string, object?>? row, string key)
            {
                this.context = context;
                this.row = row;
                this.key = key;
                if (row is not null)
                {
                    seen.Add(ConversionContext.Id(row, "EmployeeId"));
                }
            }

            public override IEnumerable<ConversionOutput> Add(SourceRowCursor cursor)
            {
                if (cursor.CopiedInteger("ManagerId") is long managerId && !cycle)
                {
                    cycle = !seen.Add(managerId);
                    if (!cycle)
                    {
                        if (chain.Count == 0)
                        {
                            managerName = PersonName.Of(cursor.CopiedText("ManagerFirstName"), cursor.CopiedText("ManagerLastName"));
                        }
                        chain.Add(ItemDraft.Map(("EmployeeId", managerId), ("FirstName", cursor.CopiedText("ManagerFirstName")),
                            ("LastName", cursor.CopiedText("ManagerLastName")), ("Title", cursor.CopiedText("ManagerTitle"))));
                    }
                }
                return Array.Empty<ConversionOutput>();
            }

            public override IEnumerable<ConversionOutput> Complete()
            {
                if (row is null)
                {
                    yield break;
                }
                if (cycle)
                {
                    yield return context.Problem(ProblemSeverity.Warning, ConversionProblemKind.DerivedValueIncomplete, Employee.Name, key, "ReportsTo",
                        $"Employee row {key}: ReportsTo leads round in a circle; ChainOfCommand stops before the first manager that repeats.");
                }
                var draft = new ItemDraft(TableNames.EmployeeManagement, ChinookEntity.Employee, ChinookKeys.Employee(ConversionContext.Id(row, "EmployeeId")), ChinookKeys.Profile, Employee, key)
                    .PutRow(row)
                    .PutCopy(ItemAttributes.Employee.ManagerName, managerName)
                    .PutCopy(ItemAttributes.Employee.ChainOfCommand, chain);
                foreach (var output in context.Complete(draft))
                {
                    yield return output;
                }
            }
        }
    }
}
