using System.Collections.Generic;
using System.Linq;
using Chinook.Migration.Items;
using Chinook.Migration.Source;
using Chinook.Migration.Validation;
using Xunit;

namespace Chinook.Migration.Tests.Validation
{
    internal static class RebuildAssert
    {
        /// <summary>Every row of all 11 source tables is rebuilt from the items exactly, once, and nothing more.</summary>
        public static void SourceEqualsRebuilt(string path, IEnumerable<ChinookItem> items)
        {
            var rebuilt = items.SelectMany(SourceRowRebuilder.Rebuild).ToList();
            using var database = SourceDatabase.Open(path);
            foreach (var table in ChinookSchema.Tables)
            {
                var source = SourceRowReader.Read(database, table.Name).ToList();
                var fromItems = rebuilt.Where(r => r.Table == table.Name).ToList();
                var duplicates = fromItems.GroupBy(r => r.Key).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
                Assert.True(duplicates.Count == 0, $"{table.Name}: rebuilt more than once: {string.Join("; ", duplicates)}");
                var byKey = fromItems.ToDictionary(r => r.Key);
                var missing = source.Where(r => !byKey.ContainsKey(r.Key)).Select(r => r.ToString()).ToList();
                Assert.True(missing.Count == 0, $"{table.Name}: not rebuilt: {string.Join("; ", missing)}");
                var different = source.Where(r => !r.Equals(byKey[r.Key]))
                    .Select(r => $"{r} rebuilt as {byKey[r.Key]} (differs in {string.Join(", ", r.DifferingColumns(byKey[r.Key]))})").ToList();
                Assert.True(different.Count == 0, $"{table.Name}: rebuilt differently: {string.Join("; ", different)}");
                var extra = fromItems.Select(r => r.Key).Except(source.Select(r => r.Key)).ToList();
                Assert.True(extra.Count == 0, $"{table.Name}: rebuilt rows the source does not have: {string.Join("; ", extra)}");
            }
        }
    }
}
