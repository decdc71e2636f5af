using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;

namespace Chinook.Bench.Scaling
{
    /// <summary>
    /// scale: a copy of the Chinook database with factor times its rows, deterministic from the seed.
    /// Prints a JSON summary (rows per table, size, time, SHA-256) on standard output.
    /// </summary>
    public static class ScaleCommand
    {
        public static int Run(CommandLine options)
        {
            var sourcePath = Path.GetFullPath(options.Optional("source") ?? RepositoryPaths.ShippedDatabase);
            var factor = options.Int("factor", 10, minimum: 1);
            var seed = options.Long("seed", 1);
            var outPath = Path.GetFullPath(options.Optional("out")
                ?? Path.Combine(RepositoryPaths.Scratch, $"chinook-x{factor}-seed{seed.ToString(CultureInfo.InvariantCulture)}.sqlite"));
            options.RejectUnknown();

            if (!File.Exists(sourcePath))
            {
                throw new UsageException($"The source database '{sourcePath}' does not exist.");
            }
            if (string.Equals(sourcePath, outPath, StringComparison.Ordinal))
            {
                throw new UsageException("--out names the source database: the source is read-only.");
            }
            RepositoryPaths.EnsureOutsideRepositoryOrInScratch(outPath);
            Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);

            var clock = Stopwatch.StartNew();
            Console.Error.WriteLine($"Scaling {sourcePath} x{factor} (seed {seed}) into {outPath}");
            var source = SourceSnapshot.Read(sourcePath);
            var copier = new RowCopier(source, seed);
            var counts = ScaledDatabaseWriter.Write(source, copier, factor, outPath, Console.Error);
            clock.Stop();

            Json.WriteLine(new
            {
                source = sourcePath,
                @out = outPath,
                factor,
                seed,
                rows = counts.ToDictionary(c => c.Table, c => c.Rows),
                totalRows = counts.Sum(c => c.Rows),
                bytes = new FileInfo(outPath).Length,
                seconds = Math.Round(clock.Elapsed.TotalSeconds, 3),
                uniqueCollisions = copier.UniqueCollisions,
                sha256 = Sha256(outPath),
            });
            return 0;
        }

        private static string Sha256(string path)
        {
            using var stream = File.OpenRead(path);
            return Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
        }
    }
}
