using System;
using System.Management.Automation;
using Chinook.Migration.Access;
using Chinook.Migration.Target;
using Chinook.PowerShell.Commands.Shared;

namespace Chinook.PowerShell.Commands
{
    /// <summary>An artist with their albums and each album's tracks, read from MusicCatalog by artist id or exact name.</summary>
    [Cmdlet(VerbsCommon.Get, "ChinookArtistCatalog", DefaultParameterSetName = ByIdSet)]
    [OutputType(typeof(ArtistCatalog))]
    public sealed class GetChinookArtistCatalogCommand : AccessCmdlet
    {
        private const string ByIdSet = "ById";
        private const string ByNameSet = "ByName";
        private MusicCatalogReader reader = null!;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        public long[] ArtistId { get; set; } = Array.Empty<long>();

        /// <summary>The artist's exact name (GSI1-NameSearch): case and spelling must match.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByNameSet)]
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
                    if (TryRead(ct => reader.FindArtistsByNameAsync(name, ct), name, out var artists))
                    {
                        if (artists.Count == 0)
                        {
                            WriteNotFound("Artist", $"Name '{name}'", name, reader);
                        }
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
