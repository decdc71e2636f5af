using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Chinook.Migration.Items;

namespace Chinook.Migration.Access
{
    /// <summary>
    /// The CustomerOrders access patterns, answered from DynamoDB alone: a customer's profile, customers by e-mail
    /// (GSI1-EmailSearch, or a Scan for a wildcard pattern) and a customer's orders newest first. Every method reads every result page it needs.
    /// </summary>
    public sealed class CustomerOrdersReader : AccessReader
    {
        private const string OrderPrefix = "ORDER#";

        /// <param name="progress">Told about each request as it starts and after each page; may be null.</param>
        /// <exception cref="ArgumentException">The prefix is not allowed in a table name.</exception>
        public CustomerOrdersReader(Target.DynamoConnection connection, string? tablePrefix = null, IProgress<ReadProgress>? progress = null)
            : base(new TableReader(connection, tablePrefix, TableNames.CustomerOrders), progress)
        {
        }

        /// <summary>The customer's profile (GetItem PK=CUSTOMER#id, SK=PROFILE); null when there is none.</summary>
        public async Task<CustomerProfile?> GetCustomerAsync(long customerId, CancellationToken cancellationToken)
        {
            var item = await Table.GetAsync(Table.Key(ChinookKeys.Customer(customerId), ChinookKeys.Profile), NewCall(), cancellationToken).ConfigureAwait(false);
            return item is null ? null : new CustomerProfile(item);
        }

        /// <summary>
        /// Customers with this e-mail address in any letter case, by GSI1-EmailSearch GSI1PK=EMAIL#lower-case address,
        /// in CustomerId order (the source does not make e-mails unique).
        /// </summary>
        public async Task<IReadOnlyList<CustomerProfile>> FindCustomersByEmailAsync(string email, CancellationToken cancellationToken)
        {
            var items = await Table.QueryAsync(
                KeyQuery.Index(ChinookKeys.EmailSearchIndex, ChinookKeys.Gsi1PartitionKeyName, ChinookKeys.Email(RequireText(email, nameof(email)))),
                NewCall(), cancellationToken).ConfigureAwait(false);
            return items.Select(i => new CustomerProfile(i)).OrderBy(c => c.CustomerId).ToList();
        }

        /// <summary>
        /// Customers whose e-mail address matches the pattern in any letter case, in CustomerId order: an address
        /// without wildcards by GSI1-EmailSearch; a pattern by a Scan of the table filtered to customers, as the index
        /// key is the whole address and no prefix can narrow it.
        /// </summary>
        public async Task<IReadOnlyList<CustomerProfile>> FindCustomersAsync(NamePattern email, CancellationToken cancellationToken)
        {
            if ((email ?? throw new ArgumentNullException(nameof(email))).IsLiteral)
            {
                return await FindCustomersByEmailAsync(email.LiteralPrefix, cancellationToken).ConfigureAwait(false);
            }
            var items = await Table.ScanEntityAsync(ChinookEntity.Customer, NewCall(), cancellationToken).ConfigureAwait(false);
            return items.Select(i => new CustomerProfile(i)).Where(c => email.IsMatch(c.Email)).OrderBy(c => c.CustomerId).ToList();
        }

        /// <summary>
        /// The customer's orders, newest first (Query PK=CUSTOMER#id AND begins_with(SK, ORDER#), descending), all of
        /// them or the <paramref name="first"/> newest. Orders at the same instant come newest invoice first.
        /// </summary>
        public async Task<IReadOnlyList<CustomerOrder>> GetOrdersAsync(long customerId, int? first, CancellationToken cancellationToken)
        {
            if (first is int count && count < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(first), first, "Ask for at least one order, or for all (null).");
            }
            var query = KeyQuery.Partition(ChinookKeys.Customer(customerId)).SortKeyBeginsWith(OrderPrefix).NewestFirst().Take(first);
            var items = await Table.QueryAsync(query, NewCall(), cancellationToken).ConfigureAwait(false);
            return items.Select(i => new CustomerOrder(i)).ToList();
        }
    }
}
