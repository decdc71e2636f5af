using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Chinook.Migration.Import;
using Chinook.Migration.Items;
using Chinook.Migration.Target;
using Chinook.Migration.Tests.Target;
using Xunit;

namespace Chinook.Migration.Tests.Import
{
    public class TableImporterTests
    {
        private static readonly TableImportOptions Options = new TableImportOptions
        {
            BucketName = "chinook-imports",
            KeyPrefix = "runs/1/",
            FirstPollInterval = TimeSpan.Zero,
            MaxPollInterval = TimeSpan.Zero,
        };

        private static readonly TableWaitOptions QuickPolls = new TableWaitOptions { FirstPollInterval = TimeSpan.Zero, MaxPollInterval = TimeSpan.Zero };

        private static (FakeDynamo Fake, TableImporter Importer, TableManager Tables) Create()
        {
            var (fake, connection) = FakeDynamo.Create();
            return (fake, new TableImporter(connection, Options, TimeProvider.System, QuickPolls), new TableManager(connection, QuickPolls));
        }

        private static Task<TableInspection> Inspect(TableManager tables, string baseName, TableBilling? billing = null) =>
            tables.InspectAsync(TableDefinitions.For(baseName, "dev-", billing), CancellationToken.None);

        [Fact]
        public async Task TheRequestCreatesTheTableOfTheModulesDefinitionFromTheTablesOwnPrefixAsGzipDynamoJson()
        {
            var (fake, importer, tables) = Create();

            await importer.ImportAsync(await Inspect(tables, TableNames.MusicCatalog), null, CancellationToken.None);

            var request = Assert.Single(fake.ImportRequests);
            Assert.Equal("chinook-imports", request.S3BucketSource.S3Bucket);
            Assert.Equal("runs/1/dev-MusicCatalog/", request.S3BucketSource.S3KeyPrefix);
            Assert.Equal(InputFormat.DYNAMODB_JSON, request.InputFormat);
            Assert.Equal(InputCompressionType.GZIP, request.InputCompressionType);
            var expected = TableDefinitions.For(TableNames.MusicCatalog, "dev-").ToCreateTableRequest();
            var created = request.TableCreationParameters;
            Assert.Equal("dev-MusicCatalog", created.TableName);
            Assert.Equal(expected.KeySchema.Select(k => (k.AttributeName, k.KeyType.Value)), created.KeySchema.Select(k => (k.AttributeName, k.KeyType.Value)));
            Assert.Equal(expected.AttributeDefinitions.Select(a => a.AttributeName), created.AttributeDefinitions.Select(a => a.AttributeName));
            Assert.Equal(expected.GlobalSecondaryIndexes.Select(i => i.IndexName), created.GlobalSecondaryIndexes.Select(i => i.IndexName));
            Assert.Contains(ChinookKeys.NameSearchIndex, created.GlobalSecondaryIndexes.Select(i => i.IndexName));
            Assert.All(created.GlobalSecondaryIndexes, i => Assert.Equal(ProjectionType.ALL, i.Projection.ProjectionType));
            Assert.Equal(BillingMode.PAY_PER_REQUEST, created.BillingMode);
            Assert.Null(created.ProvisionedThroughput);
            // What the module checks a table against afterwards: the imported table matches its definition.
            var after = await Inspect(tables, TableNames.MusicCatalog);
            Assert.Empty(after.Differences);
        }

        [Fact]
        public async Task ProvisionedBillingGoesToTheTableAndEveryIndex()
        {
            var (fake, importer, tables) = Create();

            await importer.ImportAsync(await Inspect(tables, TableNames.CustomerOrders, TableBilling.Provisioned(7, 3)), null, CancellationToken.None);

            var created = Assert.Single(fake.ImportRequests).TableCreationParameters;
            Assert.Equal(BillingMode.PROVISIONED, created.BillingMode);
            Assert.Equal((7L, 3L), (created.ProvisionedThroughput.ReadCapacityUnits!.Value, created.ProvisionedThroughput.WriteCapacityUnits!.Value));
            var index = Assert.Single(created.GlobalSecondaryIndexes);
            Assert.Equal(ChinookKeys.EmailSearchIndex, index.IndexName);
            Assert.Equal(7L, index.ProvisionedThroughput.ReadCapacityUnits);
        }

