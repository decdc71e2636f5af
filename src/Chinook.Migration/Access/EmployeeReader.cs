using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Chinook.Migration.Items;

namespace Chinook.Migration.Access
{
    /// <summary>
    /// The EmployeeManagement access pattern, answered from DynamoDB alone: one Query on PK=EMPLOYEE#id gives the
    /// profile (with the chain of command up to the top), the direct reports and the customers the employee serves.
    /// </summary>
    public sealed class EmployeeReader : AccessReader
    {
        /// <param name="progress">Told about each request as it starts and after each page; may be null.</param>
        /// <exception cref="ArgumentException">The prefix is not allowed in a table name.</exception>
        public EmployeeReader(Target.DynamoConnection connection, string? tablePrefix = null, IProgress<ReadProgress>? progress = null)
            : base(new TableReader(connection, tablePrefix, TableNames.EmployeeManagement), progress)
        {
        }

        /// <summary>The employee with their chain of command, direct reports and customers; null when there is no PROFILE item.</summary>
        public async Task<EmployeeDetails?> GetEmployeeAsync(long employeeId, CancellationToken cancellationToken)
        {
            var items = await Table.QueryAsync(KeyQuery.Partition(ChinookKeys.Employee(employeeId)), NewCall(), cancellationToken).ConfigureAwait(false);
            var profile = items.FirstOrDefault(i => i.SK == ChinookKeys.Profile);
            if (profile is null)
            {
                return null;
            }
            var reports = items.Where(i => i.EntityType == nameof(ChinookEntity.DirectReport)).Select(i => new StaffMember(new ItemFields(i)));
            var customers = items.Where(i => i.EntityType == nameof(ChinookEntity.SupportedCustomer)).Select(i => new SupportedCustomer(new ItemFields(i)));
            return new EmployeeDetails(profile, reports, customers);
        }
    }
}
