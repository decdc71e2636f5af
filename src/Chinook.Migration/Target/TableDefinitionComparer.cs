using System;
using System.Collections.Generic;
using System.Linq;

namespace Chinook.Migration.Target
{
    /// <summary>
    /// Tells how an existing table differs from its definition in what the module's items and queries rely on:
    /// the key schema, the key attributes' types, the global secondary indexes (their keys and projection) and
    /// the billing mode. Provisioned capacity is left out on purpose: admins and auto scaling change it, and a
    /// table with other capacity still holds and serves the same items.
    /// </summary>
    public static class TableDefinitionComparer
    {
        /// <summary>One human-readable sentence per difference; empty when the table matches.</summary>
        public static IReadOnlyList<string> Differences(TableDefinition expected, TableDefinition actual, bool includeBillingMode = true)
        {
            var differences = new List<string>();
            CompareKeys("key schema", actual.KeySchema, expected.KeySchema, differences);
            CompareAttributeTypes(expected, actual, differences);
            CompareIndexes(expected, actual, differences);
            if (includeBillingMode && !string.Equals(actual.BillingMode, expected.BillingMode, StringComparison.Ordinal))
            {
                differences.Add($"billing mode is {actual.BillingMode}, expected {expected.BillingMode}");
            }
            return differences;
        }

        private static void CompareKeys(string what, IReadOnlyList<KeyElement> actual, IReadOnlyList<KeyElement> expected, List<string> differences)
        {
            if (!actual.Select(Text).SequenceEqual(expected.Select(Text), StringComparer.Ordinal))
            {
                differences.Add($"{what} is ({Describe(actual)}), expected ({Describe(expected)})");
            }
        }

        private static void CompareAttributeTypes(TableDefinition expected, TableDefinition actual, List<string> differences)
        {
            var actualTypes = actual.AttributeDefinitions.ToDictionary(a => a.AttributeName, a => a.AttributeType, StringComparer.Ordinal);
            foreach (var attribute in expected.AttributeDefinitions)
            {
                if (actualTypes.TryGetValue(attribute.AttributeName, out var type) && !string.Equals(type, attribute.AttributeType, StringComparison.Ordinal))
                {
                    differences.Add($"key attribute {attribute.AttributeName} has type {type}, expected {attribute.AttributeType}");
                }
            }
        }

        private static void CompareIndexes(TableDefinition expected, TableDefinition actual, List<string> differences)
        {
            var actualIndexes = actual.GlobalSecondaryIndexes.ToDictionary(i => i.IndexName, StringComparer.Ordinal);
            foreach (var index in expected.GlobalSecondaryIndexes)
            {
                if (!actualIndexes.TryGetValue(index.IndexName, out var existing))
                {
                    differences.Add($"index {index.IndexName} ({Describe(index.KeySchema)}) is missing");
                    continue;
                }
                CompareKeys($"index {index.IndexName} key schema", existing.KeySchema, index.KeySchema, differences);
                if (!string.Equals(existing.Projection.ProjectionType, index.Projection.ProjectionType, StringComparison.Ordinal))
                {
                    differences.Add($"index {index.IndexName} projects {existing.Projection.ProjectionType}, expected {index.Projection.ProjectionType}");
                }
            }
            var expectedNames = new HashSet<string>(expected.GlobalSecondaryIndexes.Select(i => i.IndexName), StringComparer.Ordinal);
            foreach (var extra in actual.GlobalSecondaryIndexes.Where(i => !expectedNames.Contains(i.IndexName)))
            {
                differences.Add($"index {extra.IndexName} ({Describe(extra.KeySchema)}) is not in the definition");
            }
        }

        private static string Text(KeyElement element) => element.ToString();

        private static string Describe(IEnumerable<KeyElement> keys) => string.Join(", ", keys.Select(Text));
    }
}
