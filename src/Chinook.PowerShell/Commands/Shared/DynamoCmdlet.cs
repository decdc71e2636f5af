using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Chinook.Migration.Items;
using Chinook.Migration.Target;
using Chinook.PowerShell.Commands.Completion;

namespace Chinook.PowerShell.Commands.Shared
{
    /// <summary>
    /// The base of every cmdlet that talks to DynamoDB (or to S3, with the same parameters): the connection parameters as AWS's own cmdlets name them,
    /// -TablePrefix, one client per command built by the shared factory (and disposed with the command), and a
    /// cancellation token that Ctrl+C (StopProcessing) trips. Invalid settings stop the command before any request.
    /// </summary>
    public abstract class DynamoCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource stopping = new CancellationTokenSource();
        private readonly PipelineThread pipelineThread = new PipelineThread();
        private DynamoConnection? connection;

        /// <summary>A DynamoDB endpoint other than AWS's, such as a local server: http://127.0.0.1:8000.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? EndpointUrl { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(RegionCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Region { get; set; }

        [Parameter]
        [Alias("StoredCredentials", "AWSProfileName")]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? ProfileName { get; set; }

        /// <summary>A shared credentials file in place of ~/.aws/credentials.</summary>
        [Parameter]
        [Alias("AWSProfilesLocation", "ProfilesLocation")]
        [ValidateNotNullOrEmpty]
        public string? ProfileLocation { get; set; }

        [Parameter]
        [Alias("AK")]
        [ValidateNotNullOrEmpty]
        public string? AccessKey { get; set; }

        [Parameter]
        [Alias("SK", "SecretAccessKey")]
        [ValidateNotNullOrEmpty]
        public string? SecretKey { get; set; }

        [Parameter]
        [Alias("ST")]
        [ValidateNotNullOrEmpty]
        public string? SessionToken { get; set; }

        /// <summary>Put before every table name, so that several environments can share one account: dev-MusicCatalog.</summary>
        [Parameter]
        [ValidateNotNull]
        public string? TablePrefix { get; set; }

        protected CancellationToken Cancellation => stopping.Token;

        protected override void BeginProcessing()
        {
            var settings = Settings();
            try
            {
                settings.Validate();
            }
            catch (DynamoSettingException ex)
            {
                ThrowTerminatingError(ErrorRecords.InvalidSetting(ex));
            }
            try
            {
                TableNames.ValidatePrefix(TablePrefix);
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(ErrorRecords.InvalidTablePrefix(ex, TablePrefix));
            }
        }

        /// <summary>The command's DynamoDB connection, made on first use; its credential and region sources go to the debug stream.</summary>
        protected DynamoConnection Connection
        {
            get
            {
                if (connection is null)
                {
                    connection = Connect(DynamoClientFactory.Create);
                    ReportConnection(connection.Endpoint, connection.CredentialSource, connection.RegionSource);
                    Probe(connection);
                }
                return connection;
            }
        }

        /// <summary>One quick call before any work, so that an endpoint out of reach or rejected keys are one setup error, not one per item.</summary>
        private void Probe(DynamoConnection made)
        {
            try
            {
                Run(async cancellationToken =>
                {
                    await ConnectionProbe.VerifyAsync(made, TableNames.Qualify(TablePrefix, TableNames.MusicCatalog), cancellationToken).ConfigureAwait(false);
                    return true;
                });
            }
            catch (DynamoSetupException ex)
            {
                connection = null;
                made.Dispose();
                ThrowTerminatingError(ErrorRecords.FromSetup(ex));
            }
        }

        /// <summary>ShouldProcess, telling the user's No apart from -WhatIf: a declined table is reported as such, not left unmentioned.</summary>
        protected Consent Ask(string target, string action)
        {
            var description = $"Performing the operation \"{action}\" on target \"{target}\".";
            if (ShouldProcess(description, $"Are you sure you want to perform this action?\n{description}", "Confirm", out var reason))
            {
                return Consent.Yes;
            }
            return reason == ShouldProcessReason.WhatIf ? Consent.WhatIf : Consent.Declined;
        }

