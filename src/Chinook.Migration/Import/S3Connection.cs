using System;
using Amazon.S3;
using Chinook.Migration.Target;

namespace Chinook.Migration.Import
{
    /// <summary>
    /// An S3 client made with the same settings, credential and region rules as the DynamoDB client
    /// (<see cref="DynamoClientFactory"/>), with an account of where they came from. The client stays in the core.
    /// </summary>
    public sealed class S3Connection : IDisposable
    {
        /// <summary>A part upload carries up to a part's megabytes, so it gets longer than a DynamoDB request's 30 seconds.</summary>
        public static readonly TimeSpan RequestTimeout = TimeSpan.FromMinutes(5);

        private S3Connection(IAmazonS3 client, string endpoint, string credentialSource, string regionSource)
        {
            Client = client;
            Endpoint = endpoint;
            CredentialSource = credentialSource;
            RegionSource = regionSource;
        }

        internal IAmazonS3 Client { get; }

        /// <summary>The custom endpoint URL, or S3 in the AWS region.</summary>
        public string Endpoint { get; }

        public string CredentialSource { get; }

        public string RegionSource { get; }

        /// <summary>Throws <see cref="DynamoSettingException"/> for invalid settings and <see cref="DynamoSetupException"/> when credentials or a region cannot be found.</summary>
        public static S3Connection Create(DynamoConnectionSettings settings)
        {
            settings.RequestTimeout = RequestTimeout;
            // S3-compatible servers on a custom endpoint (s3rver, MinIO) take the bucket in the path, not the host name.
            var config = new AmazonS3Config { ForcePathStyle = settings.EndpointUrl is not null };
            var identity = DynamoClientFactory.Configure(settings, config);
            return new S3Connection(new AmazonS3Client(identity.Credentials, config), identity.Endpoint ?? $"S3 in {identity.Region}",
                identity.CredentialSource, identity.RegionSource);
        }

        public void Dispose() => Client.Dispose();
    }
}
