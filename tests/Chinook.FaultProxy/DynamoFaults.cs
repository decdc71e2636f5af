namespace Chinook.FaultProxy
{
    /// <summary>The error answers of DynamoDB's own, for the faults that never reach the server.</summary>
    internal static class DynamoFaults
    {
        private const string DynamoPrefix = "com.amazonaws.dynamodb.v20120810#";
        private const string CoralPrefix = "com.amazon.coral.availability#";

        public static ProxyResponse Answer(FaultKind kind) => kind switch
        {
            FaultKind.Throttle => ProxyResponse.Error(400, DynamoPrefix + "ProvisionedThroughputExceededException",
                "The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API."),
            FaultKind.Throttling => ProxyResponse.Error(400, CoralPrefix + "ThrottlingException", "Rate of requests exceeds the allowed throughput."),
            FaultKind.InternalServerError => ProxyResponse.Error(500, DynamoPrefix + "InternalServerError", "Internal server error"),
            FaultKind.ServiceUnavailable => ProxyResponse.Error(503, DynamoPrefix + "ServiceUnavailable", "Service is currently unavailable."),
            _ => throw new System.ArgumentOutOfRangeException(nameof(kind), kind, "This fault is not a made-up answer."),
        };
    }
}
