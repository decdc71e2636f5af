using System.Collections.Generic;
using Amazon.DynamoDBv2.Model;

namespace Chinook.Bench.Loading
{
    /// <summary>One item the loaders write: its target table (base name, before any prefix) and its attributes.</summary>
    public sealed class BenchItem
    {
        public BenchItem(string table, Dictionary<string, AttributeValue> attributes, int sizeBytes, int writeUnits, int? reportedSizeBytes = null)
        {
            Table = table;
            Attributes = attributes;
            SizeBytes = sizeBytes;
            WriteUnits = writeUnits;
            ReportedSizeBytes = reportedSizeBytes;
        }

        public string Table { get; }
        public Dictionary<string, AttributeValue> Attributes { get; }
        /// <summary>The size by DynamoDB's rules, as computed here from the attributes sent.</summary>
        public int SizeBytes { get; }
        public int WriteUnits { get; }
        /// <summary>The size the module reported for the item, to check that the file carries its items faithfully.</summary>
        public int? ReportedSizeBytes { get; }

        public string PartitionKey => Attributes["PK"].S;
        public string SortKey => Attributes["SK"].S;
    }
}
