using System;
using System.Linq;
using Chinook.Bench.Changing;
using Chinook.Bench.Loading;
using Chinook.Bench.Profiling;
using Chinook.Bench.Scaling;

namespace Chinook.Bench
{
    public static class Program
    {
        private const string Usage = @"Chinook.Bench: tools of the ChinookMigration benchmark (see bench/README.md).

  scale      --source <db> --factor N --seed S --out <path>
             A copy of the Chinook database with N times its rows, deterministic from the seed.
  profile    --db <path>
             The shape of a database: rows, null shares, text lengths, non-ASCII share, playlist sizes,
             invoices per customer, foreign-key violations, date and price formats.
  items      --items-from <db or .jsonl>
             How many items, write units and bytes the loaders would send.
  tables     --endpoint URL --table-prefix P [--delete]
             Creates (or deletes) the four target tables with the module's keys and indexes.
  ceiling    --endpoint URL --items-from <db or .jsonl> --table-prefix P --concurrency N[,N...]
             [--fresh-tables] [--sample-items N]
             The bare loader: pre-built 25-item BatchWriteItem requests at the given concurrency (a list
             sweeps them and names the best).
  userdesign --endpoint URL --items-from <db or .jsonl> --table-prefix P [--fresh-tables]
             The user's design: one 25-item BatchWriteItem at a time, unprocessed items not retried.
  change     --db <path> --sql <file>
             Runs a SQL script against a scratch database in one transaction (the Sync benchmark's changes).

Exit codes: 0 done, 1 failed, 2 usage error, 3 a load left items unwritten.";

        public static int Main(string[] args)
        {
            if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
            {
                Console.WriteLine(Usage);
                return args.Length == 0 ? 2 : 0;
            }
            try
            {
                var options = new CommandLine(args.Skip(1).ToList());
                return args[0] switch
                {
                    "scale" => ScaleCommand.Run(options),
                    "profile" => ProfileCommand.Run(options),
                    "items" => LoadCommands.Items(options),
                    "tables" => LoadCommands.Tables(options),
                    "ceiling" => LoadCommands.Ceiling(options),
                    "userdesign" => LoadCommands.UserDesign(options),
                    "change" => ChangeCommand.Run(options),
                    _ => throw new UsageException($"Unknown subcommand '{args[0]}'."),
                };
            }
            catch (UsageException e)
            {
                Console.Error.WriteLine(e.Message);
                Console.Error.WriteLine();
                Console.Error.WriteLine(Usage);
                return 2;
            }
            catch (Exception e)
            {
                Console.Error.WriteLine($"{args[0]} failed: {e}");
                return 1;
            }
        }
    }
}
