using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Chinook.Migration.Items;
using Chinook.Migration.Readback;
using Chinook.Migration.Target;
using Xunit;

namespace Chinook.Migration.Tests.Readback
{
    /// <summary>Nothing half-written: the destination appears only complete, and an existing file is kept unless replacing it was asked for.</summary>
    public class SqliteExportTests
    {
        [Fact]
        public async Task AStoppedRunLeavesNothingUnderTheNameAndNoTemporaryFile()
        {
            var fake = TargetScannerTests.ScanDynamo.Create(pageSize: 1, delay: TimeSpan.FromMilliseconds(5));
            foreach (var table in TableNames.BaseNames)
            {
                fake.Put(table, 200);
            }
            var folder = Path.GetDirectoryName(TestDatabases.ScratchPath())!;
            var destination = Path.Combine(folder, Guid.NewGuid().ToString("N"), "stopped.sqlite");
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Export(fake).RunAsync(destination, false, cancellationToken: stop.Token));

            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(destination)!));
        }

        [Fact]
        public async Task AnExistingFileIsKeptWithoutOverwriteAndReplacedWithIt()
        {
            var fake = TargetScannerTests.ScanDynamo.Create(pageSize: 10);
            foreach (var table in TableNames.BaseNames)
            {
                fake.Put(table, 3);
            }
            var destination = TestDatabases.ScratchPath();
            File.WriteAllText(destination, "yesterday");

            await Assert.ThrowsAsync<IOException>(() => Export(fake).RunAsync(destination, false));
            Assert.Equal("yesterday", File.ReadAllText(destination));

            var problems = new System.Collections.Generic.List<ReadbackProblem>();
            var summary = await Export(fake).RunAsync(destination, true, onProblem: problems.Add);
            Assert.Equal(destination, summary.Path);
            Assert.Equal(12, summary.ItemsRead);
            Assert.Equal(12, problems.Count(p => p.Kind == ReadbackProblemKind.NoLayout));
            Assert.Equal(new[] { "ok" }, TestDatabases.Query(destination, "PRAGMA integrity_check"));
        }

        private static SqliteExport Export(TargetScannerTests.ScanDynamo fake) =>
            new SqliteExport(new DynamoConnection(fake.Client, "fake", "credentials: fake", "region: fake"), null, segments: 2, maxConcurrency: 2);
    }
}
