using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Chinook.Migration.Target;
using Xunit;

namespace Chinook.Migration.Tests.Target
{
    public class TableManagerTests
    {
        private static readonly TableWaitOptions QuickPolls = new TableWaitOptions
        {
            FirstPollInterval = TimeSpan.FromMilliseconds(1), MaxPollInterval = TimeSpan.FromMilliseconds(2),
        };

        private sealed class Recorder : IProgress<TableProgress>
        {
            public List<TableProgress> Reports { get; } = new List<TableProgress>();
            public void Report(TableProgress value) => Reports.Add(value);
        }

        [Fact]
        public async Task CreatesAMissingTableAndWaitsUntilItAndItsIndexesAreActive()
        {
            var (fake, connection) = FakeDynamo.Create();
            var manager = new TableManager(connection, QuickPolls);
            var progress = new Recorder();

            var inspection = await manager.InspectAsync(TableDefinitions.For("MusicCatalog", "dev-"), CancellationToken.None);
            var report = await manager.CreateAsync(inspection, progress, CancellationToken.None);

            Assert.False(inspection.Exists);
            Assert.Equal(TableOutcome.Created, report.Status);
            Assert.True(report.Managed);
            Assert.All(report.Indexes, index => Assert.Equal("ACTIVE", index.IndexStatus));
            Assert.Equal(new[] { "GSI1-NameSearch", "GSI2-GenreSearch", "GSI3-LowerName" }, progress.Reports.First().PendingIndexes);
            Assert.True(progress.Reports.Last().Completed);
            Assert.Equal("chinook-migration:managed", Assert.Single(fake.Tags["dev-MusicCatalog"]).Key);
            Assert.DoesNotContain("Tag dev-MusicCatalog", fake.Calls);
        }

        [Fact]
        public async Task AddsTheTagWhereCreateTableDroppedItAndTrustsWhatItReadsBack()
        {
            var (fake, connection) = FakeDynamo.Create();
            fake.CreateDropsTags = true;
            fake.TagAnswerFailsAfterWriting = true;
            var manager = new TableManager(connection, QuickPolls);

            var report = await manager.CreateAsync(await manager.InspectAsync(TableDefinitions.For("Playlists", null), CancellationToken.None), null, CancellationToken.None);

            Assert.Equal(TableOutcome.Created, report.Status);
            Assert.Contains("Tag Playlists", fake.Calls);
            Assert.Single(fake.Tags["Playlists"]);
        }

        [Fact]
        public async Task ATagThatWasNotWrittenIsAnError()
        {
            var (fake, connection) = FakeDynamo.Create();
            fake.CreateDropsTags = true;
            fake.TagAnswerFailsAfterWriting = false;
            var manager = new TableManager(connection, QuickPolls);
            var inspection = await manager.InspectAsync(TableDefinitions.For("Playlists", null), CancellationToken.None);

            var ex = await Assert.ThrowsAsync<DynamoOperationException>(() => manager.CreateAsync(inspection, null, CancellationToken.None));
            Assert.Equal(DynamoProblem.Unreachable, ex.Problem);
        }

        [Fact]
        public async Task AMatchingTableIsExistingAndNothingIsWritten()
        {
            var (fake, connection) = FakeDynamo.Create();
            var definition = TableDefinitions.For("CustomerOrders", null);
            fake.AddTable(definition, tagged: true);
            var manager = new TableManager(connection, QuickPolls);

            var inspection = await manager.InspectAsync(definition, CancellationToken.None);
            var report = await manager.CreateAsync(inspection, null, CancellationToken.None);

            Assert.True(inspection.Managed);
            Assert.Empty(inspection.Differences);
            Assert.Equal(TableOutcome.Existing, report.Status);
            Assert.All(fake.Calls, call => Assert.Matches("^(Describe|ListTags) ", call));
        }

