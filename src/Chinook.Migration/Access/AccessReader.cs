using System;

namespace Chinook.Migration.Access
{
    /// <summary>What the four readers share: the table they read (prefix applied) and where their progress goes.</summary>
    public abstract class AccessReader
    {
        private readonly IProgress<ReadProgress>? progress;

        internal AccessReader(TableReader table, IProgress<ReadProgress>? progress)
        {
            Table = table;
            this.progress = progress;
        }

        /// <summary>The table read, prefix included.</summary>
        public string TableName => Table.TableName;

        internal TableReader Table { get; }

        /// <summary>The requests of one access pattern, reported to the reader's progress.</summary>
        internal ReadCall NewCall() => new ReadCall(progress);

        /// <summary>A name or e-mail to look up by key: DynamoDB refuses an empty key value, so it is refused here first.</summary>
        internal static string RequireText(string value, string name) =>
            string.IsNullOrEmpty(value) ? throw new ArgumentException("DynamoDB key values cannot be empty: give a name.", name) : value;
    }
}
