using System;

namespace Chinook.Migration.Target
{
    public enum DynamoSetupProblem { ProfileNotFound, ProfileWithoutCredentials, NoCredentials, NoRegion, SsoLoginNeeded, RoleDenied, MfaCodeUnavailable, CredentialsFailed, Unreachable, CredentialsRejected }

    /// <summary>The connection settings are valid, but credentials or a region cannot be found from them, or the endpoint does not take them.</summary>
    public sealed class DynamoSetupException : Exception
    {
        public DynamoSetupException(DynamoSetupProblem problem, string message, Exception? innerException = null)
            : base(message, innerException)
        {
            Problem = problem;
        }

        public DynamoSetupProblem Problem { get; }
    }
}
