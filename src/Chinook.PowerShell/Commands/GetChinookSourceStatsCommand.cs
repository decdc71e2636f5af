using System.Management.Automation;
using Chinook.Migration.Items;
using Chinook.Migration.Source;
using Chinook.PowerShell.Commands.Shared;

namespace Chinook.PowerShell.Commands
{
    [Cmdlet(VerbsCommon.Get, "ChinookSourceStats", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(SourceTableStatistics), typeof(DataQualityFinding))]
    public sealed class GetChinookSourceStatsCommand : SourcePathCmdlet
    {
        /// <summary>Emit data-quality findings (nulls, orphans, duplicates, relationships) instead of table counts.</summary>
        [Parameter]
        public SwitchParameter DataQuality { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var path in ResolveSourcePaths())
            {
                WriteVerbose($"Opening '{path}' read-only.");
                try
                {
                    using var database = SourceDatabase.Open(path);
                    if (DataQuality)
                    {
                        foreach (var finding in SourceStatisticsReader.ReadDataQuality(database))
                        {
                            WriteObject(finding);
                        }
                        continue;
                    }
                    var statistics = SourceStatisticsReader.ReadTableStatistics(database, TableNames.OfSourceTable);
                    if (statistics.Count > 0)
                    {
                        var first = statistics[0];
                        WriteVerbose($"{DisplayName(path)}: {statistics.Count} tables, {first.TotalRecords:N0} records, {first.DatabaseSizeBytes:N0} bytes.");
                    }
                    WriteObject(statistics, enumerateCollection: true);
                }
                catch (SourceDatabaseException ex)
                {
                    WriteError(ErrorRecords.FromSource(ex));
                }
            }
        }
    }
}
