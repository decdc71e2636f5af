using System;
using System.IO;

namespace Chinook.Bench
{
    /// <summary>
    /// Where the repository is (found from the program's own location), its shipped database, and the
    /// git-ignored scratch folder that generated databases and item files go to by default.
    /// </summary>
    public static class RepositoryPaths
    {
        private static readonly Lazy<string?> RootLazy = new Lazy<string?>(FindRoot);

        public static string? Root => RootLazy.Value;

        public static string ShippedDatabase =>
            Path.Combine(Root ?? throw new UsageException("The repository was not found above the program: give --source."), "data", "Chinook_Sqlite.sqlite");

        public static string Scratch =>
            Path.Combine(Root ?? throw new UsageException("The repository was not found above the program: give --out."), "bench", "scratch");

        /// <summary>
        /// Refuses an output path inside the repository but outside bench/scratch: generated databases are
        /// large and must never end up committed.
        /// </summary>
        public static void EnsureOutsideRepositoryOrInScratch(string path)
        {
            var root = Root;
            if (root == null)
            {
                return;
            }
            var full = Path.GetFullPath(path);
            if (IsUnder(full, root) && !IsUnder(full, Scratch))
            {
                throw new UsageException($"'{full}' is inside the repository: write generated files to {Scratch} (git-ignored) or outside the repository.");
            }
        }

        private static bool IsUnder(string path, string folder)
        {
            var prefix = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            return path.StartsWith(prefix, StringComparison.Ordinal);
        }

        private static string? FindRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Chinook.PowerShell.sln")))
                {
                    return dir.FullName;
                }
            }
            return null;
        }
    }
}
