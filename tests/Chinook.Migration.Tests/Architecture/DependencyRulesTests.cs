using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Chinook.Migration.Items;
using Chinook.Migration.Source;
using NetArchTest.Rules;
using Xunit;

namespace Chinook.Migration.Tests.Architecture
{
    /// <summary>
    /// The core's stages and which may use which: Source reads SQLite and Items is the item model, so both stand
    /// alone; Transform turns rows into items; Target holds the tables, the client and the writer; Export runs one
    /// export over Source, Transform and Target; Import writes the items as objects in S3 for DynamoDB's own import
    /// and starts that import, over the same stages; no stage uses Export or Import. Access reads the access patterns;
    /// Readback reads the target back into the source's schema over Source, Items and Target; Comparison compares the
    /// items the source converts to with a target held as fingerprints; Validation reads both ends and may use every
    /// other stage but Export, Import and Sync; Sync brings a migrated target up to date over Comparison, the target's
    /// scan and Export's writer plumbing, and no stage uses it. The core's root namespace holds only the progress
    /// plumbing every stage shares (SynchronousProgress, ProgressThrottle).
    /// </summary>
    public class DependencyRulesTests
    {
        private const string Core = "Chinook.Migration";
        private static readonly Assembly CoreAssembly = typeof(ChinookItem).Assembly;

        private static readonly string[] Stages = { "Source", "Items", "Transform", "Target", "Export", "Import", "Access", "Readback", "Comparison", "Validation", "Sync" };
        private static readonly Type[] SharedByEveryStage = { typeof(SynchronousProgress<>), typeof(ProgressThrottle) };

        public static IEnumerable<object[]> ForbiddenUses() => new[]
        {
            new object[] { "Source", new[] { "Items", "Transform", "Target", "Export", "Import", "Access", "Readback", "Comparison", "Validation", "Sync" } },
            new object[] { "Items", new[] { "Source", "Transform", "Target", "Export", "Import", "Access", "Readback", "Comparison", "Validation", "Sync" } },
            new object[] { "Transform", new[] { "Target", "Export", "Import", "Access", "Readback", "Comparison", "Validation", "Sync" } },
            new object[] { "Target", new[] { "Source", "Transform", "Export", "Import", "Access", "Readback", "Comparison", "Validation", "Sync" } },
            new object[] { "Export", new[] { "Import", "Access", "Readback", "Comparison", "Validation", "Sync" } },
            new object[] { "Import", new[] { "Export", "Access", "Readback", "Comparison", "Validation", "Sync" } },
            new object[] { "Access", new[] { "Transform", "Export", "Import", "Readback", "Comparison", "Validation", "Sync" } },
            new object[] { "Readback", new[] { "Transform", "Export", "Import", "Access", "Comparison", "Validation", "Sync" } },
            new object[] { "Comparison", new[] { "Target", "Export", "Import", "Access", "Validation", "Sync" } },
            new object[] { "Validation", new[] { "Export", "Import", "Sync" } },
            new object[] { "Sync", new[] { "Import", "Access" } },
        };

        [Theory]
        [MemberData(nameof(ForbiddenUses))]
        public void AStageUsesNoStageItMustNot(string stage, string[] forbidden)
        {
            var result = StageTypes(stage).ShouldNot().HaveDependencyOnAny(forbidden.Select(Namespace).ToArray()).GetResult();

            Assert.True(result.IsSuccessful, $"{stage} uses {string.Join(" or ", forbidden)} in: {Failing(result)}");
        }

        /// <summary>
        /// Access reads items, not the source, but shares <see cref="SourceValues"/>: how money and times read (two
        /// decimal places, ISO-8601 UTC) is the source's convention, which the source reader itself applies.
        /// </summary>
        [Fact]
        public void AccessUsesOfTheSourceOnlyItsValueConventions()
        {
            var sourceTypes = CoreAssembly.GetTypes()
                .Where(t => t.Namespace == Namespace("Source") && t != typeof(SourceValues))
                .Select(t => t.FullName!)
                .ToArray();

            var result = StageTypes("Access").ShouldNot().HaveDependencyOnAny(sourceTypes).GetResult();

            Assert.True(result.IsSuccessful, "Access uses Source in: " + Failing(result));
        }

        [Fact]
        public void TheCoreKnowsNothingOfPowerShell()
        {
            var result = Types.InAssembly(CoreAssembly).ShouldNot().HaveDependencyOn("System.Management.Automation").GetResult();

            Assert.True(result.IsSuccessful, "PowerShell types in the core: " + Failing(result));
            Assert.DoesNotContain(CoreAssembly.GetReferencedAssemblies(), a => a.Name == "System.Management.Automation");
        }

        [Fact]
        public void EveryCoreTypeBelongsToAStage()
        {
            var outside = CoreAssembly.GetTypes()
                .Where(t => t.Namespace is { } ns && ns.StartsWith(Core, StringComparison.Ordinal))
                .Where(t => !SharedByEveryStage.Contains(t) && !SharedByEveryStage.Contains(t.DeclaringType))
                .Where(t => !Stages.Any(stage => t.Namespace == Namespace(stage) || t.Namespace!.StartsWith(Namespace(stage) + ".", StringComparison.Ordinal)))
                .Select(t => t.FullName)
                .ToList();

            Assert.Empty(outside);
        }

        private static PredicateList StageTypes(string stage) => Types.InAssembly(CoreAssembly).That().ResideInNamespace(Namespace(stage));

        private static string Namespace(string stage) => Core + "." + stage;

        private static string Failing(TestResult result) => string.Join(", ", result.FailingTypeNames ?? Array.Empty<string>());
    }
}
