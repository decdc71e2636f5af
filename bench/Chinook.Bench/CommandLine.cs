using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Chinook.Bench
{
    /// <summary>A usage mistake: the program prints it with the usage text and exits with code 2.</summary>
    public sealed class UsageException : Exception
    {
        public UsageException(string message) : base(message) { }
    }

    /// <summary>
    /// The options after the subcommand: "--name value" pairs and bare "--flag"s. Every option must be read
    /// by the subcommand, so a misspelt one is reported instead of silently ignored.
    /// </summary>
    public sealed class CommandLine
    {
        private readonly Dictionary<string, string?> _options = new Dictionary<string, string?>(StringComparer.Ordinal);
        private readonly HashSet<string> _read = new HashSet<string>(StringComparer.Ordinal);

        public CommandLine(IReadOnlyList<string> args)
        {
            for (var i = 0; i < args.Count; i++)
            {
                var arg = args[i];
                if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length < 3)
                {
                    throw new UsageException($"Unexpected argument '{arg}': options are written --name value.");
                }
                var name = arg.Substring(2);
                string? value = null;
                if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    value = args[++i];
                }
                if (!_options.TryAdd(name, value))
                {
                    throw new UsageException($"Option --{name} is given twice.");
                }
            }
        }

        public string Required(string name) =>
            Optional(name) ?? throw new UsageException($"Option --{name} is required.");

        public string? Optional(string name)
        {
            _read.Add(name);
            if (!_options.TryGetValue(name, out var value))
            {
                return null;
            }
            return value ?? throw new UsageException($"Option --{name} needs a value.");
        }

        public bool Flag(string name)
        {
            _read.Add(name);
            if (!_options.TryGetValue(name, out var value))
            {
                return false;
            }
            return value == null ? true : throw new UsageException($"Option --{name} takes no value.");
        }

        public int Int(string name, int defaultValue, int minimum = 0)
        {
            var text = Optional(name);
            if (text == null)
            {
                return defaultValue;
            }
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < minimum)
            {
                throw new UsageException($"Option --{name} needs a whole number of at least {minimum}, not '{text}'.");
            }
            return value;
        }

        public long Long(string name, long defaultValue)
        {
            var text = Optional(name);
            if (text == null)
            {
                return defaultValue;
            }
            return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new UsageException($"Option --{name} needs a whole number, not '{text}'.");
        }

        /// <summary>A comma-separated list of positive whole numbers, such as "1,2,4,8".</summary>
        public IReadOnlyList<int> IntList(string name, IReadOnlyList<int> defaultValue)
        {
            var text = Optional(name);
            if (text == null)
            {
                return defaultValue;
            }
            var values = new List<int>();
            foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < 1)
                {
                    throw new UsageException($"Option --{name} needs positive whole numbers separated by commas, not '{text}'.");
                }
                values.Add(value);
            }
            return values.Count > 0 ? values : throw new UsageException($"Option --{name} needs at least one number.");
        }

        /// <summary>Throws when an option was given that the subcommand never asked for.</summary>
        public void RejectUnknown()
        {
            var unknown = _options.Keys.Where(k => !_read.Contains(k)).OrderBy(k => k, StringComparer.Ordinal).ToList();
            if (unknown.Count > 0)
            {
                throw new UsageException("Unknown option(s): " + string.Join(", ", unknown.Select(k => "--" + k)) + ".");
            }
        }
    }
}