        [Fact]
        public async Task ItWaitsWithDescribeImportAndReportsTheFinalCountsAndTheLogGroupThenTagsTheTableAsManaged()
        {
            var (fake, importer, tables) = Create();
            fake.ImportDescribes = 3;
            var reports = new List<TableProgress>();

            var result = await importer.ImportAsync(await Inspect(tables, TableNames.Playlists), new SynchronousProgress<TableProgress>(reports.Add), CancellationToken.None);

            Assert.Equal("COMPLETED", result.ImportStatus);
            Assert.Equal((10L, 10L, 0L, 1000L), (result.ProcessedItemCount, result.ImportedItemCount, result.ErrorCount, result.ProcessedSizeBytes));
            Assert.Equal("arn:aws:logs:us-east-1:000000000000:log-group:/aws-dynamodb/imports:*", result.CloudWatchLogGroupArn);
            Assert.Equal(TimeSpan.FromMinutes(7), result.Duration);
            Assert.True(result.Succeeded);
            Assert.Equal(4, fake.Calls.Count(c => c.StartsWith("DescribeImport", StringComparison.Ordinal)));
            Assert.Equal(new[] { "IN_PROGRESS", "IN_PROGRESS", "IN_PROGRESS", "IN_PROGRESS", "COMPLETED" },
                reports.Where(r => r.Activity == "Importing").Select(r => r.TableStatus!.Split(':')[0]));
            Assert.True(reports.Last(r => r.Activity == "Importing").Completed);
            Assert.True(result.Managed);
            Assert.Contains(fake.Tags["dev-Playlists"], t => t.Key == ManagedTag.Key && t.Value == ManagedTag.Value);
            Assert.True((await Inspect(tables, TableNames.Playlists)).Managed);
        }

        [Fact]
        public async Task AFailedImportIsReportedWithItsFailureAndLeavesNothingTagged()
        {
            var (fake, importer, tables) = Create();
            fake.ImportEnd = _ => new ImportTableDescription
            {
                ImportStatus = ImportStatus.FAILED, ProcessedItemCount = 0, ErrorCount = 0,
                FailureCode = "InvalidS3Object", FailureMessage = "No objects under the prefix",
            };

            var result = await importer.ImportAsync(await Inspect(tables, TableNames.EmployeeManagement), null, CancellationToken.None);

            Assert.Equal("FAILED", result.ImportStatus);
            Assert.Equal(("InvalidS3Object", "No objects under the prefix"), (result.FailureCode, result.FailureMessage));
            Assert.False(result.Succeeded);
            Assert.False(result.Managed);
            Assert.DoesNotContain(fake.Calls, c => c.StartsWith("Tag", StringComparison.Ordinal));
        }

        [Fact]
        public async Task AnExistingTableIsRefusedBeforeAnyImportIsStarted()
        {
            var (fake, importer, tables) = Create();
            fake.AddTable(TableDefinitions.For(TableNames.MusicCatalog, "dev-"), tagged: true);

            var inspection = await Inspect(tables, TableNames.MusicCatalog);
            var error = await Assert.ThrowsAsync<ImportTableExistsException>(() => importer.ImportAsync(inspection, null, CancellationToken.None));

            Assert.False(TableImporter.MayImport(inspection));
            Assert.Equal("dev-MusicCatalog", error.TableName);
            Assert.Empty(fake.ImportRequests);
        }

        [Fact]
        public async Task RunAgainWhileItsImportStillRunsTheCommandJoinsThatImportThroughTheClientToken()
        {
            var (fake, importer, tables) = Create();
            fake.ImportDescribes = 5;
            using var stop = new CancellationTokenSource();
            var first = importer.ImportAsync(await Inspect(tables, TableNames.CustomerOrders), new SynchronousProgress<TableProgress>(_ => stop.Cancel()), stop.Token);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
            fake.ImportDescribes = 0;
            var again = await Inspect(tables, TableNames.CustomerOrders);
            Assert.True(again.Exists);
            Assert.True(TableImporter.MayImport(again));

            var result = await importer.ImportAsync(again, null, CancellationToken.None);

            Assert.Equal(2, fake.ImportRequests.Count);
            Assert.Equal(fake.ImportRequests[0].ClientToken, fake.ImportRequests[1].ClientToken);
            Assert.Equal("COMPLETED", result.ImportStatus);
            Assert.EndsWith("/import/0000", result.ImportArn, StringComparison.Ordinal);
        }

        [Fact]
        public void TheClientTokenDiffersForAnotherTablePrefixOrBillingAndStaysWithinDynamoDbsLength()
        {
            var (_, importer, _) = Create();
            var onDemand = importer.ClientToken(TableDefinitions.For(TableNames.Playlists, "dev-"));

            Assert.Equal(onDemand, importer.ClientToken(TableDefinitions.For(TableNames.Playlists, "dev-")));
            Assert.NotEqual(onDemand, importer.ClientToken(TableDefinitions.For(TableNames.Playlists, "prod-")));
            Assert.NotEqual(onDemand, importer.ClientToken(TableDefinitions.For(TableNames.Playlists, "dev-", TableBilling.Provisioned(5, 5))));
            Assert.InRange(onDemand.Length, 1, 36);
        }
    }
}
