using System;
using System.Collections.Generic;
using System.Linq;
using Chinook.Migration.Items;

namespace Chinook.Migration.Target
{
    /// <summary>
    /// The four target tables with the decided keys and indexes. Every key attribute is a string; every index
    /// projects all attributes, so a query on an index answers its access pattern without a second read.
    /// </summary>
    public static class TableDefinitions
    {
        public static IReadOnlyList<TableDefinition> All(string? prefix, TableBilling? billing = null) =>
            TableNames.BaseNames.Select(name => For(name, prefix, billing)).ToList();

        /// <summary>Throws ArgumentException for a name that is none of the four tables, or for a prefix DynamoDB would refuse.</summary>
        public static TableDefinition For(string baseName, string? prefix, TableBilling? billing = null)
        {
            TableNames.ValidatePrefix(prefix);
            var tableName = TableNames.Qualify(prefix, baseName);
            billing ??= TableBilling.OnDemand;
            switch (baseName)
            {
                case TableNames.MusicCatalog:
                    return Build(tableName, billing,
                        Index(ChinookKeys.NameSearchIndex, billing, ChinookKeys.Gsi1PartitionKeyName, ChinookKeys.Gsi1SortKeyName),
                        Index(ChinookKeys.GenreSearchIndex, billing, ChinookKeys.Gsi2PartitionKeyName, null),
                        Index(ChinookKeys.LowerNameIndex, billing, ChinookKeys.Gsi3PartitionKeyName, ChinookKeys.Gsi3SortKeyName));
                case TableNames.CustomerOrders:
                    return Build(tableName, billing,
                        Index(ChinookKeys.EmailSearchIndex, billing, ChinookKeys.Gsi1PartitionKeyName, ChinookKeys.Gsi1SortKeyName));
                case TableNames.Playlists:
                case TableNames.EmployeeManagement:
                    return Build(tableName, billing);
                default:
                    throw new ArgumentException(
                        $"'{baseName}' is not one of the target tables ({string.Join(", ", TableNames.BaseNames)}).", nameof(baseName));
            }
        }

        private static TableDefinition Build(string tableName, TableBilling billing, params IndexDefinition[] indexes)
        {
            var keySchema = Keys(ChinookKeys.PartitionKeyName, ChinookKeys.SortKeyName);
            var keyAttributes = keySchema.Concat(indexes.SelectMany(index => index.KeySchema))
                .Select(element => element.AttributeName)
                .Distinct(StringComparer.Ordinal)
                .Select(name => new KeyAttribute(name, "S"));
            return new TableDefinition(tableName, keyAttributes, keySchema, indexes, billing.ApiName, billing.Throughput,
                new[] { new ResourceTag(ManagedTag.Key, ManagedTag.Value) });
        }

        private static IndexDefinition Index(string name, TableBilling billing, string hashKey, string? rangeKey) =>
            new IndexDefinition(name, Keys(hashKey, rangeKey), new IndexProjection(IndexProjection.All), billing.Throughput);

        private static KeyElement[] Keys(string hashKey, string? rangeKey) => rangeKey is null
            ? new[] { new KeyElement(hashKey, KeyElement.Hash) }
            : new[] { new KeyElement(hashKey, KeyElement.Hash), new KeyElement(rangeKey, KeyElement.Range) };
    }
}
