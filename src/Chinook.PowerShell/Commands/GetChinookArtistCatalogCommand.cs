using System;
using System.Management.Automation;
using Chinook.Migration.Access;
using Chinook.Migration.Target;
using Chinook.PowerShell.Commands.Shared;

namespace Chinook.PowerShell.Commands
{
    /// <summary>An artist with their albums and each album's tracks, read from MusicCatalog by artist id or by name (any letter case, wildcards).</summary>
    [Cmdlet(VerbsCommon.Get, "ChinookArtistCatalog", DefaultParameterSetName = ByIdSet)]
    [OutputType(typeof(ArtistCatalog))]
    public sealed class GetChinookArtistCatalogCommand : AccessCmdlet
    {
        private const string ByIdSet = "ById";
        private const string ByNameSet = "ByName";
        private MusicCatalogReader reader = null!;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        public long[] ArtistId { get; set; } = Array.Empty<long>();

        /// <summary>Artist names, wildcards allowed, in any letter case (GSI3-LowerName, or a Scan for a leading wildcard).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByNameSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; } = Array.Empty<string>();

        protected override string Activity => "Reading artist catalogs";

        protected override void OpenReader(DynamoConnection connection, string? tablePrefix, IProgress<ReadProgress> progress) =>
            reader = new MusicCatalogReader(connection, tablePrefix, progress);

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ByNameSet)
            {
                foreach (var name in Name)
                {
                    var pattern = Pattern(name);
                    if (TryFind(ct => reader.FindArtistsAsync(pattern, ct), pattern, "Artist", "Name", reader, out var artists))
                    {
                        foreach (var artist in artists)
                        {
                            WriteCatalog(artist.ArtistId);
                        }
                    }
                }
                return;
            }
            foreach (var id in ArtistId)
            {
                WriteCatalog(id);
            }
        }

        private void WriteCatalog(long artistId)
        {
            if (ReadOne(ct => reader.GetArtistCatalogAsync(artistId, ct), "Artist", $"ArtistId {artistId}", artistId, reader) is { } catalog)
            {
                WriteObject(catalog);
            }
        }
    }
}
