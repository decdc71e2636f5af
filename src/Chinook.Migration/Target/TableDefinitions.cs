using System;
using System.Collections.Generic;
using System.Linq;
using Chinook.Migration.Source;

namespace Chinook.Migration.Target
{
    /// <summary>
    /// The four target tables with the decided keys and indexes. Every key attribute is a string; every index
    /// projects all attributes, so a query on an index answers its access pattern without a second read.
    /// </summary>
    public static class TableDefinitions
    {
        public static IReadOnlyList<TableDefinition> All(string? prefix, TableBilling? billing = null) =>
            ChinookSchema.TargetTables.Select(name => For(name, prefix, billing)).ToList();

        /// <summary>Throws ArgumentException for a name that is none of the four tables, or for a prefix DynamoDB would refuse.</summary>
        public static TableDefinition For(string baseName, string? prefix, TableBilling? billing = null)
        {
            TableNames.ValidatePrefix(prefix);
            var tableName = TableNames.Qualify(prefix, baseName);
            billing ??= TableBilling.OnDemand;
            switch (baseName)
            {
                case ChinookSchema.MusicCatalog:
                    return Build(tableName, billing,
                        Index(TableKeys.NameSearchIndex, billing, TableKeys.Gsi1PartitionKey, TableKeys.Gsi1SortKey),
                        Index(TableKeys.GenreSearchIndex, billing, TableKeys.Gsi2PartitionKey, null));
                case ChinookSchema.CustomerOrders:
                    return Build(tableName, billing,
                        Index(TableKeys.EmailSearchIndex, billing, TableKeys.Gsi1PartitionKey, TableKeys.Gsi1SortKey));
                case ChinookSchema.Playlists:
                case ChinookSchema.EmployeeManagement:
                    return Build(tableName, billing);
                default:
                    throw new ArgumentException(
                        $"'{baseName}' is not one of the target tables ({string.Join(", ", ChinookSchema.TargetTables)}).", nameof(baseName));
            }
        }

        private static TableDefinition Build(string tableName, TableBilling billing, params IndexDefinition[] indexes)
        {
            var keySchema = Keys(TableKeys.PartitionKey, TableKeys.SortKey);
            var keyAttributes = keySchema.Concat(indexes.SelectMany(index => index.KeySchema))
                .Select(element => element.AttributeName)
                .Distinct(StringComparer.Ordinal)
                .Select(name => new KeyAttribute(name, "S"));
            return new TableDefinition(tableName, keyAttributes, keySchema, indexes, billing.ApiName, billing.Throughput,
                new[] { new ResourceTag(TableKeys.ManagedTagKey, TableKeys.ManagedTagValue) });
        }

        private static IndexDefinition Index(string name, TableBilling billing, string hashKey, string? rangeKey) =>
            new IndexDefinition(name, Keys(hashKey, rangeKey), new IndexProjection(IndexProjection.All), billing.Throughput);

        private static KeyElement[] Keys(string hashKey, string? rangeKey) => rangeKey is null
            ? new[] { new KeyElement(hashKey, KeyElement.Hash) }
            : new[] { new KeyElement(hashKey, KeyElement.Hash), new KeyElement(rangeKey, KeyElement.Range) };
    }
}
