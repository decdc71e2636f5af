using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using System.Threading.Tasks;
using Chinook.Migration.Access;
using Chinook.Migration.Target;

namespace Chinook.PowerShell.Commands.Completion
{
    /// <summary>
    /// Completes a name from the table's reference items (the genres, the media types) when the command line already
    /// says where the table is (-EndpointUrl, -Region or -ProfileName, with -TablePrefix). The lookup is one small Query,
    /// given <see cref="Timeout"/> at most and no retries: a completer that hangs the prompt is worse than none, so a
    /// slow, unreachable or refusing endpoint completes nothing.
    /// </summary>
    public abstract class ReferenceNameCompleter : IArgumentCompleter
    {
        public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

        private static readonly string[] ConnectionParameters = { "EndpointUrl", "Region", "ProfileName" };

        /// <summary>The names to offer, read with <paramref name="reader"/>.</summary>
        private protected abstract Task<IReadOnlyList<string>> NamesAsync(MusicCatalogReader reader, CancellationToken cancellationToken);

        /// <summary>What a name is, for the tooltip: "genre".</summary>
        private protected abstract string What { get; }

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            if (!ConnectionParameters.Any(name => CompletionText.Bound(fakeBoundParameters, name) is not null))
            {
                return Array.Empty<CompletionResult>();
            }
            var settings = new DynamoConnectionSettings
            {
                EndpointUrl = CompletionText.Bound(fakeBoundParameters, "EndpointUrl"),
                Region = CompletionText.Bound(fakeBoundParameters, "Region"),
                ProfileName = CompletionText.Bound(fakeBoundParameters, "ProfileName"),
                ProfileLocation = CompletionText.Bound(fakeBoundParameters, "ProfileLocation"),
                MaxErrorRetry = 0,
                RequestTimeout = Timeout,
            };
            var prefix = CompletionText.Bound(fakeBoundParameters, "TablePrefix");
            // Connecting may resolve credentials (a role, SSO, instance metadata) before any query: the time limit covers both.
            var lookup = Task.Run(async () =>
            {
                settings.Validate();
                using var connection = DynamoClientFactory.Create(settings);
                using var timeout = new CancellationTokenSource(Timeout);
                return await NamesAsync(new MusicCatalogReader(connection, prefix), timeout.Token).ConfigureAwait(false);
            });
            IReadOnlyList<string> names;
            try
            {
                if (!lookup.Wait(Timeout))
                {
                    return Array.Empty<CompletionResult>();
                }
                names = lookup.Result;
            }
            catch (AggregateException)
            {
                // Whatever went wrong (no table, no credentials, a refused request) is the command's to report when it runs, not the completer's.
                return Array.Empty<CompletionResult>();
            }
            return CompletionText.Matching(names.Select(name => (name, $"{name} ({What} in the table)")), wordToComplete, wildcardValue: true);
        }
    }

    /// <summary>Completes -Genre with the genre names of the table's genre items.</summary>
    public sealed class GenreNameCompleter : ReferenceNameCompleter
    {
        private protected override string What => "genre";

        private protected override Task<IReadOnlyList<string>> NamesAsync(MusicCatalogReader reader, CancellationToken cancellationToken) =>
            reader.GetGenreNamesAsync(cancellationToken);
    }

    /// <summary>Completes -MediaType with the media-type names of the table's media-type items.</summary>
    public sealed class MediaTypeNameCompleter : ReferenceNameCompleter
    {
        private protected override string What => "media type";

        private protected override Task<IReadOnlyList<string>> NamesAsync(MusicCatalogReader reader, CancellationToken cancellationToken) =>
            reader.GetMediaTypeNamesAsync(cancellationToken);
    }
}
