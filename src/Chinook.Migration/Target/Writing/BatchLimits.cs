namespace Chinook.Migration.Target.Writing
{
    /// <summary>DynamoDB's limits on one BatchWriteItem call and on one item.</summary>
    public static class BatchLimits
    {
        public const int MaxRequestsPerBatch = 25;
        public const long MaxBatchBytes = 16L * 1024 * 1024;
        public const int MaxItemBytes = 400 * 1024;
    }
}
