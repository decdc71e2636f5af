using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2.Model;

namespace Chinook.Migration.Target
{
    /// <summary>
    /// Which table a name stood for at a moment: its ARN and creation time. A table deleted and created again under
    /// the same name keeps its ARN but not its creation time, so the pair tells a rollback apart from the table that
    /// was written to.
    /// </summary>
    public sealed record TableIdentity(string TableName, string Arn, DateTime CreatedUtc)
    {
        /// <summary>The tables of these names that exist now (a missing table has no identity); sends DescribeTable only.</summary>
        public static async Task<IReadOnlyList<TableIdentity>> ReadAsync(DynamoConnection connection, IEnumerable<string> tableNames, CancellationToken cancellationToken)
        {
            var described = await Task.WhenAll(tableNames.Select(name => DescribeAsync(connection, name, cancellationToken))).ConfigureAwait(false);
            return described.Where(identity => identity is not null).Select(identity => identity!).ToList();
        }

        /// <summary>How these tables differ from those recorded earlier, one line per table; empty when they are the same tables.</summary>
        public static IReadOnlyList<string> Changes(IReadOnlyCollection<TableIdentity> recorded, IReadOnlyCollection<TableIdentity> now)
        {
            var changes = new List<string>();
            foreach (var before in recorded)
            {
                var after = now.FirstOrDefault(t => t.TableName == before.TableName);
                if (after is null)
                {
                    changes.Add($"{before.TableName} no longer exists");
                }
                else if (after.Arn != before.Arn || after.CreatedUtc != before.CreatedUtc)
                {
                    changes.Add($"{before.TableName} was created anew at {after.CreatedUtc:u} (the checkpoint's table was created at {before.CreatedUtc:u})");
                }
            }
            changes.AddRange(now.Where(after => recorded.All(before => before.TableName != after.TableName))
                .Select(after => $"{after.TableName} did not exist when the checkpoint was written"));
            return changes;
        }

        private static async Task<TableIdentity?> DescribeAsync(DynamoConnection connection, string tableName, CancellationToken cancellationToken)
        {
            try
            {
                var response = await DynamoErrors.Call(tableName, "describe",
                    () => connection.Client.DescribeTableAsync(new DescribeTableRequest { TableName = tableName }, cancellationToken), cancellationToken).ConfigureAwait(false);
                var table = response.Table;
                return new TableIdentity(tableName, table.TableArn ?? string.Empty, (table.CreationDateTime ?? DateTime.MinValue).ToUniversalTime());
            }
            catch (DynamoOperationException ex) when (ex.Problem == DynamoProblem.NotFound)
            {
                return null;
            }
        }
    }
}
