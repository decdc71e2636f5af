using System.Collections.Generic;
using System.Linq;
using Chinook.Migration.Items;
using Chinook.Migration.Source;
using Chinook.Migration.Transform;

namespace Chinook.Migration.Tests.Transform
{
    /// <summary>A whole conversion of a database, collected for assertions.</summary>
    public sealed class Conversion
    {
        private Conversion(List<ChinookItem> items, List<ConversionProblem> problems)
        {
            Items = items;
            Problems = problems;
        }

        public List<ChinookItem> Items { get; }
        public List<ConversionProblem> Problems { get; }
        public IEnumerable<ConversionProblem> Errors => Problems.Where(p => p.Severity == ProblemSeverity.Error);
        public IEnumerable<ConversionProblem> Warnings => Problems.Where(p => p.Severity == ProblemSeverity.Warning);

        public static Conversion Of(string path, ConversionOptions? options = null)
        {
            using var database = SourceDatabase.Open(path);
            var outputs = ItemConverter.Convert(database, options).ToList();
            return new Conversion(outputs.Where(o => o.Item is not null).Select(o => o.Item!).ToList(),
                outputs.Where(o => o.Problem is not null).Select(o => o.Problem!).ToList());
        }

        public ChinookItem Single(string pk, string sk) => Items.Single(i => i.PK == pk && i.SK == sk);

        public List<ChinookItem> Entity(ChinookEntity entity) => Items.Where(i => i.EntityType == entity.ToString()).ToList();
    }
}
