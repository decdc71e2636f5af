using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Chinook.Migration.Access;
using Chinook.Migration.Target;
using Chinook.PowerShell.Commands.Completion;
using Chinook.PowerShell.Commands.Shared;

namespace Chinook.PowerShell.Commands
{
    /// <summary>Tracks by name or by genre, in any letter case and with wildcards, read from MusicCatalog in TrackId order.</summary>
    [Cmdlet(VerbsCommon.Find, "ChinookTrack", DefaultParameterSetName = ByNameSet)]
    [OutputType(typeof(CatalogTrack))]
    public sealed class FindChinookTrackCommand : AccessCmdlet
    {
        private const string ByNameSet = "ByName";
        private const string ByGenreSet = "ByGenre";
        private MusicCatalogReader reader = null!;
        private IReadOnlyList<NamePattern> mediaTypes = Array.Empty<NamePattern>();

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByNameSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; } = Array.Empty<string>();

        [Parameter(Mandatory = true, ParameterSetName = ByGenreSet, ValueFromPipelineByPropertyName = true)]
        [Alias("GenreName")]
        [ArgumentCompleter(typeof(GenreNameCompleter))]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Genre { get; set; } = Array.Empty<string>();

        /// <summary>Keeps only the tracks of these media types (any letter case, wildcards); it narrows what -Name or -Genre found.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(MediaTypeNameCompleter))]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? MediaType { get; set; }

        protected override string Activity => "Finding tracks";

        protected override void OpenReader(DynamoConnection connection, string? tablePrefix, IProgress<ReadProgress> progress) =>
            reader = new MusicCatalogReader(connection, tablePrefix, progress);

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            mediaTypes = (MediaType ?? Array.Empty<string>()).Select(Pattern).ToList();
        }

        protected override void ProcessRecord()
        {
            var byGenre = ParameterSetName == ByGenreSet;
            foreach (var value in byGenre ? Genre : Name)
            {
                var pattern = Pattern(value);
                Func<CancellationToken, Task<IReadOnlyList<CatalogTrack>>> find = byGenre
                    ? ct => reader.FindTracksByGenreAsync(pattern, ct)
                    : ct => reader.FindTracksAsync(pattern, ct);
                if (TryFind(find, pattern, "Track", byGenre ? "GenreName" : "Name", reader, out var tracks))
                {
                    foreach (var track in tracks.Where(t => mediaTypes.Count == 0 || mediaTypes.Any(m => m.IsMatch(t.MediaTypeName))))
                    {
                        WriteObject(track);
                    }
                }
            }
        }
    }
}
