using System;
using System.Management.Automation;
using Chinook.Migration.Access;
using Chinook.Migration.Target;
using Chinook.PowerShell.Commands.Shared;

namespace Chinook.PowerShell.Commands
{
    /// <summary>A customer's orders with their line items, newest first, read from CustomerOrders by customer id or e-mail (any letter case, wildcards).</summary>
    [Cmdlet(VerbsCommon.Get, "ChinookCustomerOrder", DefaultParameterSetName = ByIdSet)]
    [OutputType(typeof(CustomerOrder))]
    public sealed class GetChinookCustomerOrderCommand : AccessCmdlet
    {
        private const string ByIdSet = "ById";
        private const string ByEmailSet = "ByEmail";
        private CustomerOrdersReader reader = null!;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        public long[] CustomerId { get; set; } = Array.Empty<long>();

        /// <summary>The customer's e-mail address, in any letter case (GSI1-EmailSearch); a wildcard pattern scans the table.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByEmailSet, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Email { get; set; } = Array.Empty<string>();

        /// <summary>Only the newest so many orders of each customer; DynamoDB is asked for no more.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int First { get; set; }

        protected override string Activity => "Reading customer orders";

        protected override void OpenReader(DynamoConnection connection, string? tablePrefix, IProgress<ReadProgress> progress) =>
            reader = new CustomerOrdersReader(connection, tablePrefix, progress);

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ByEmailSet)
            {
                foreach (var email in Email)
                {
                    var pattern = Pattern(email);
                    if (TryFind(ct => reader.FindCustomersAsync(pattern, ct), pattern, "Customer", "Email", reader, out var customers))
                    {
                        foreach (var customer in customers)
                        {
                            WriteOrders(customer.CustomerId, knownCustomer: true);
                        }
                    }
                }
                return;
            }
            foreach (var id in CustomerId)
            {
                WriteOrders(id, knownCustomer: false);
            }
        }

        private void WriteOrders(long customerId, bool knownCustomer)
        {
            int? first = MyInvocation.BoundParameters.ContainsKey(nameof(First)) ? First : (int?)null;
            if (!TryRead(ct => reader.GetOrdersAsync(customerId, first, ct), customerId, out var orders))
            {
                return;
            }
            // No orders: a customer who has none, or no customer at all, which is worth an error.
            if (orders.Count == 0 && !knownCustomer && TryRead(ct => reader.GetCustomerAsync(customerId, ct), customerId, out var profile) && profile is null)
            {
                WriteNotFound("Customer", $"CustomerId {customerId}", customerId, reader);
            }
            foreach (var order in orders)
            {
                WriteObject(order);
            }
        }
    }
}
