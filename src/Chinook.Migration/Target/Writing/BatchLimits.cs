namespace Chinook.Migration.Target.Writing
{
    /// <summary>DynamoDB's limits on one BatchWriteItem call.</summary>
    public static class BatchLimits
    {
        public const int MaxRequestsPerBatch = 25;
        public const long MaxBatchBytes = 16L * 1024 * 1024;
    }
}
