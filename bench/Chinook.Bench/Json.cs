using System;
using System.Text.Json;

namespace Chinook.Bench
{
    /// <summary>Every subcommand reports one JSON document on standard output, for the orchestration and for people.</summary>
    public static class Json
    {
        public static readonly JsonSerializerOptions Options = new JsonSerializerOptions { WriteIndented = true };

        public static void WriteLine(object value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, value.GetType(), Options));
    }
}
