using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Chinook.Migration.Items;
using Chinook.Migration.Target;

namespace Chinook.PowerShell.Commands.Shared
{
    /// <summary>
    /// Gathers the tables a command is asked for across pipeline records: base names (MusicCatalog) take -TablePrefix,
    /// qualified names (dev-MusicCatalog, as Get-ChinookDynamoTable outputs them) bring their own. None at all
    /// means the four tables. Each table is taken once, in the order first asked for.
    /// </summary>
    internal sealed class TableSelection
    {
        private readonly List<(string Prefix, string BaseName)> tables = new List<(string, string)>();
        private bool named;

        /// <summary>Adds the names bound for one pipeline record; a name that is no table gets its own non-terminating error.</summary>
        public void Add(string[]? names, string? prefix, Action<ErrorRecord> writeError)
        {
            if (names is null)
            {
                return;
            }
            named = true;
            foreach (var name in names)
            {
                try
                {
                    Include(TableNames.Resolve(name, prefix));
                }
                catch (ArgumentException ex)
                {
                    writeError(ErrorRecords.InvalidTableName(ex, name));
                }
            }
        }

        /// <summary>True when tables were named, rather than taken as all four by default.</summary>
        public bool Named => named;

        /// <summary>The tables asked for; all four with the prefix when none was named.</summary>
        public IReadOnlyList<(string Prefix, string BaseName)> Tables(string? prefix)
        {
            if (!named)
            {
                foreach (var baseName in TableNames.BaseNames)
                {
                    Include((prefix ?? string.Empty, baseName));
                }
            }
            return tables;
        }

        /// <summary>The tables' definitions, with the given billing.</summary>
        public IReadOnlyList<TableDefinition> Definitions(string? prefix, TableBilling? billing = null) =>
            Tables(prefix).Select(t => TableDefinitions.For(t.BaseName, t.Prefix, billing)).ToList();

        private void Include((string Prefix, string BaseName) table)
        {
            if (!tables.Contains(table))
            {
                tables.Add(table);
            }
        }
    }
}
