using System;
using System.Collections.Generic;
using System.Linq;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace Chinook.Migration.Target
{
    /// <summary>
    /// Resolves credentials once, when the connection is made, so that an SSO sign-in that has expired, a role that
    /// may not be assumed or a missing MFA code stops the command before any row is read, with the fix to apply.
    /// Messages name profiles and roles, never a key, secret or token.
    /// </summary>
    internal static class CredentialCheck
    {
        /// <summary>Gives the MFA code callback to every role in the chain, then fetches the credentials.</summary>
        public static void Resolve(AWSCredentials credentials, string source, string? profileName, Func<string, string?>? mfaTokenCode)
        {
            foreach (var role in AssumedRoles(credentials))
            {
                if (role.Options?.MfaSerialNumber is { } serialNumber)
                {
                    role.Options.MfaTokenCodeCallback = () => mfaTokenCode?.Invoke(serialNumber) ?? throw new MfaCodeUnavailableException(role.RoleArn);
                }
            }
            try
            {
                credentials.GetCredentials();
            }
            catch (Exception ex) when (ex is AmazonClientException or AmazonServiceException or InvalidOperationException)
            {
                throw Explain(ex, credentials, source, profileName);
            }
        }

        private static DynamoSetupException Explain(Exception ex, AWSCredentials credentials, string source, string? profileName)
        {
            if (Find<MfaCodeUnavailableException>(ex) is { } noCode)
            {
                return new DynamoSetupException(DynamoSetupProblem.MfaCodeUnavailable,
                    $"Role {noCode.RoleArn} needs an MFA code, and this session cannot prompt for one. " +
                    "Use a profile without mfa_serial for unattended runs, or run the command in an interactive session.", ex);
            }
            if (credentials is SSOAWSCredentials)
            {
                var name = profileName ?? DefaultAWSCredentialsIdentityResolver.GetProfileName();
                return new DynamoSetupException(DynamoSetupProblem.SsoLoginNeeded,
                    $"The SSO sign-in for AWS profile '{name}' is missing or expired ({ex.Message}). Run: aws sso login --profile {name}", ex);
            }
            if (AssumedRoles(credentials).FirstOrDefault() is { } role && Find<AmazonServiceException>(ex) is { ErrorCode: "AccessDenied" })
            {
                return new DynamoSetupException(DynamoSetupProblem.RoleDenied,
                    $"AWS denied AssumeRole for role {DeniedRole(ex) ?? role.RoleArn}. Check that the role's trust policy " +
                    "allows the source identity (and the external_id, if one is set), and that the source may call sts:AssumeRole on it.", ex);
            }
            return new DynamoSetupException(DynamoSetupProblem.CredentialsFailed,
                $"Cannot get AWS credentials from {source}: {ex.Message}", ex);
        }

        /// <summary>The role whose AssumeRole call failed: the SDK names it in its own message.</summary>
        private static string? DeniedRole(Exception ex)
        {
            const string marker = "Error calling AssumeRole for role ";
            return ExceptionChain.Of(ex)
                .Select(e => e.Message)
                .Where(message => message.Contains(marker, StringComparison.Ordinal))
                .Select(message => message.Substring(message.IndexOf(marker, StringComparison.Ordinal) + marker.Length).Trim())
                .FirstOrDefault();
        }

        private static IEnumerable<AssumeRoleAWSCredentials> AssumedRoles(AWSCredentials credentials)
        {
            for (var current = credentials as AssumeRoleAWSCredentials; current is not null; current = current.SourceCredentials as AssumeRoleAWSCredentials)
            {
                yield return current;
            }
        }

        private static T? Find<T>(Exception ex) where T : Exception => ExceptionChain.Of(ex).OfType<T>().FirstOrDefault();

        private sealed class MfaCodeUnavailableException : Exception
        {
            public MfaCodeUnavailableException(string roleArn) : base($"No MFA code for role {roleArn}.")
            {
                RoleArn = roleArn;
            }

            public string RoleArn { get; }
        }
    }
}
