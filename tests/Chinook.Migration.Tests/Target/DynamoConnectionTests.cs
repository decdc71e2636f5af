using System;
using System.IO;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Chinook.Migration.Target;
using Xunit;

namespace Chinook.Migration.Tests.Target
{
    public class DynamoConnectionTests
    {
        private const string Secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
        private const string SessionToken = "FwoGZXIvYXdzEXAMPLETOKEN";

        [Theory]
        [InlineData("localhost:8000")]
        [InlineData("127.0.0.1:8000")]
        [InlineData("ftp://127.0.0.1:8000")]
        [InlineData("http://")]
        [InlineData("not a url")]
        [InlineData("/relative/path")]
        [InlineData("")]
        public void AnEndpointThatIsNoAbsoluteHttpUrlIsRefused(string endpoint)
        {
            var ex = Assert.Throws<DynamoSettingException>(() => new DynamoConnectionSettings { EndpointUrl = endpoint }.Validate());
            Assert.Equal("EndpointUrl", ex.Setting);
        }

        [Fact]
        public void AnEndpointWithAPasswordIsRefusedWithoutRepeatingIt()
        {
            var ex = Assert.Throws<DynamoSettingException>(() => new DynamoConnectionSettings { EndpointUrl = "http://admin:hunter2@127.0.0.1:8000" }.Validate());
            Assert.DoesNotContain("hunter2", ex.Message);
        }

        [Theory]
        [InlineData("http://127.0.0.1:8000")]
        [InlineData("https://dynamodb.eu-west-1.amazonaws.com")]
        [InlineData("http://localhost:4566/")]
        public void AbsoluteHttpEndpointsAreAccepted(string endpoint)
        {
            new DynamoConnectionSettings { EndpointUrl = endpoint }.Validate();
        }

        [Theory]
        [InlineData("us-east-1")]
        [InlineData("eu-central-2")]
        [InlineData("cn-north-1")]
        [InlineData("us-gov-west-1")]
        public void RegionsInTheSdksListAreAccepted(string region)
        {
            new DynamoConnectionSettings { Region = region }.Validate();
        }

        [Theory]
        [InlineData("moon-base-1")]
        [InlineData("us-east-99")]
        [InlineData("ap-southeast-99")]
        [InlineData("US-EAST-1")]
        [InlineData("us-east")]
        [InlineData("")]
        public void OtherRegionsAreRefused(string region)
        {
            var ex = Assert.Throws<DynamoSettingException>(() => new DynamoConnectionSettings { Region = region }.Validate());
            Assert.Equal("Region", ex.Setting);
        }

        [Fact]
        public void KeysGoInPairsAndATokenNeedsThem()
        {
            Assert.Equal("SecretKey", Assert.Throws<DynamoSettingException>(() => new DynamoConnectionSettings { AccessKey = "AKIAEXAMPLE" }.Validate()).Setting);
            Assert.Equal("AccessKey", Assert.Throws<DynamoSettingException>(() => new DynamoConnectionSettings { SecretKey = Secret }.Validate()).Setting);
            Assert.Equal("SessionToken", Assert.Throws<DynamoSettingException>(() => new DynamoConnectionSettings { SessionToken = SessionToken }.Validate()).Setting);
        }

        [Fact]
        public void NoSettingErrorRepeatsTheSecretKey()
        {
            var ex = Assert.Throws<DynamoSettingException>(() => new DynamoConnectionSettings { SecretKey = Secret }.Validate());
            Assert.DoesNotContain(Secret, ex.ToString());
        }

        [Fact]
        public void AProfileFileThatDoesNotExistIsRefused()
        {
            var ex = Assert.Throws<DynamoSettingException>(() => new DynamoConnectionSettings { ProfileLocation = TestDatabases.ScratchPath(".credentials") }.Validate());
            Assert.Equal("ProfileLocation", ex.Setting);
        }

        [Fact]
        public void ExplicitKeysAreDescribedByAMaskedAccessKeyOnly()
        {
            using var connection = DynamoClientFactory.Create(new DynamoConnectionSettings
            {
                AccessKey = "AKIAIOSFODNN7EXAMPLE", SecretKey = Secret, SessionToken = SessionToken, Region = "eu-west-1",
            });

            Assert.Equal("credentials: explicit access key AKIA****MPLE with a session token", connection.CredentialSource);
            Assert.Equal("region: eu-west-1 (given)", connection.RegionSource);
            foreach (var text in new[] { connection.CredentialSource, connection.RegionSource, connection.Endpoint })
            {
                Assert.DoesNotContain(Secret, text);
                Assert.DoesNotContain(SessionToken, text);
                Assert.DoesNotContain("AKIAIOSFODNN7EXAMPLE", text);
            }
        }

