using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Amazon;

namespace Chinook.Migration.Target
{
    /// <summary>
    /// Where and as whom to reach DynamoDB, named as AWS's own PowerShell cmdlets name it. Nothing given means the
    /// SDK's default credential and region chains. Checked by <see cref="Validate"/> before any request is sent.
    /// </summary>
    public sealed class DynamoConnectionSettings
    {
        /// <summary>Retries after the first attempt, in the SDK's standard retry mode (its own default is 2).</summary>
        public const int DefaultMaxErrorRetry = 5;

        /// <summary>DynamoDB requests are small; a request that has not answered in this time is retried, not waited for.</summary>
        public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(30);

        /// <summary>The signing region for a custom endpoint when no region is given or configured.</summary>
        public const string DefaultEndpointRegion = "us-east-1";

        public string? EndpointUrl { get; set; }
        public string? Region { get; set; }
        public string? ProfileName { get; set; }
        /// <summary>A shared credentials file in place of ~/.aws/credentials (an absolute path).</summary>
        public string? ProfileLocation { get; set; }
        public string? AccessKey { get; set; }
        public string? SecretKey { get; set; }
        public string? SessionToken { get; set; }
        /// <summary>
        /// Asks the user for the code of the MFA device it is given (a profile's mfa_serial); null when no one can answer.
        /// Called again whenever the role's credentials are renewed, possibly from a worker thread.
        /// </summary>
        public Func<string, string?>? MfaTokenCode { get; set; }
        public int MaxErrorRetry { get; set; } = DefaultMaxErrorRetry;
        public TimeSpan RequestTimeout { get; set; } = DefaultRequestTimeout;

        /// <summary>Throws <see cref="DynamoSettingException"/> naming the setting at fault. Messages never repeat a secret.</summary>
        public void Validate()
        {
            if (EndpointUrl is not null && EndpointUri(EndpointUrl) is null)
            {
                // A URL with a password in it is not repeated, lest the error record carry it.
                var shown = Uri.TryCreate(EndpointUrl, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0 ? "with a user name or password" : $"'{EndpointUrl}'";
                throw new DynamoSettingException(nameof(EndpointUrl),
                    $"The endpoint URL {shown} is not an absolute http:// or https:// URL with a host and no credentials, such as http://127.0.0.1:8000.");
            }
            if (Region is not null && !IsKnownRegion(Region))
            {
                throw new DynamoSettingException(nameof(Region),
                    $"'{Region}' is not an AWS region. Regions the AWS SDK knows: {string.Join(", ", KnownRegions())}.");
            }
            if (string.IsNullOrEmpty(AccessKey) != string.IsNullOrEmpty(SecretKey))
            {
                throw new DynamoSettingException(string.IsNullOrEmpty(AccessKey) ? nameof(AccessKey) : nameof(SecretKey),
                    "An access key and a secret key go together: give both or neither.");
            }
            if (!string.IsNullOrEmpty(SessionToken) && string.IsNullOrEmpty(AccessKey))
            {
                throw new DynamoSettingException(nameof(SessionToken),
                    "A session token needs the access key and secret key it was issued with.");
            }
            if (ProfileName is not null && ProfileName.Trim().Length == 0)
            {
                throw new DynamoSettingException(nameof(ProfileName),
                    "The profile name is empty.");
            }
            if (ProfileLocation is not null && Directory.Exists(ProfileLocation))
            {
                throw new DynamoSettingException(nameof(ProfileLocation),
                    $"'{ProfileLocation}' is a folder; the profile location is a shared credentials file, such as ~/.aws/credentials.");
            }
            if (ProfileLocation is not null && !File.Exists(ProfileLocation))
            {
                throw new DynamoSettingException(nameof(ProfileLocation),
                    $"There is no credentials file at '{ProfileLocation}'.");
            }
            if (MaxErrorRetry < 0)
            {
                throw new DynamoSettingException(nameof(MaxErrorRetry),
                    $"The number of retries cannot be negative ({MaxErrorRetry}).");
            }
            if (RequestTimeout <= TimeSpan.Zero)
            {
                throw new DynamoSettingException(nameof(RequestTimeout),
                    $"The request timeout must be positive ({RequestTimeout}).");
            }
        }

        /// <summary>The endpoint as an absolute http(s) URI, or null when it is not one (or carries a user name or password).</summary>
        internal static Uri? EndpointUri(string endpointUrl)
        {
            if (!Uri.TryCreate(endpointUrl, UriKind.Absolute, out var uri))
            {
                return null;
            }
            var httpScheme = uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps;
            return httpScheme && uri.Host.Length > 0 && uri.UserInfo.Length == 0 ? uri : null;
        }

        /// <summary>A region in the AWS SDK's list of regions, in the letter case AWS writes it.</summary>
        internal static bool IsKnownRegion(string region) => KnownRegions().Contains(region, StringComparer.Ordinal);

        public static IReadOnlyList<string> KnownRegions() =>
            RegionEndpoint.EnumerableAllRegions.Select(r => r.SystemName).OrderBy(name => name, StringComparer.Ordinal).ToList();
    }
}
