using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Chinook.Migration.Access;
using Chinook.Migration.Target;
using Chinook.PowerShell.Commands.Shared;

namespace Chinook.PowerShell.Commands
{
    /// <summary>A playlist with all its tracks, every page stitched back in order, read from Playlists by id or by name.</summary>
    [Cmdlet(VerbsCommon.Get, "ChinookPlaylist", DefaultParameterSetName = ByIdSet)]
    [OutputType(typeof(PlaylistDetails))]
    public sealed class GetChinookPlaylistCommand : AccessCmdlet
    {
        private const string ByIdSet = "ById";
        private const string ByNameSet = "ByName";
        private PlaylistReader reader = null!;
        private IReadOnlyList<PlaylistSummary>? playlists;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        public long[] PlaylistId { get; set; } = Array.Empty<long>();

        /// <summary>Playlist names, wildcards allowed, in any letter case; found by a Scan of the playlists' METADATA items.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByNameSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; } = Array.Empty<string>();

        protected override string Activity => "Reading playlists";

        protected override void OpenReader(DynamoConnection connection, string? tablePrefix, IProgress<ReadProgress> progress) =>
            reader = new PlaylistReader(connection, tablePrefix, progress);

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in PlaylistId)
                {
                    WritePlaylist(id);
                }
                return;
            }
            // One Scan per command, whatever the number of names: there is no index on playlist names.
            if (playlists is null && !TryRead(ct => reader.ListPlaylistsAsync(ct), string.Join(", ", Name), out playlists))
            {
                return;
            }
            foreach (var name in Name)
            {
                var pattern = Pattern(name);
                var matches = playlists!.Where(p => pattern.IsMatch(p.Name)).ToList();
                if (matches.Count == 0 && pattern.IsLiteral)
                {
                    WriteNotFound("Playlist", $"Name '{name}'", name, reader);
                }
                foreach (var match in matches)
                {
                    WritePlaylist(match.PlaylistId);
                }
            }
        }

        private void WritePlaylist(long playlistId)
        {
            if (ReadOne(ct => reader.GetPlaylistAsync(playlistId, ct), "Playlist", $"PlaylistId {playlistId}", playlistId, reader) is { } playlist)
            {
                if (!playlist.Complete)
                {
                    WriteWarning($"Playlist {playlistId} in table '{reader.TableName}' is incomplete: its METADATA item and its pages disagree on the number of tracks or pages; {playlist.TrackCount} track(s) in {playlist.PageCount} page(s) were read.");
                }
                WriteObject(playlist);
            }
        }
    }
}
