using System;
using Chinook.Migration.Items;

namespace Chinook.Migration.Transform
{
    /// <summary>One result of a conversion, in stream order: an item, or a problem with a source row.</summary>
    public sealed class ConversionOutput
    {
        private ConversionOutput(ChinookItem? item, ConversionProblem? problem)
        {
            Item = item;
            Problem = problem;
        }

        public ChinookItem? Item { get; }
        public ConversionProblem? Problem { get; }

        public static ConversionOutput Of(ChinookItem item) => new ConversionOutput(item ?? throw new ArgumentNullException(nameof(item)), null);
        public static ConversionOutput Of(ConversionProblem problem) => new ConversionOutput(null, problem ?? throw new ArgumentNullException(nameof(problem)));

        public override string ToString() => Item?.ToString() ?? Problem!.ToString();
    }
}
