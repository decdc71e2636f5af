using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Chinook.Migration.Target
{
    /// <summary>
    /// Creates, inspects and deletes the module's tables, and waits until DynamoDB has finished with each: a table
    /// is ready only when it and every one of its indexes are ACTIVE, and gone only when DescribeTable no longer
    /// finds it. Nothing here depends on how long that takes or on DescribeTable's item count.
    /// </summary>
    public sealed class TableManager
    {
        private const string Describe = "describe";
        private readonly IAmazonDynamoDB client;
        private readonly TableWaitOptions wait;

        public TableManager(DynamoConnection connection, TableWaitOptions? waitOptions = null)
        {
            client = connection.Client;
            wait = waitOptions ?? new TableWaitOptions();
        }

        /// <summary>Describes the table and compares it with its definition. Sends only reads.</summary>
        public async Task<TableInspection> InspectAsync(TableDefinition definition, CancellationToken cancellationToken)
        {
            var description = await DescribeAsync(definition.TableName, cancellationToken).ConfigureAwait(false);
            var managed = description is not null && description.TableStatus != TableStatus.DELETING
                && await IsManagedAsync(description, cancellationToken).ConfigureAwait(false);
            return new TableInspection(definition, description, managed);
        }

        /// <summary>
        /// Creates a missing table (Created), or waits until a matching existing one is ACTIVE (Existing). Throws
        /// InvalidOperationException for an existing table that differs from its definition: that takes <see cref="RecreateAsync"/>.
        /// </summary>
        public async Task<TableReport> CreateAsync(TableInspection inspection, IProgress<TableProgress>? progress, CancellationToken cancellationToken)
        {
            if (inspection.Exists)
            {
                if (inspection.Differences.Count > 0)
                {
                    throw new InvalidOperationException($"Table '{inspection.TableName}' differs from its definition; only recreating it can change that.");
                }
                var existing = await WaitUntilActiveAsync(inspection.TableName, "Waiting for the existing table", progress, cancellationToken).ConfigureAwait(false);
                return TableInspection.Report(existing, TableOutcome.Existing, inspection.Managed, inspection.KeyDifferences);
            }
            if (inspection.IsDeleting)
            {
                await WaitUntilGoneAsync(inspection.TableName, "Waiting for the deleted table to go", progress, cancellationToken).ConfigureAwait(false);
            }
            return await CreateTableAsync(inspection.Definition, TableOutcome.Created, progress, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Deletes the table if there is one, waits until it is gone, and creates it from its definition (Recreated).</summary>
        public async Task<TableReport> RecreateAsync(TableInspection inspection, IProgress<TableProgress>? progress, CancellationToken cancellationToken)
        {
            if (inspection.Description is not null)
            {
                await DeleteTableAsync(inspection, progress, cancellationToken).ConfigureAwait(false);
            }
            return await CreateTableAsync(inspection.Definition, TableOutcome.Recreated, progress, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Deletes the table and waits until it is gone (Deleted); NotFound when there was none. Throws
        /// InvalidOperationException for a table this module did not create, unless forced.
        /// </summary>
        public async Task<TableReport> DeleteAsync(TableInspection inspection, bool force, IProgress<TableProgress>? progress, CancellationToken cancellationToken)
        {
            if (!inspection.MayDelete(force))
            {
                throw new InvalidOperationException(
                    $"Table '{inspection.TableName}' was not created by ChinookMigration (it lacks the tag {ManagedTag.Key}={ManagedTag.Value}).");
            }
            if (inspection.Description is null)
            {
                return inspection.ToReport(TableOutcome.NotFound);
            }
            await DeleteTableAsync(inspection, progress, cancellationToken).ConfigureAwait(false);
            return inspection.ToReport(TableOutcome.Deleted);
        }

        /// <summary>
        /// Takes over a table another operation created (DynamoDB's ImportTable, which cannot tag): waits until it is
        /// ACTIVE and applies the definition's tags, the managed tag among them, so the module treats it as its own.
        /// </summary>
        public async Task<TableReport> TagCreatedAsync(TableDefinition definition, IProgress<TableProgress>? progress, CancellationToken cancellationToken)
        {
            var table = await WaitUntilActiveAsync(definition.TableName, "Tagging", progress, cancellationToken).ConfigureAwait(false);
            await EnsureTaggedAsync(table, definition.Tags, cancellationToken).ConfigureAwait(false);
            return TableInspection.Report(table, TableOutcome.Created, true, Array.Empty<string>());
        }

        private async Task<TableReport> CreateTableAsync(TableDefinition definition, string outcome, IProgress<TableProgress>? progress, CancellationToken cancellationToken)
        {
            var name = definition.TableName;
            await DynamoErrors.Call(name, "create", () => client.CreateTableAsync(definition.ToCreateTableRequest(), cancellationToken), cancellationToken).ConfigureAwait(false);
            var created = await WaitUntilActiveAsync(name, "Creating", progress, cancellationToken).ConfigureAwait(false);
            await EnsureTaggedAsync(created, definition.Tags, cancellationToken).ConfigureAwait(false);
            return TableInspection.Report(created, outcome, true, Array.Empty<string>());
        }

        private async Task DeleteTableAsync(TableInspection inspection, IProgress<TableProgress>? progress, CancellationToken cancellationToken)
        {
            var name = inspection.TableName;
            if (!inspection.IsDeleting)
            {
                if (inspection.Description!.TableStatus != TableStatus.ACTIVE)
                {
                    // DynamoDB refuses to delete a table while it is being created or updated.
                    await WaitUntilActiveAsync(name, "Waiting before deleting", progress, cancellationToken).ConfigureAwait(false);
                }
                progress?.Report(new TableProgress(name, "Deleting", inspection.Status, Array.Empty<string>(), TimeSpan.Zero, false));
                try
                {
                    await DynamoErrors.Call(name, "delete", () => client.DeleteTableAsync(new DeleteTableRequest { TableName = name }, cancellationToken), cancellationToken)
                        .ConfigureAwait(false);
                }
                catch (DynamoOperationException ex) when (ex.Problem == DynamoProblem.NotFound)
                {
                    // Someone else deleted it since the inspection: the goal is reached all the same.
                }
            }
            await WaitUntilGoneAsync(name, "Deleting", progress, cancellationToken).ConfigureAwait(false);
        }

        private async Task<TableDescription?> DescribeAsync(string tableName, CancellationToken cancellationToken)
        {
            try
            {
                var response = await DynamoErrors.Call(tableName, Describe,
                    () => client.DescribeTableAsync(new DescribeTableRequest { TableName = tableName }, cancellationToken), cancellationToken).ConfigureAwait(false);
                return response.Table;
            }
            catch (DynamoOperationException ex) when (ex.Problem == DynamoProblem.NotFound)
            {
                return null;
            }
        }

        private async Task<bool> IsManagedAsync(TableDescription table, CancellationToken cancellationToken)
        {
            var tags = await ListTagsAsync(table, cancellationToken).ConfigureAwait(false);
            return tags.Any(IsManagedTag);
        }

        private async Task<List<Tag>> ListTagsAsync(TableDescription table, CancellationToken cancellationToken)
        {
            var tags = new List<Tag>();
            string? nextToken = null;
            do
            {
                var request = new ListTagsOfResourceRequest { ResourceArn = table.TableArn, NextToken = nextToken };
                var response = await DynamoErrors.Call(table.TableName, "list the tags of",
                    () => client.ListTagsOfResourceAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false);
                tags.AddRange(response.Tags ?? new List<Tag>());
                nextToken = response.NextToken;
            }
            while (!string.IsNullOrEmpty(nextToken));
            return tags;
        }

        /// <summary>
        /// CreateTable carries the tags, and DynamoDB applies them with the table. Local servers (dynalite) ignore
        /// CreateTable's tags, so whatever is missing once the table is ACTIVE is added with TagResource. A failed
        /// answer to TagResource does not prove the tags were not written (dynalite writes them, then answers with a
        /// body whose checksum the SDK rejects), so the tags are read back before the failure counts.
        /// </summary>
        private async Task EnsureTaggedAsync(TableDescription table, IReadOnlyList<ResourceTag> wanted, CancellationToken cancellationToken)
        {
            var missing = await MissingTagsAsync(table, wanted, cancellationToken).ConfigureAwait(false);
            if (missing.Count == 0)
            {
                return;
            }
            var request = new TagResourceRequest { ResourceArn = table.TableArn, Tags = TableDefinitionMapping.ToSdk(missing) };
            try
            {
                await DynamoErrors.Call(table.TableName, "tag", () => client.TagResourceAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false);
            }
            catch (DynamoOperationException)
            {
                if ((await MissingTagsAsync(table, wanted, cancellationToken).ConfigureAwait(false)).Count > 0)
                {
                    throw;
                }
            }
        }

        private async Task<List<ResourceTag>> MissingTagsAsync(TableDescription table, IReadOnlyList<ResourceTag> wanted, CancellationToken cancellationToken)
        {
            var present = await ListTagsAsync(table, cancellationToken).ConfigureAwait(false);
            return wanted.Where(tag => !present.Any(p => p.Key == tag.Key && p.Value == tag.Value)).ToList();
        }

        private static bool IsManagedTag(Tag tag) => tag.Key == ManagedTag.Key && tag.Value == ManagedTag.Value;

        private async Task<TableDescription> WaitUntilActiveAsync(string tableName, string activity, IProgress<TableProgress>? progress, CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            var pause = wait.FirstPollInterval;
            while (true)
            {
                var table = await DescribeAsync(tableName, cancellationToken).ConfigureAwait(false)
                    ?? throw new DynamoOperationException(DynamoProblem.NotFound, tableName, $"Table '{tableName}' disappeared while waiting for it to become ACTIVE.");
                var pending = (table.GlobalSecondaryIndexes ?? new List<GlobalSecondaryIndexDescription>())
                    .Where(index => index.IndexStatus != IndexStatus.ACTIVE)
                    .Select(index => index.IndexName)
                    .ToList();
                var ready = table.TableStatus == TableStatus.ACTIVE && pending.Count == 0;
                progress?.Report(new TableProgress(tableName, activity, table.TableStatus?.Value, pending, clock.Elapsed, ready));
                if (ready)
                {
                    return table;
                }
                if (table.TableStatus == TableStatus.DELETING || table.TableStatus == TableStatus.ARCHIVED || table.TableStatus == TableStatus.INACCESSIBLE_ENCRYPTION_CREDENTIALS)
                {
                    throw new DynamoOperationException(DynamoProblem.InUse, tableName, $"Table '{tableName}' is {table.TableStatus.Value} and will not become ACTIVE.");
                }
                ThrowIfOutOfTime(tableName, clock, $"become ACTIVE (it is {table.TableStatus?.Value}{(pending.Count > 0 ? ", indexes pending: " + string.Join(", ", pending) : "")})");
                pause = await PauseAsync(pause, cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task WaitUntilGoneAsync(string tableName, string activity, IProgress<TableProgress>? progress, CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            var pause = wait.FirstPollInterval;
            while (true)
            {
                var table = await DescribeAsync(tableName, cancellationToken).ConfigureAwait(false);
                progress?.Report(new TableProgress(tableName, activity, table?.TableStatus?.Value, Array.Empty<string>(), clock.Elapsed, table is null));
                if (table is null)
                {
                    return;
                }
                ThrowIfOutOfTime(tableName, clock, $"be deleted (it is {table.TableStatus?.Value})");
                pause = await PauseAsync(pause, cancellationToken).ConfigureAwait(false);
            }
        }

        private void ThrowIfOutOfTime(string tableName, Stopwatch clock, string goal)
        {
            if (clock.Elapsed >= wait.Timeout)
            {
                throw new DynamoOperationException(DynamoProblem.Timeout, tableName,
                    $"Table '{tableName}' did not {goal} within {wait.Timeout.TotalSeconds:0} seconds.");
            }
        }

        private async Task<TimeSpan> PauseAsync(TimeSpan pause, CancellationToken cancellationToken)
        {
            await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
            var next = TimeSpan.FromTicks(pause.Ticks * 2);
            return next > wait.MaxPollInterval ? wait.MaxPollInterval : next;
        }
    }
}
