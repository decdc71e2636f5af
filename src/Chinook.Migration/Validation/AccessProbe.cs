using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Chinook.Migration.Validation
{
    /// <summary>
    /// One thing an answer states, keyed as failing keys name rows: ("TrackId=5", "'Balls to the Wall'; 0.99").
    /// The source's facts and the answer's facts are compared key by key.
    /// </summary>
    public sealed class AnswerFact
    {
        public AnswerFact(string key, string value)
        {
            Key = key;
            Value = value;
        }

        public string Key { get; }
        public string Value { get; }

        public override string ToString() => $"{Key}: {Value}";
    }

    /// <summary>What one call of an access pattern returned: its facts, and how many DynamoDB items it read.</summary>
    public sealed class ProbeAnswer
    {
        public ProbeAnswer(IReadOnlyList<AnswerFact> facts, int items)
        {
            Facts = facts;
            Items = items;
        }

        public IReadOnlyList<AnswerFact> Facts { get; }

        /// <summary>
        /// The answer's size in items, which decides the latency target of a query: the DynamoDB items read, except that
        /// the tracks a playlist page packs together count one by one (a 3,290-track playlist is a large answer in two items).
        /// </summary>
        public int Items { get; }
    }

    /// <summary>
    /// An access pattern to check: the read (a reader call), what the source says it must return, and the kind of
    /// read its latency target depends on. A probe with no read has nothing to read in the source.
    /// </summary>
    public sealed class AccessProbe
    {
        public AccessProbe(string check, string entity, ReadShape shape, string subject, IReadOnlyList<AnswerFact> expected,
            Func<CancellationToken, Task<ProbeAnswer>> read)
        {
            Check = check;
            Entity = entity;
            Shape = shape;
            Subject = subject;
            Expected = expected;
            Read = read;
        }

        private AccessProbe(string check, string entity, string subject)
        {
            Check = check;
            Entity = entity;
            Subject = subject;
            Expected = Array.Empty<AnswerFact>();
        }

        /// <summary>A pattern the source gives nothing to read for (no artist with albums, no invoices, ...).</summary>
        public static AccessProbe Nothing(string check, string entity, string why) => new AccessProbe(check, entity, why);

        public string Check { get; }

        /// <summary>The table read, prefix included.</summary>
        public string Entity { get; }

        public ReadShape Shape { get; }

        /// <summary>What is read, as the source describes it: "ArtistId=1 ('AC/DC'): 2 albums, 18 tracks".</summary>
        public string Subject { get; }

        public IReadOnlyList<AnswerFact> Expected { get; }

        /// <summary>Null when the source has nothing to read.</summary>
        public Func<CancellationToken, Task<ProbeAnswer>>? Read { get; }
    }
}