        [Fact]
        public void ACustomEndpointGetsAServiceUrlAndASigningRegionButNoRegionEndpoint()
        {
            using var connection = DynamoClientFactory.Create(new DynamoConnectionSettings
            {
                EndpointUrl = "http://127.0.0.1:8000", AccessKey = "AKIAIOSFODNN7EXAMPLE", SecretKey = Secret,
            });
            var config = (AmazonDynamoDBConfig)connection.Client.Config;

            Assert.Equal("http://127.0.0.1:8000", config.ServiceURL.TrimEnd('/'));
            Assert.Null(config.RegionEndpoint);
            Assert.False(string.IsNullOrEmpty(config.AuthenticationRegion));
            Assert.StartsWith("region: endpoint http://127.0.0.1:8000/, signing region ", connection.RegionSource);
        }

        [Fact]
        public void ACustomEndpointSignsForTheGivenRegion()
        {
            using var connection = DynamoClientFactory.Create(new DynamoConnectionSettings
            {
                EndpointUrl = "http://127.0.0.1:8000", Region = "ap-south-1", AccessKey = "AKIAIOSFODNN7EXAMPLE", SecretKey = Secret,
            });
            Assert.Equal("ap-south-1", connection.Client.Config.AuthenticationRegion);
        }

        [Fact]
        public void TheClientRetriesInStandardModeAndTimesOutRequests()
        {
            using var connection = DynamoClientFactory.Create(new DynamoConnectionSettings
            {
                Region = "us-west-2", AccessKey = "AKIAIOSFODNN7EXAMPLE", SecretKey = Secret, MaxErrorRetry = 7, RequestTimeout = TimeSpan.FromSeconds(12),
            });
            var config = connection.Client.Config;

            Assert.Equal(RequestRetryMode.Standard, config.RetryMode);
            Assert.Equal(7, config.MaxErrorRetry);
            Assert.Equal(TimeSpan.FromSeconds(12), config.Timeout);
            Assert.Equal("us-west-2", config.RegionEndpoint.SystemName);
        }

        [Fact]
        public void AProfileGivesCredentialsAndRegionAndIsDescribedWithoutItsSecret()
        {
            var file = CredentialsFile("[dev]\naws_access_key_id = AKIAPROFILEKEY001234\naws_secret_access_key = " + Secret + "\nregion = eu-west-2\n");
            using var connection = DynamoClientFactory.Create(new DynamoConnectionSettings { ProfileName = "dev", ProfileLocation = file });

            Assert.Equal($"credentials: profile 'dev' from {file}", connection.CredentialSource);
            Assert.Equal("region: eu-west-2 (from profile 'dev')", connection.RegionSource);
            Assert.Equal("eu-west-2", connection.Client.Config.RegionEndpoint.SystemName);
            Assert.DoesNotContain(Secret, connection.CredentialSource + connection.RegionSource + connection.Endpoint);
        }

        [Fact]
        public void ExplicitKeysWinOverAProfile()
        {
            var file = CredentialsFile("[dev]\naws_access_key_id = AKIAPROFILEKEY001234\naws_secret_access_key = other\n");
            using var connection = DynamoClientFactory.Create(new DynamoConnectionSettings
            {
                ProfileName = "dev", ProfileLocation = file, AccessKey = "AKIAIOSFODNN7EXAMPLE", SecretKey = Secret, Region = "us-east-1",
            });
            Assert.StartsWith("credentials: explicit access key", connection.CredentialSource);
        }

        [Fact]
        public void AProfileThatIsNotThereIsNamed()
        {
            var file = CredentialsFile("[dev]\naws_access_key_id = AKIAPROFILEKEY001234\naws_secret_access_key = x\n");
            var ex = Assert.Throws<DynamoSetupException>(() =>
                DynamoClientFactory.Create(new DynamoConnectionSettings { ProfileName = "prod", ProfileLocation = file, Region = "us-east-1" }));
            Assert.Equal(DynamoSetupProblem.ProfileNotFound, ex.Problem);
            Assert.Contains("'prod'", ex.Message);
        }

        [Fact]
        public void ShortAccessKeysAreMaskedWhole()
        {
            Assert.Equal("****", DynamoClientFactory.MaskAccessKey("AKIA123"));
            Assert.Equal("AKIA****5678", DynamoClientFactory.MaskAccessKey("AKIA00005678"));
        }

        private static string CredentialsFile(string content)
        {
            var path = TestDatabases.ScratchPath(".credentials");
            File.WriteAllText(path, content);
            return path;
        }
    }
}
