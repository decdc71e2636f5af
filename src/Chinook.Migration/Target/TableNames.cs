using System;
using System.Text.RegularExpressions;

namespace Chinook.Migration.Target
{
    /// <summary>
    /// The four target tables' names with an environment prefix (for example "dev-"), checked against
    /// DynamoDB's naming rules before any request is sent.
    /// </summary>
    public static class TableNames
    {
        private static readonly Regex AllowedCharacters = new Regex("^[A-Za-z0-9_.-]*$", RegexOptions.CultureInvariant);

        /// <summary>DynamoDB's limit on a table name's length.</summary>
        public const int MaxTableNameLength = 255;

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
            foreach (var name in Source.ChinookSchema.TargetTables)
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
            foreach (var baseName in Source.ChinookSchema.TargetTables)
            {
                if (string.Equals(name, baseName, StringComparison.OrdinalIgnoreCase))
                {
                    return (prefix ?? string.Empty, baseName);
                }
            }
            foreach (var baseName in Source.ChinookSchema.TargetTables)
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
                $"'{name}' is none of the tables {string.Join(", ", Source.ChinookSchema.TargetTables)}, with or without a prefix.");
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
            var longest = prefix!.Length + "EmployeeManagement".Length;
            if (longest > MaxTableNameLength)
            {
                throw new ArgumentException(
                    $"Table prefix '{prefix}' is too long: with it, EmployeeManagement would be {longest} characters, over DynamoDB's {MaxTableNameLength}.");
            }
        }
    }
}
