using System;

namespace Chinook.Migration.Target
{
    public enum TableBillingMode { PayPerRequest, Provisioned }

    /// <summary>How the tables are billed: on demand (the default), or provisioned capacity for each table and each index.</summary>
    public sealed class TableBilling
    {
        private TableBilling(TableBillingMode mode, Throughput? throughput)
        {
            Mode = mode;
            Throughput = throughput;
        }

        public static TableBilling OnDemand { get; } = new TableBilling(TableBillingMode.PayPerRequest, null);

        /// <summary>Throws ArgumentOutOfRangeException for capacity below DynamoDB's minimum of 1.</summary>
        public static TableBilling Provisioned(long readCapacityUnits, long writeCapacityUnits)
        {
            if (readCapacityUnits < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(readCapacityUnits), readCapacityUnits, "Provisioned read capacity must be at least 1.");
            }
            if (writeCapacityUnits < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(writeCapacityUnits), writeCapacityUnits, "Provisioned write capacity must be at least 1.");
            }
            return new TableBilling(TableBillingMode.Provisioned, new Throughput(readCapacityUnits, writeCapacityUnits));
        }

        public TableBillingMode Mode { get; }

        /// <summary>The capacity of each table and each of its indexes; null on demand.</summary>
        public Throughput? Throughput { get; }

        internal string ApiName => Mode == TableBillingMode.Provisioned ? TableDefinition.Provisioned : TableDefinition.PayPerRequest;
    }
}
