using System.Collections.Generic;
using System.Management.Automation;

namespace Chinook.PowerShell.Commands.Shared
{
    /// <summary>A cmdlet that reads source databases: -Path with wildcards, -LiteralPath, pipeline input from Get-ChildItem.</summary>
    public abstract class SourcePathCmdlet : PSCmdlet
    {
        protected const string PathSet = "Path";
        protected const string LiteralPathSet = "LiteralPath";

        [Parameter(ParameterSetName = PathSet, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[]? Path { get; set; }

        [Parameter(ParameterSetName = LiteralPathSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[]? LiteralPath { get; set; }

        protected IEnumerable<string> ResolveSourcePaths() => SourcePaths.Resolve(this, Path, LiteralPath);

        protected static string DisplayName(string path) => System.IO.Path.GetFileName(path);
    }
}
