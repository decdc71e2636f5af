using System;
using Amazon.DynamoDBv2;

namespace Chinook.Migration.Target
{
    /// <summary>
    /// A DynamoDB client built by <see cref="DynamoClientFactory"/>, with an account of where its credentials and
    /// region came from. The client stays internal to the core: the cmdlet assembly must never touch an SDK type.
    /// </summary>
    public sealed class DynamoConnection : IDisposable
    {
        /// <param name="probeClient">The same endpoint and credentials without retries and with a short timeout, for <see cref="ConnectionProbe"/>; the client itself when null.</param>
        internal DynamoConnection(IAmazonDynamoDB client, string endpoint, string credentialSource, string regionSource, IAmazonDynamoDB? probeClient = null)
        {
            Client = client;
            ProbeClient = probeClient ?? client;
            Endpoint = endpoint;
            CredentialSource = credentialSource;
            RegionSource = regionSource;
        }

        internal IAmazonDynamoDB Client { get; }

        internal IAmazonDynamoDB ProbeClient { get; }

        /// <summary>The custom endpoint URL, or the AWS region's DynamoDB endpoint.</summary>
        public string Endpoint { get; }

        /// <summary>For example "credentials: explicit access key AKIA****1234"; never a secret.</summary>
        public string CredentialSource { get; }

        /// <summary>For example "region: eu-west-1 (from profile 'dev')".</summary>
        public string RegionSource { get; }

        public void Dispose()
        {
            if (!ReferenceEquals(ProbeClient, Client))
            {
                ProbeClient.Dispose();
            }
            Client.Dispose();
        }
    }
}
