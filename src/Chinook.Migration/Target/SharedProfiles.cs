using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Chinook.Migration.Target
{
    /// <summary>
    /// The shared AWS files a profile can come from, found as the SDK finds them (AWS_CONFIG_FILE and
    /// AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/config and ~/.aws/credentials), and the profile names in them.
    /// </summary>
    public static class SharedProfiles
    {
        // [name] in the credentials file; [profile name] or [default] in the config file, whose other sections
        // ([sso-session x], [services x]) are no profiles.
        private static readonly Regex CredentialsSection = new Regex(@"^\s*\[\s*([^\]]+?)\s*\]");
        private static readonly Regex ConfigSection = new Regex(@"^\s*\[\s*(?:profile\s+([^\]]+?)|(default))\s*\]");

        public static string ConfigFilePath =>
            Environment.GetEnvironmentVariable("AWS_CONFIG_FILE") is { Length: > 0 } path ? path : Path.Combine(Home, ".aws", "config");

        public static string CredentialsFilePath =>
            Environment.GetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE") is { Length: > 0 } path ? path : Path.Combine(Home, ".aws", "credentials");

        /// <summary>
        /// The name of every profile in the shared config and credentials files, or only in <paramref name="profileLocation"/>
        /// (a credentials file) when it is given, in order; a file that is missing or unreadable gives none.
        /// </summary>
        public static IReadOnlyList<string> Names(string? profileLocation)
        {
            var sections = profileLocation is not null
                ? Sections(profileLocation, CredentialsSection)
                : Sections(CredentialsFilePath, CredentialsSection).Concat(Sections(ConfigFilePath, ConfigSection));
            return sections.Distinct(StringComparer.Ordinal).OrderBy(name => name, StringComparer.OrdinalIgnoreCase).ToList();
        }

        private static string Home => Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

        private static IEnumerable<string> Sections(string path, Regex section)
        {
            string[] lines;
            try
            {
                lines = File.ReadAllLines(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return Array.Empty<string>();
            }
            return lines.Select(line => section.Match(line))
                .Where(match => match.Success)
                .Select(match => match.Groups.Cast<Group>().Skip(1).First(group => group.Success).Value)
                .ToList();
        }
    }
}
