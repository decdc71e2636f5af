using System.IO;
using System.Linq;
using Chinook.Migration.Items;
using Chinook.Migration.Source;
using Xunit;

namespace Chinook.Migration.Tests.Source
{
    public class SourceStatisticsTests
    {
        [Fact]
        public void ShippedDatabaseReproducesTheUsersTable()
        {
            using var database = SourceDatabase.Open(TestDatabases.Shipped);
            var stats = SourceStatisticsReader.ReadTableStatistics(database, TableNames.OfSourceTable);

            var expected = new (string Table, long Records, decimal Percentage, MigrationPriority Priority)[]
            {
                ("PlaylistTrack", 8715, 55.8m, MigrationPriority.High), ("Track", 3503, 22.4m, MigrationPriority.Critical),
                ("InvoiceLine", 2240, 14.4m, MigrationPriority.High), ("Invoice", 412, 2.6m, MigrationPriority.High),
                ("Album", 347, 2.2m, MigrationPriority.Critical), ("Artist", 275, 1.8m, MigrationPriority.Critical),
                ("Customer", 59, 0.4m, MigrationPriority.High), ("Genre", 25, 0.2m, MigrationPriority.Medium),
                ("Playlist", 18, 0.1m, MigrationPriority.Medium), ("Employee", 8, 0.1m, MigrationPriority.Low),
                ("MediaType", 5, 0.0m, MigrationPriority.Low),
            };
            Assert.Equal(expected, stats.Select(s => (s.Table, s.Records, s.Percentage, s.Priority)).ToArray());
            Assert.All(stats, s => Assert.Equal(15607, s.TotalRecords));
            Assert.All(stats, s => Assert.Equal(1007616, s.DatabaseSizeBytes));
        }

        [Theory]
        [InlineData("Track", "Composer", 27.9)]
        [InlineData("Customer", "Company", 83.1)]
        [InlineData("Customer", "Fax", 79.7)]
        [InlineData("Customer", "State", 49.2)]
        public void NullSharesMatchTheUsersAnalysis(string table, string column, double percentage)
        {
            using var database = SourceDatabase.Open(TestDatabases.Shipped);
            var finding = SourceStatisticsReader.ReadDataQuality(database)
                .Single(f => f.Check == DataQualityCheck.NullValues && f.Table == table && f.Column == column);
            Assert.Equal((decimal)percentage, finding.Percentage);
        }

        [Fact]
        public void ShippedDatabaseHasNoOrphansAndNoDuplicateEmails()
        {
            using var database = SourceDatabase.Open(TestDatabases.Shipped);
            var findings = SourceStatisticsReader.ReadDataQuality(database).ToList();
            Assert.All(findings.Where(f => f.Check == DataQualityCheck.OrphanForeignKey || f.Check == DataQualityCheck.DuplicateValue),
                f => Assert.Equal(0, f.Count));
            Assert.Contains(findings, f => f.Check == DataQualityCheck.Relationship && f.Table == "PlaylistTrack" && f.Detail.Contains("M:M"));
        }

        [Fact]
        public void CountsNullsInADatabaseBuiltByTheTest()
        {
            var path = TestDatabases.ShippedWith("UPDATE Track SET Composer = NULL; UPDATE Artist SET Name = NULL WHERE ArtistId <= 10;");
            using var database = SourceDatabase.Open(path);
            var findings = SourceStatisticsReader.ReadDataQuality(database).Where(f => f.Check == DataQualityCheck.NullValues).ToList();
            Assert.Equal(3503, findings.Single(f => f.Table == "Track" && f.Column == "Composer").Count);
            Assert.Equal(10, findings.Single(f => f.Table == "Artist" && f.Column == "Name").Count);
        }

        [Fact]
        public void FindsAnOrphanForeignKey()
        {
            var path = TestDatabases.ShippedWith("UPDATE Album SET ArtistId = 9999 WHERE AlbumId = 1;");
            using var database = SourceDatabase.Open(path);
            var orphan = SourceStatisticsReader.ReadDataQuality(database)
                .Single(f => f.Check == DataQualityCheck.OrphanForeignKey && f.Table == "Album" && f.Column == "ArtistId");
            Assert.Equal(1, orphan.Count);
        }

        [Fact]
        public void FindsADuplicateEmailIgnoringCase()
        {
            var path = TestDatabases.ShippedWith("UPDATE Customer SET Email = upper((SELECT Email FROM Customer WHERE CustomerId = 1)) WHERE CustomerId = 2;");
            using var database = SourceDatabase.Open(path);
            var duplicate = SourceStatisticsReader.ReadDataQuality(database).Single(f => f.Check == DataQualityCheck.DuplicateValue);
            Assert.Equal(2, duplicate.Count);
        }

        [Fact]
        public void AMissingTableIsNamed()
        {
            var path = TestDatabases.ShippedWith("DROP TABLE PlaylistTrack; DROP TABLE Playlist;");
            var ex = Assert.Throws<SourceDatabaseException>(() => SourceDatabase.Open(path));
            Assert.Equal(SourceProblem.MissingTables, ex.Problem);
            Assert.Equal(new[] { "Playlist", "PlaylistTrack" }, ex.Missing.OrderBy(m => m).ToArray());
            Assert.Contains("PlaylistTrack", ex.Message);
        }

        [Fact]
        public void AMissingColumnIsNamed()
        {
            var path = TestDatabases.ShippedWith("ALTER TABLE Track DROP COLUMN Composer;");
            var ex = Assert.Throws<SourceDatabaseException>(() => SourceDatabase.Open(path));
            Assert.Equal(SourceProblem.MissingColumns, ex.Problem);
            Assert.Equal(new[] { "Track.Composer" }, ex.Missing.ToArray());
        }

        [Fact]
        public void EmptyAndNonSqliteFilesAreRefused()
        {
            var empty = TestDatabases.ScratchPath();
            File.WriteAllBytes(empty, new byte[0]);
            Assert.Equal(SourceProblem.Empty, Assert.Throws<SourceDatabaseException>(() => SourceDatabase.Open(empty)).Problem);

            var text = TestDatabases.ScratchPath();
            File.WriteAllText(text, "this is not a database, just some text that is long enough");
            Assert.Equal(SourceProblem.NotSqlite, Assert.Throws<SourceDatabaseException>(() => SourceDatabase.Open(text)).Problem);

            Assert.Equal(SourceProblem.NotFound, Assert.Throws<SourceDatabaseException>(() => SourceDatabase.Open(TestDatabases.ScratchPath())).Problem);
        }

        [Fact]
        public void ReadingLeavesTheSourceByteIdentical()
        {
            var path = TestDatabases.CopyOfShipped();
            var before = File.ReadAllBytes(path);
            using (var database = SourceDatabase.Open(path))
            {
                SourceStatisticsReader.ReadTableStatistics(database, TableNames.OfSourceTable);
                SourceStatisticsReader.ReadDataQuality(database).ToList();
            }
            Assert.Equal(before, File.ReadAllBytes(path));
        }
    }
}
