using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Chinook.Migration.Items
{
    /// <summary>
    /// The four target tables, where each source table's rows go, and their names with an environment prefix
    /// (for example "dev-"), checked against DynamoDB's naming rules before any request is sent.
    /// </summary>
    public static class TableNames
    {
        public const string MusicCatalog = "MusicCatalog";
        public const string CustomerOrders = "CustomerOrders";
        public const string Playlists = "Playlists";
        public const string EmployeeManagement = "EmployeeManagement";

        /// <summary>The four tables' names without a prefix.</summary>
        public static IReadOnlyList<string> BaseNames { get; } = new[] { MusicCatalog, CustomerOrders, Playlists, EmployeeManagement };

        private static readonly IReadOnlyDictionary<string, string> TableOfSourceTable = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Artist"] = MusicCatalog,
            ["Album"] = MusicCatalog,
            ["Track"] = MusicCatalog,
            ["Genre"] = MusicCatalog,
            ["MediaType"] = MusicCatalog,
            ["Customer"] = CustomerOrders,
            ["Invoice"] = CustomerOrders,
            ["InvoiceLine"] = CustomerOrders,
            ["Playlist"] = Playlists,
            ["PlaylistTrack"] = Playlists,
            ["Employee"] = EmployeeManagement,
        };

        private static readonly Regex AllowedCharacters = new Regex("^[A-Za-z0-9_.-]*$", RegexOptions.CultureInvariant);

        /// <summary>DynamoDB's limit on a table name's length.</summary>
        public const int MaxTableNameLength = 255;

        /// <summary>The table (base name) the rows of a Chinook source table go to.</summary>
        public static string OfSourceTable(string sourceTable) =>
            TableOfSourceTable.TryGetValue(sourceTable, out var table) ? table : throw new ArgumentException($"Chinook has no table {sourceTable}.", nameof(sourceTable));

        public static string Qualify(string? prefix, string baseName) => (prefix ?? string.Empty) + baseName;

        /// <summary>The base name (MusicCatalog, ...) of a qualified table name, or null when it is none of the four.</summary>
        public static string? BaseName(string? prefix, string qualifiedName)
        {
            prefix ??= string.Empty;
            if (!qualifiedName.StartsWith(prefix, StringComparison.Ordinal))
            {
                return null;
            }
            var rest = qualifiedName.Substring(prefix.Length);
            foreach (var name in BaseNames)
            {
                if (string.Equals(name, rest, StringComparison.Ordinal))
                {
                    return name;
                }
            }
            return null;
        }

        /// <summary>
        /// Reads a table name as a user gives it: a base name (MusicCatalog, in any letter case) takes the prefix;
        /// a qualified name (dev-MusicCatalog) brings its own prefix, which must then match the prefix given, if any.
        /// Throws ArgumentException for a name that is none of the four tables, with or without a prefix.
        /// </summary>
        public static (string Prefix, string BaseName) Resolve(string name, string? prefix)
        {
            ValidatePrefix(prefix);
            foreach (var baseName in BaseNames)
            {
                if (string.Equals(name, baseName, StringComparison.OrdinalIgnoreCase))
                {
                    return (prefix ?? string.Empty, baseName);
                }
            }
            foreach (var baseName in BaseNames)
            {
                if (name.Length > baseName.Length && name.EndsWith(baseName, StringComparison.Ordinal))
                {
                    var ownPrefix = name.Substring(0, name.Length - baseName.Length);
                    if (!string.IsNullOrEmpty(prefix) && !string.Equals(ownPrefix, prefix, StringComparison.Ordinal))
                    {
                        throw new ArgumentException($"Table '{name}' does not have the prefix '{prefix}'.");
                    }
                    ValidatePrefix(ownPrefix);
                    return (ownPrefix, baseName);
                }
            }
            throw new ArgumentException(
                $"'{name}' is none of the tables {string.Join(", ", BaseNames)}, with or without a prefix.");
        }

        /// <summary>Throws ArgumentException naming the rule a prefix breaks.</summary>
        public static void ValidatePrefix(string? prefix)
        {
            if (string.IsNullOrEmpty(prefix))
            {
                return;
            }
            if (!AllowedCharacters.IsMatch(prefix))
            {
                throw new ArgumentException(
                    $"Table prefix '{prefix}' is not allowed: DynamoDB table names may hold only letters, digits, '_', '-' and '.'.");
            }
            var longest = prefix!.Length + EmployeeManagement.Length;
            if (longest > MaxTableNameLength)
            {
                throw new ArgumentException(
                    $"Table prefix '{prefix}' is too long: with it, EmployeeManagement would be {longest} characters, over DynamoDB's {MaxTableNameLength}.");
            }
        }
    }
}
