using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace Chinook.Bench.Loading
{
    /// <summary>The subcommands that talk to DynamoDB: items, tables, ceiling and userdesign.</summary>
    public static class LoadCommands
    {
        private static readonly IReadOnlyList<int> DefaultSweep = new[] { 1, 2, 4, 8, 16, 32 };
        private static readonly Regex PrefixCharacters = new Regex("^[A-Za-z0-9_.-]*$", RegexOptions.CultureInvariant);

        public static int Items(CommandLine options)
        {
            var items = ItemSet.Load(options.Required("items-from"));
            options.RejectUnknown();
            Json.WriteLine(items.Summary());
            return 0;
        }

        public static int Tables(CommandLine options)
        {
            using var client = Client(options.Required("endpoint"));
            var prefix = Prefix(options.Required("table-prefix"));
            var delete = options.Flag("delete");
            options.RejectUnknown();
            (delete ? TargetTables.Delete(client, prefix) : TargetTables.Create(client, prefix)).GetAwaiter().GetResult();
            Json.WriteLine(new { tablePrefix = prefix, tables = TargetTables.BaseNames.Select(b => prefix + b), deleted = delete });
            return 0;
        }

        /// <summary>The bare loader at one concurrency, or a sweep over several that names the best.</summary>
        public static int Ceiling(CommandLine options) =>
            Load(options, "ceiling", options.IntList("concurrency", DefaultSweep), retryUnprocessed: true);

        /// <summary>The user's design: one 25-item call at a time; what the server leaves unprocessed stays unwritten.</summary>
        public static int UserDesign(CommandLine options) => Load(options, "userdesign", new[] { 1 }, retryUnprocessed: false);

        private static int Load(CommandLine options, string design, IReadOnlyList<int> concurrencies, bool retryUnprocessed)
        {
            var endpoint = options.Required("endpoint");
            var itemsFrom = options.Required("items-from");
            var prefix = Prefix(options.Optional("table-prefix") ?? "bench-");
            var freshTables = options.Flag("fresh-tables");
            var sample = options.Optional("sample-items") == null ? (int?)null : options.Int("sample-items", 0, minimum: 1);
            options.RejectUnknown();

            var items = ItemSet.Load(itemsFrom);
            if (items.Items.Count == 0)
            {
                throw new UsageException($"--items-from '{itemsFrom}' holds no items.");
            }
            using var client = Client(endpoint);
            var runs = new List<LoadResult>();
            foreach (var concurrency in concurrencies)
            {
                var runPrefix = freshTables && concurrencies.Count > 1 ? $"{prefix}c{concurrency}-" : prefix;
                runs.Add(RunOnce(client, design, runPrefix, items, sample, concurrency, retryUnprocessed, freshTables).GetAwaiter().GetResult());
                Console.Error.WriteLine($"{design} concurrency {concurrency}: {runs[^1].ItemsPerSecond:N0} items/s");
            }
            Json.WriteLine(new
            {
                design,
                endpoint,
                items = items.Summary(),
                sampleItems = sample,
                runs,
                best = runs.OrderByDescending(r => r.ItemsPerSecond).First(),
            });
            return runs.Any(r => r.UnwrittenItems > 0) ? 3 : 0;
        }

        private static async Task<LoadResult> RunOnce(IAmazonDynamoDB client, string design, string prefix, ItemSet items, int? sample,
            int concurrency, bool retryUnprocessed, bool freshTables)
        {
            if (freshTables)
            {
                await TargetTables.Create(client, prefix).ConfigureAwait(false);
            }
            try
            {
                var batches = items.Batches(prefix, sample);
                return await BatchLoader.Run(client, design, prefix, batches, concurrency, retryUnprocessed).ConfigureAwait(false);
            }
            finally
            {
                if (freshTables)
                {
                    // Fresh tables are for this run only; deleting them keeps the in-memory server from growing.
                    await TargetTables.Delete(client, prefix).ConfigureAwait(false);
                }
            }
        }

        private static string Prefix(string prefix) =>
            PrefixCharacters.IsMatch(prefix) ? prefix : throw new UsageException($"Table prefix '{prefix}' may hold only letters, digits, '_', '-' and '.'.");

        /// <summary>A client for a local DynamoDB (dynalite): fixed credentials, the endpoint URL and a signing region.</summary>
        private static AmazonDynamoDBClient Client(string endpoint) =>
            new AmazonDynamoDBClient(new BasicAWSCredentials("bench", "bench"), new AmazonDynamoDBConfig
            {
                ServiceURL = endpoint,
                AuthenticationRegion = "us-east-1",
            });
    }
}
