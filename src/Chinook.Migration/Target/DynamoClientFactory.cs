using System;
using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace Chinook.Migration.Target
{
    /// <summary>
    /// The one place a DynamoDB client is built, so every cmdlet connects the same way. Credentials: explicit keys,
    /// else a named profile (or the default profile of a given credentials file), else the SDK's default chain.
    /// Region: the given one, else the profile's, else the SDK's default region chain.
    /// </summary>
    public static class DynamoClientFactory
    {
        /// <summary>
        /// Local DynamoDB servers (dynalite) accept any key but only signed requests. When nothing in the default
        /// chain supplies credentials and the endpoint is on this machine, these placeholders sign the requests: a
        /// loopback endpoint is never AWS itself, so they can neither reach nor grant access to a real account.
        /// </summary>
        private const string PlaceholderKey = "chinook-local";

        /// <summary>Throws ArgumentException for invalid settings and DynamoSetupException when credentials or a region cannot be found.</summary>
        public static DynamoConnection Create(DynamoConnectionSettings settings)
        {
            var config = new AmazonDynamoDBConfig();
            var identity = Configure(settings, config);
            return new DynamoConnection(new AmazonDynamoDBClient(identity.Credentials, config), identity.Endpoint ?? $"DynamoDB in {identity.Region}",
                identity.CredentialSource, identity.RegionSource, new AmazonDynamoDBClient(identity.Credentials, ProbeConfig(config)));
        }

        /// <summary>The same endpoint or region as <paramref name="config"/>, without retries and with the probe's short timeout.</summary>
        private static AmazonDynamoDBConfig ProbeConfig(AmazonDynamoDBConfig config)
        {
            var probe = new AmazonDynamoDBConfig { RetryMode = RequestRetryMode.Standard, MaxErrorRetry = 0, Timeout = ConnectionProbe.Timeout };
            if (config.ServiceURL is not null)
            {
                probe.ServiceURL = config.ServiceURL;
                probe.AuthenticationRegion = config.AuthenticationRegion;
            }
            else
            {
                probe.RegionEndpoint = config.RegionEndpoint;
            }
            return probe;
        }

        /// <summary>
        /// Sets a client config of any AWS service (DynamoDB, S3) from the settings, endpoint, region, retries and
        /// timeout, and resolves the credentials, so that every client the module makes connects the same way.
        /// </summary>
        internal static ResolvedIdentity Configure(DynamoConnectionSettings settings, ClientConfig config)
        {
            settings.Validate();
            var endpoint = settings.EndpointUrl is null ? null : DynamoConnectionSettings.EndpointUri(settings.EndpointUrl);
            var profile = FindProfile(settings);
            var (region, regionSource) = ResolveRegion(settings, profile, endpoint);
            config.RetryMode = RequestRetryMode.Standard;
            config.MaxErrorRetry = settings.MaxErrorRetry;
            config.Timeout = settings.RequestTimeout;
            if (endpoint is not null)
            {
                // A RegionEndpoint would override the ServiceURL, so a custom endpoint gets only a signing region.
                config.ServiceURL = settings.EndpointUrl;
                config.AuthenticationRegion = region?.SystemName ?? DynamoConnectionSettings.DefaultEndpointRegion;
            }
            else
            {
                config.RegionEndpoint = region;
            }
            var (credentials, credentialSource) = ResolveCredentials(settings, profile, config, endpoint);
            CredentialCheck.Resolve(credentials, credentialSource, profile?.Profile.Name, settings.MfaTokenCode);
            return new ResolvedIdentity(credentials, endpoint?.ToString(), region?.SystemName, "credentials: " + credentialSource, "region: " + regionSource);
        }

        /// <summary>What <see cref="Configure"/> found: the credentials, and where they and the region came from (never a secret).</summary>
        internal sealed record ResolvedIdentity(AWSCredentials Credentials, string? Endpoint, string? Region, string CredentialSource, string RegionSource);

        private static (CredentialProfile Profile, string Location)? FindProfile(DynamoConnectionSettings settings)
        {
            if (!string.IsNullOrEmpty(settings.AccessKey) || (settings.ProfileName is null && settings.ProfileLocation is null))
            {
                return null;
            }
            var name = settings.ProfileName ?? SharedCredentialsFile.DefaultProfileName;
            var store = new CredentialProfileStoreChain(settings.ProfileLocation);
            var location = settings.ProfileLocation ?? SharedFilesRead();
            if (!store.TryGetProfile(name, out var profile))
            {
                throw new DynamoSetupException(DynamoSetupProblem.ProfileNotFound, $"There is no AWS profile '{name}' in {location}.");
            }
            return (profile, location);
        }

        /// <summary>The files the SDK reads profiles from, as AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE set them.</summary>
        private static string SharedFilesRead() =>
            $"the config file {SharedProfiles.ConfigFilePath} and the credentials file {SharedProfiles.CredentialsFilePath}";

        private static (RegionEndpoint? Region, string Source) ResolveRegion(
            DynamoConnectionSettings settings, (CredentialProfile Profile, string Location)? profile, Uri? endpoint)
        {
            RegionEndpoint? region;
            string source;
            if (settings.Region is not null)
            {
                region = RegionEndpoint.GetBySystemName(settings.Region);
                source = $"{region.SystemName} (given)";
            }
            else if (profile?.Profile.Region is { } profileRegion)
            {
                region = profileRegion;
                source = $"{region.SystemName} (from profile '{profile.Value.Profile.Name}')";
            }
            else
            {
                // The SDK keeps the first answer for the life of the process; a session whose AWS_REGION changes
                // must get the region it has now.
                FallbackRegionFactory.Reset();
                region = FallbackRegionFactory.GetRegionEndpoint();
                source = region is null ? "none found" : $"{region.SystemName} (from the default region chain: AWS_REGION, the shared config file or instance metadata)";
            }
            if (endpoint is not null)
            {
                var signing = region is null ? $"{DynamoConnectionSettings.DefaultEndpointRegion} (the default for a custom endpoint)" : source;
                return (region, $"endpoint {endpoint}, signing region {signing}");
            }
            if (region is null)
            {
                throw new DynamoSetupException(DynamoSetupProblem.NoRegion,
                    "No AWS region is given or configured. Give a region, set AWS_REGION, or set a region in the profile.");
            }
            return (region, source);
        }

        private static (AWSCredentials Credentials, string Source) ResolveCredentials(DynamoConnectionSettings settings,
            (CredentialProfile Profile, string Location)? profile, ClientConfig config, Uri? endpoint)
        {
            if (!string.IsNullOrEmpty(settings.AccessKey))
            {
                var key = MaskAccessKey(settings.AccessKey!);
                return string.IsNullOrEmpty(settings.SessionToken)
                    ? (new BasicAWSCredentials(settings.AccessKey, settings.SecretKey), $"explicit access key {key}")
                    : (new SessionAWSCredentials(settings.AccessKey, settings.SecretKey, settings.SessionToken), $"explicit access key {key} with a session token");
            }
            if (profile is { } found)
            {
                var name = found.Profile.Name;
                if (!new CredentialProfileStoreChain(settings.ProfileLocation).TryGetAWSCredentials(name, out var fromProfile))
                {
                    throw new DynamoSetupException(DynamoSetupProblem.ProfileWithoutCredentials,
                        $"AWS profile '{name}' in {found.Location} holds no credentials this module can use.");
                }
                return (fromProfile, $"profile '{name}' from {found.Location}");
            }
            try
            {
                var fromChain = DefaultAWSCredentialsIdentityResolver.GetCredentials(config);
                return (fromChain, "default chain: " + DescribeChainCredentials(fromChain));
            }
            catch (AmazonClientException) when (endpoint is not null && endpoint.IsLoopback)
            {
                return (new BasicAWSCredentials(PlaceholderKey, PlaceholderKey),
                    $"none found; placeholder credentials, as {endpoint} is a local endpoint that accepts any signed request");
            }
            catch (AmazonClientException ex)
            {
                throw new DynamoSetupException(DynamoSetupProblem.NoCredentials,
                    "No AWS credentials found. Give an access key and secret key or a profile name, or configure the default chain " +
                    "(AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, the shared credentials file, or an instance role).", ex);
            }
        }

        private static string DescribeChainCredentials(AWSCredentials credentials) => credentials switch
        {
            EnvironmentVariablesAWSCredentials => "environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY",
            AssumeRoleWithWebIdentityCredentials => "web identity token (AWS_WEB_IDENTITY_TOKEN_FILE)",
            InstanceProfileAWSCredentials => "EC2 instance profile",
            // The chain's own instance-profile type is internal to the SDK.
            _ when credentials.GetType().Name.Contains("InstanceProfile") => "EC2 instance profile",
            GenericContainerCredentials => "container credentials",
            _ => $"profile '{DefaultAWSCredentialsIdentityResolver.GetProfileName()}' ({credentials.GetType().Name})",
        };

        /// <summary>The first and last four characters of an access key id; enough to tell keys apart, not to use one.</summary>
        internal static string MaskAccessKey(string accessKey) =>
            accessKey.Length >= 12 ? accessKey.Substring(0, 4) + "****" + accessKey.Substring(accessKey.Length - 4) : "****";
    }
}
