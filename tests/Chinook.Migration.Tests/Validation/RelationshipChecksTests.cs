using System;
using System.Collections.Generic;
using System.Linq;
using Chinook.Migration.Items;
using Chinook.Migration.Source;
using Chinook.Migration.Validation;
using Xunit;

namespace Chinook.Migration.Tests.Validation
{
    /// <summary>References followed through a target held in memory, with the names copied along them.</summary>
    public class RelationshipChecksTests
    {
        private static readonly Func<string, string, ISet<string>> NoOrphans = (_, _) => new HashSet<string>();

        private static Dictionary<string, ValidationResult> Check(List<ChinookItem> target, Func<string, string, ISet<string>>? orphans = null) =>
            RelationshipChecks.Check(TargetSnapshot.Of(target), orphans ?? NoOrphans, 5).ToDictionary(r => r.Check);

        [Fact]
        public void EveryReferenceOfACleanMigrationResolvesWithItsCopies()
        {
            var results = Check(ShippedTarget.Items());
            Assert.Equal(new[]
            {
                "Album.ArtistId -> Artist", "Track.AlbumId -> Album", "Track.GenreId -> Genre", "Track.MediaTypeId -> MediaType",
                "Invoice.CustomerId -> Customer", "InvoiceLine.TrackId -> Track", "PlaylistTrack.TrackId -> Track",
                "Customer.SupportRepId -> Employee", "Employee.ReportsTo -> Employee",
            }, results.Keys);
            Assert.All(results.Values, r => Assert.True(r.Passed, r.Message));
            Assert.Equal(347, results["Album.ArtistId -> Artist"].Expected);
            Assert.Equal(2240, results["InvoiceLine.TrackId -> Track"].Actual);
            Assert.Equal(8715, results["PlaylistTrack.TrackId -> Track"].Actual);
            Assert.Equal(7, results["Employee.ReportsTo -> Employee"].Expected);
        }

        [Fact]
        public void AnAlbumWhoseArtistNameDisagreesWithItsArtistIsNamed()
        {
            var target = ShippedTarget.Items();
            target.Change("ARTIST#1", "ALBUM#1", a => a["ArtistName"] = "ACDC");
            var album = Check(target)["Album.ArtistId -> Artist"];
            Assert.False(album.Passed);
            Assert.Equal(new[] { "AlbumId=1" }, album.FailingKeys);
            Assert.Contains("AlbumId=1: ArtistName is 'ACDC', the artist's Name 'AC/DC'", album.Message);
        }

        [Fact]
        public void ATrackWhoseArtistNameDisagreesWithItsAlbumsArtistIsNamed()
        {
            var target = ShippedTarget.Items();
            target.Change("ALBUM#1", "TRACK#1", a => a["ArtistName"] = "Accept");
            var results = Check(target);
            Assert.Equal(new[] { "TrackId=1" }, results["Track.AlbumId -> Album"].FailingKeys);
            Assert.True(results["Album.ArtistId -> Artist"].Passed);
        }

        [Fact]
        public void APlaylistEntryWhoseDurationOrPriceDisagreesWithItsTrackIsNamed()
        {
            var target = ShippedTarget.Items();
            target.Change("PLAYLIST#1", "PAGE#00001", a => a["Tracks"] = ((IReadOnlyList<object?>)a["Tracks"]!)
                .Cast<IReadOnlyDictionary<string, object?>>()
                .Select(entry => (object?)entry.ToDictionary(e => e.Key, e => (long)entry["TrackId"]! switch
                {
                    1 when e.Key == "Duration" => 1L,
                    2 when e.Key == "UnitPrice" => 1.99m,
                    _ => e.Value,
                }))
                .ToList());
            var entries = Check(target)["PlaylistTrack.TrackId -> Track"];
            Assert.False(entries.Passed);
            Assert.Equal(new[] { "PlaylistId=1, TrackId=1", "PlaylistId=1, TrackId=2" }, entries.FailingKeys);
            Assert.Contains("PlaylistId=1, TrackId=1: Duration is 1, the track's Milliseconds 343719", entries.Message);
        }

        [Fact]
        public void ADeletedTrackLeavesInvoiceLinesAndPlaylistEntriesUnresolved()
        {
            var target = ShippedTarget.Items();
            target.Remove("ALBUM#1", "TRACK#6");
            var results = Check(target);
            var lines = results["InvoiceLine.TrackId -> Track"];
            Assert.False(lines.Passed);
            Assert.Contains("TrackId 6 names no Track item in the target", lines.Message);
            Assert.NotEmpty(lines.FailingKeys);
            Assert.All(lines.FailingKeys, k => Assert.StartsWith("InvoiceLineId=", k));
            Assert.Contains("PlaylistId=1, TrackId=6", results["PlaylistTrack.TrackId -> Track"].FailingKeys);
        }

        [Fact]
        public void AManagersMissingReportItemAndARepsMissingCustomerItemAreNamed()
        {
            var target = ShippedTarget.Items();
            target.Remove("EMPLOYEE#1", "REPORT#2");
            target.Remove("EMPLOYEE#3", "CUSTOMER#1");
            var results = Check(target);
            Assert.Equal(new[] { "EmployeeId=2" }, results["Employee.ReportsTo -> Employee"].FailingKeys);
            Assert.Contains("the manager's partition EMPLOYEE#1 has no REPORT#2 item", results["Employee.ReportsTo -> Employee"].Message);
            Assert.Equal(new[] { "CustomerId=1" }, results["Customer.SupportRepId -> Employee"].FailingKeys);
        }

        [Fact]
        public void AManagerNameOrChainOfCommandThatDisagreesIsNamed()
        {
            var target = ShippedTarget.Items();
            target.Change("EMPLOYEE#3", "PROFILE", a => a["ChainOfCommand"] = ((IReadOnlyList<object?>)a["ChainOfCommand"]!).Skip(1).ToList());
            target.Change("EMPLOYEE#7", "PROFILE", a => a["ManagerName"] = "Someone Else");
            var managers = Check(target)["Employee.ReportsTo -> Employee"];
            Assert.Equal(new[] { "EmployeeId=3", "EmployeeId=7" }, managers.FailingKeys);
            Assert.Contains("ChainOfCommand does not start at Employee 2", managers.Message);
        }

        [Fact]
        public void ReferencesTheSourceItselfBreaksAreLeftOutAndCounted()
        {
            var target = ShippedTarget.Items();
            target.RemoveAll(i => i.PK == "ARTIST#1" && i.SK == ChinookKeys.Metadata);
            var orphans = new Func<string, string, ISet<string>>((table, column) =>
                table == "Album" && column == "ArtistId" ? new HashSet<string> { "AlbumId=1", "AlbumId=4" } : new HashSet<string>());
            var album = Check(target, orphans)["Album.ArtistId -> Artist"];
            Assert.True(album.Passed, album.Message);
            Assert.Equal(345, album.Expected);
            Assert.Contains("2 reference(s) the source itself breaks are left out", album.Message);
        }

        [Fact]
        public void SourceOrphansAreReadFromTheSource()
        {
            var path = TestDatabases.ShippedWith("UPDATE Album SET ArtistId = 9999 WHERE AlbumId IN (1, 4);");
            using var database = SourceDatabase.Open(path);
            Assert.Equal(new[] { "AlbumId=1", "AlbumId=4" }, SourceOrphans.Read(database, "Album", "ArtistId").OrderBy(k => k));
            Assert.Empty(SourceOrphans.Read(database, "Track", "GenreId"));
            Assert.All(RelationshipChecks.Relationships, r => SourceOrphans.Read(database, r.Table, r.Column));
        }
    }
}