        /// <summary>
        /// A client of another AWS service (S3) made from the same connection parameters by the core's factory;
        /// invalid settings or missing credentials stop the command, as for DynamoDB.
        /// </summary>
        protected T Connect<T>(Func<DynamoConnectionSettings, T> create) where T : class
        {
            T? made = null;
            try
            {
                made = create(Settings());
            }
            catch (DynamoSettingException ex)
            {
                ThrowTerminatingError(ErrorRecords.InvalidSetting(ex));
            }
            catch (DynamoSetupException ex)
            {
                ThrowTerminatingError(ErrorRecords.FromSetup(ex));
            }
            return made!;
        }

        /// <summary>Where a connection goes (verbose) and where its credentials and region came from (debug); never a secret.</summary>
        protected void ReportConnection(string endpoint, string credentialSource, string regionSource)
        {
            WriteVerbose($"Using {endpoint}.");
            WriteDebug(credentialSource);
            WriteDebug(regionSource);
        }

        /// <summary>Runs core work off the pipeline thread; progress from <see cref="ProgressOnPipeline{T}"/> is handled meanwhile.</summary>
        protected T Run<T>(Func<CancellationToken, Task<T>> work)
        {
            try
            {
                return pipelineThread.Run(() => work(Cancellation));
            }
            catch (OperationCanceledException) when (Cancellation.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>Runs the work for every item at once; one item's failure does not stop the others.</summary>
        protected IReadOnlyList<ItemOutcome<TItem, TResult>> RunForEach<TItem, TResult>(IEnumerable<TItem> items, Func<TItem, CancellationToken, Task<TResult>> work)
        {
            var list = items.ToList();
            if (list.Count == 0)
            {
                return Array.Empty<ItemOutcome<TItem, TResult>>();
            }
            return Run(cancellationToken => Task.WhenAll(list.Select(async item =>
            {
                try
                {
                    return new ItemOutcome<TItem, TResult>(item, await work(item, cancellationToken).ConfigureAwait(false), null);
                }
                catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
                {
                    return new ItemOutcome<TItem, TResult>(item, default, ex);
                }
            })));
        }

        /// <summary>A progress sink for the core whose handler runs on the pipeline thread, where writing to the host is allowed.</summary>
        protected IProgress<T> ProgressOnPipeline<T>(Action<T> handler) => pipelineThread.Progress(handler);

        protected override void StopProcessing() => stopping.Cancel();

        public virtual void Dispose()
        {
            connection?.Dispose();
            connection = null;
        }

        /// <summary>Lets a cmdlet tune the client it gets (retries, timeouts) before it is built.</summary>
        protected virtual void ConfigureClient(DynamoConnectionSettings settings)
        {
        }

        /// <summary>The endpoint or region this command talks to, for messages and checkpoints; never a credential.</summary>
        protected string TargetDescription => EndpointUrl ?? Region ?? "the default region";

        /// <summary>
        /// Asked again on the pipeline thread when the SDK renews the role's credentials during the work. Null in a
        /// session that cannot prompt (pwsh -NonInteractive, a runbook): the core then stops with a clear error.
        /// </summary>
        private string? PromptForMfaCode(string serialNumber) => pipelineThread.Call(() =>
        {
            try
            {
                Host.UI.Write($"MFA code for {serialNumber}: ");
                var code = Host.UI.ReadLine();
                return string.IsNullOrWhiteSpace(code) ? null : code.Trim();
            }
            catch (Exception ex) when (ex is PSInvalidOperationException or NotImplementedException or InvalidOperationException)
            {
                return null;
            }
        }, null);

        private DynamoConnectionSettings Settings()
        {
            var settings = new DynamoConnectionSettings
            {
                EndpointUrl = EndpointUrl,
                Region = Region,
                ProfileName = ProfileName,
                ProfileLocation = ProfileLocation is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(ProfileLocation),
                AccessKey = AccessKey,
                SecretKey = SecretKey,
                SessionToken = SessionToken,
                MfaTokenCode = PromptForMfaCode,
            };
            ConfigureClient(settings);
            return settings;
        }
    }
}