        [Fact]
        public async Task ADifferentTableIsNotCreatedOverButRecreated()
        {
            var (fake, connection) = FakeDynamo.Create();
            fake.AddTable(TableDefinitions.For("Playlists", null, TableBilling.Provisioned(1, 1)), tagged: false);
            var manager = new TableManager(connection, QuickPolls);
            var inspection = await manager.InspectAsync(TableDefinitions.For("Playlists", null), CancellationToken.None);

            Assert.False(inspection.Managed);
            Assert.Equal("billing mode is PROVISIONED, expected PAY_PER_REQUEST", Assert.Single(inspection.Differences));
            await Assert.ThrowsAsync<InvalidOperationException>(() => manager.CreateAsync(inspection, null, CancellationToken.None));

            var report = await manager.RecreateAsync(inspection, null, CancellationToken.None);
            Assert.Equal(TableOutcome.Recreated, report.Status);
            Assert.Equal("PAY_PER_REQUEST", report.BillingMode);
            Assert.True(fake.Calls.IndexOf("Delete Playlists") < fake.Calls.IndexOf("Create Playlists"));
        }

        [Fact]
        public async Task DeletingATableThatIsStillBeingCreatedWaitsUntilItIsActive()
        {
            var (fake, connection) = FakeDynamo.Create();
            var manager = new TableManager(connection, QuickPolls);
            var definition = TableDefinitions.For("EmployeeManagement", null);
            await connection.Client.CreateTableAsync(definition.ToCreateTableRequest());
            var inspection = await manager.InspectAsync(definition, CancellationToken.None);
            Assert.Equal("CREATING", inspection.Status);

            var report = await manager.DeleteAsync(inspection, false, null, CancellationToken.None);

            Assert.Equal(TableOutcome.Deleted, report.Status);
            Assert.Empty(fake.Tables);
        }

        [Fact]
        public async Task ATableTheModuleDidNotCreateIsDeletedOnlyWhenForced()
        {
            var (fake, connection) = FakeDynamo.Create();
            var definition = TableDefinitions.For("Playlists", null);
            fake.AddTable(definition, tagged: false);
            var manager = new TableManager(connection, QuickPolls);
            var inspection = await manager.InspectAsync(definition, CancellationToken.None);

            await Assert.ThrowsAsync<InvalidOperationException>(() => manager.DeleteAsync(inspection, false, null, CancellationToken.None));
            Assert.DoesNotContain("Delete Playlists", fake.Calls);
            Assert.Equal(TableOutcome.Deleted, (await manager.DeleteAsync(inspection, true, null, CancellationToken.None)).Status);
        }

        [Fact]
        public async Task DeletingATableThatIsNotThereReportsNotFound()
        {
            var (_, connection) = FakeDynamo.Create();
            var manager = new TableManager(connection, QuickPolls);
            var report = await manager.DeleteAsync(await manager.InspectAsync(TableDefinitions.For("Playlists", "x-"), CancellationToken.None), false, null, CancellationToken.None);
            Assert.Equal(TableOutcome.NotFound, report.Status);
        }

        [Fact]
        public async Task ATableThatStaysCreatingRunsIntoTheTimeout()
        {
            var (fake, connection) = FakeDynamo.Create();
            fake.TransitionDescribes = int.MaxValue;
            var manager = new TableManager(connection, new TableWaitOptions
            {
                Timeout = TimeSpan.FromMilliseconds(20), FirstPollInterval = TimeSpan.FromMilliseconds(1), MaxPollInterval = TimeSpan.FromMilliseconds(2),
            });
            var inspection = await manager.InspectAsync(TableDefinitions.For("CustomerOrders", null), CancellationToken.None);

            var ex = await Assert.ThrowsAsync<DynamoOperationException>(() => manager.CreateAsync(inspection, null, CancellationToken.None));

            Assert.Equal(DynamoProblem.Timeout, ex.Problem);
            Assert.Contains("indexes pending: GSI1-EmailSearch", ex.Message);
        }

        [Fact]
        public async Task CancellationStopsAWait()
        {
            var (fake, connection) = FakeDynamo.Create();
            fake.TransitionDescribes = int.MaxValue;
            var manager = new TableManager(connection, QuickPolls);
            var inspection = await manager.InspectAsync(TableDefinitions.For("Playlists", null), CancellationToken.None);
            using var cancellation = new CancellationTokenSource();
            var progress = new Progress<TableProgress>(_ => cancellation.Cancel());

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => manager.CreateAsync(inspection, progress, cancellation.Token));
        }
    }
}
