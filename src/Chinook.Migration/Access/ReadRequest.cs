namespace Chinook.Migration.Access
{
    /// <summary>What one DynamoDB read asks for, as <see cref="ReadProgress"/> describes it.</summary>
    internal sealed class ReadRequest
    {
        public ReadRequest(string tableName, string? indexName, string operation, string condition, bool consistentRead)
        {
            TableName = tableName;
            IndexName = indexName;
            Operation = operation;
            Condition = condition;
            ConsistentRead = consistentRead;
        }

        public string TableName { get; }
        public string? IndexName { get; }
        public string Operation { get; }
        public string Condition { get; }
        public bool ConsistentRead { get; }
    }
}
