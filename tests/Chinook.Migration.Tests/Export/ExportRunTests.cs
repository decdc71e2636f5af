using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Amazon.DynamoDBv2.Model;
using Chinook.Migration.Export;
using Chinook.Migration.Items;
using Chinook.Migration.Source;
using Chinook.Migration.Target;
using Chinook.Migration.Target.Writing;
using Chinook.Migration.Tests.Target;
using Chinook.Migration.Transform;
using Xunit;

namespace Chinook.Migration.Tests.Export
{
    public class ExportRunTests
    {
        /// <summary>A run against a scripted server that writes everything, recording what the run reports and asks.</summary>
        private sealed class Harness : IDisposable
        {
            private readonly DynamoConnection connection;

            public Harness(ExportOptions options, Func<string, bool>? shouldWrite = null, ScriptedClock? clock = null, Action<ExportEvent>? onEvent = null)
            {
                Client = new ScriptedDynamoClient((r, n, ct) => ScriptedDynamoClient.AllWritten());
                connection = new DynamoConnection(Client, "scripted", "credentials: scripted", "region: scripted");
                Run = new ExportRun(
                    () => { Connections++; return connection; },
                    options with { Writer = DynamoBatchWriterTests.Fast },
                    table => { Asked.Add(table); return shouldWrite?.Invoke(table) ?? true; },
                    new SynchronousProgress<ExportEvent>(e => { Events.Add(e); onEvent?.Invoke(e); }),
                    CancellationToken.None,
                    clock ?? new ScriptedClock());
            }

            public ScriptedDynamoClient Client { get; }
            public ExportRun Run { get; }
            public List<ExportEvent> Events { get; } = new List<ExportEvent>();
            public List<string> Asked { get; } = new List<string>();
            public int Connections { get; private set; }

            public IReadOnlyList<TableWriteResult> Export(string databasePath)
            {
                using var database = SourceDatabase.Open(databasePath);
                return Run.ExportDatabase(database);
            }

            public IReadOnlyList<(string Table, string Pk, string Sk)> Written() => Client.Requests
                .SelectMany(r => r.RequestItems.SelectMany(t => t.Value.Select(w => Key(t.Key, w.PutRequest.Item))))
                .ToList();

            public IEnumerable<string> Messages() => Events.OfType<ExportMessage>().Select(m => m.Text);

            public void Dispose()
            {
                Run.Dispose();
                connection.Dispose();
            }

            private static (string, string, string) Key(string table, Dictionary<string, AttributeValue> item) => (table, item["PK"].S, item["SK"].S);
        }

        private static List<ChinookItem> ShippedItems(string? prefix = null)
        {
            using var database = SourceDatabase.Open(TestDatabases.Shipped);
            return ItemConverter.Convert(database, new ConversionOptions { TablePrefix = prefix })
                .Where(o => o.Item != null).Select(o => o.Item!).ToList();
        }

        private static ExportOptions Options(string checkpoint, bool resume = false) =>
            new ExportOptions { Target = "http://scripted", CheckpointPath = checkpoint, Resume = resume };

        private static string ScratchCheckpoint() => TestDatabases.ScratchPath(".json");

        [Fact]
        public void ResumeWritesOnlyTheItemsAfterThoseTheCheckpointSettled()
        {
            var checkpoint = ScratchCheckpoint();
            using (var first = new Harness(Options(checkpoint)))
            {
                first.Export(TestDatabases.Shipped);
            }
            var record = WriteCheckpoint.Load(checkpoint)!;
            var all = ShippedItems();
            Assert.Equal(all.Count, record.ItemsSettled);
            record.ItemsSettled = 1000;
            record.Save(checkpoint);

            using var resumed = new Harness(Options(checkpoint, resume: true));
            var results = resumed.Export(TestDatabases.Shipped);

            var expected = all.Skip(1000).Select(i => (i.TableName, i.PK, i.SK)).OrderBy(k => k).ToList();
            Assert.Equal(expected, resumed.Written().OrderBy(k => k).ToList());
            Assert.Equal(all.Count - 1000, results.Sum(r => r.ItemsReceived));
            Assert.Contains(resumed.Messages(), m => m.StartsWith($"Resuming: the first {1000:N0} items are settled by checkpoint '{checkpoint}'."));
            Assert.Equal(all.Count, WriteCheckpoint.Load(checkpoint)!.ItemsSettled);
        }

        [Fact]
        public void ACheckpointOfAnotherSelectionIsRefusedAndNothingIsWritten()
        {
            var checkpoint = ScratchCheckpoint();
            using (var first = new Harness(Options(checkpoint)))
            {
                first.Export(TestDatabases.Shipped);
            }

            using var other = new Harness(Options(checkpoint, resume: true) with { TablePrefix = "other-" });
            var results = other.Export(TestDatabases.Shipped);

            var refused = Assert.Single(other.Events.OfType<CheckpointRefused>());
            Assert.Equal(checkpoint, refused.Path);
            Assert.Contains("another selection", refused.Error.Message);
            AssertNothingDone(other, results);
        }

        [Fact]
        public void ACheckpointOfAnotherSourceIsRefusedAndNothingIsWritten()
        {
            var source = TestDatabases.CopyOfShipped();
            var checkpoint = ScratchCheckpoint();
            using (var first = new Harness(Options(checkpoint)))
            {
                first.Export(source);
            }
            TestDatabases.Execute(source, "UPDATE Artist SET Name = 'Changed' WHERE ArtistId = 1");

            using var changed = new Harness(Options(checkpoint, resume: true));
            var results = changed.Export(source);

            Assert.Contains("another source", Assert.Single(changed.Events.OfType<CheckpointRefused>()).Error.Message);
            AssertNothingDone(changed, results);
        }

        [Fact]
        public void ResumeWithoutACheckpointWarnsAndWritesEveryItem()
        {
            var checkpoint = ScratchCheckpoint();
            using var run = new Harness(Options(checkpoint, resume: true));

            var results = run.Export(TestDatabases.Shipped);

            Assert.Contains(run.Events.OfType<ExportMessage>(), m => m.Level == ExportMessageLevel.Warning && m.Text == $"No checkpoint at '{checkpoint}': writing every item.");
            Assert.Equal(ShippedItems().Count, results.Sum(r => r.ItemsWritten));
        }

        [Fact]
        public void WhileWritingTheCheckpointIsSavedOnlyAfterTheIntervalHasPassed()
        {
            Assert.DoesNotContain(SettledCountsSeenWhileWriting(advanceOnce: ExportRun.CheckpointInterval), c => c != null);
        }

        [Fact]
        public void WhileWritingTheCheckpointIsSavedOnceTheIntervalHasPassedAndTheIntervalStartsAgain()
        {
            var seen = SettledCountsSeenWhileWriting(advanceOnce: ExportRun.CheckpointInterval + TimeSpan.FromMilliseconds(1));

            // One save after the clock moved; the clock stood still after that, so no second one.
            var saved = Assert.Single(seen.Where(c => c != null).Distinct());
            Assert.InRange(saved!.Value, 1, ShippedItems().Count - 1);
        }

        /// <summary>
        /// Exports the shipped database with a clock that moves once, at the first batch written, and reads the
        /// checkpoint file at every batch after that: null while there is none.
        /// </summary>
        private static List<long?> SettledCountsSeenWhileWriting(TimeSpan advanceOnce)
        {
            var checkpoint = ScratchCheckpoint();
            var clock = new ScriptedClock();
            var moved = false;
            var seen = new List<long?>();
            void OnEvent(ExportEvent e)
            {
                if (e is not ExportMessage message || !message.Text.StartsWith("Batch "))
                {
                    return;
                }
                seen.Add(File.Exists(checkpoint) ? WriteCheckpoint.Load(checkpoint)!.ItemsSettled : null);
                if (!moved)
                {
                    clock.Advance(advanceOnce);
                    moved = true;
                }
            }
            using var run = new Harness(Options(checkpoint), clock: clock, onEvent: OnEvent);
            run.Export(TestDatabases.Shipped);
            Assert.True(seen.Count > 1, "the run reported batches while it wrote");
            return seen;
        }

        [Fact]
        public void ATableTheCallerDeclinesIsPlannedAndNothingIsSentOrRecorded()
        {
            var checkpoint = ScratchCheckpoint();
            using var run = new Harness(Options(checkpoint) with { SaveCheckpoint = false }, shouldWrite: _ => false);

            var results = run.Export(TestDatabases.Shipped);

            Assert.Equal(0, run.Connections);
            Assert.Empty(run.Client.Requests);
            Assert.False(File.Exists(checkpoint));
            Assert.All(results, r => Assert.Equal(TableWriteStatus.WhatIf, r.Status));
            Assert.Equal(ShippedItems().Count, results.Sum(r => r.ItemsReceived));
            Assert.Equal(run.Asked.Distinct(), run.Asked);
            Assert.Null(run.Run.DescribeStop());
        }

        [Fact]
        public void PipelineItemsAreWrittenOnlyToTheTablesTheCallerAccepts()
        {
            var items = ShippedItems();
            using var run = new Harness(new ExportOptions(), shouldWrite: table => table == "MusicCatalog");

            items.ForEach(run.Run.Add);
            var results = run.Run.Finish();

            Assert.Equal(items.Where(i => i.TableName == "MusicCatalog").Select(i => (i.TableName, i.PK, i.SK)).OrderBy(k => k),
                run.Written().OrderBy(k => k));
            Assert.Equal(TableWriteStatus.Written, results.Single(r => r.TableName == "MusicCatalog").Status);
            Assert.All(results.Where(r => r.TableName != "MusicCatalog"), r => Assert.Equal(TableWriteStatus.Declined, r.Status));
            Assert.All(results.Where(r => r.TableName != "MusicCatalog"), r => Assert.Equal(0, r.ItemsWritten + r.WriteUnits));
            Assert.Equal(4, run.Asked.Count);
            Assert.IsType<ExportProgressEnded>(run.Events.Last());
        }

        [Fact]
        public void PipelineItemsOfAnotherPrefixAreRefusedOncePerTable()
        {
            var items = ShippedItems(prefix: "dev-");
            using var run = new Harness(new ExportOptions { TablePrefix = "prod-" });

            items.ForEach(run.Run.Add);
            var results = run.Run.Finish();

            Assert.Equal(new[] { "dev-MusicCatalog", "dev-CustomerOrders", "dev-EmployeeManagement", "dev-Playlists" }.OrderBy(t => t),
                run.Events.OfType<ItemTableRefused>().Select(r => r.ItemTable).OrderBy(t => t));
            Assert.Empty(results);
            Assert.Equal(0, run.Connections);
        }

        private static void AssertNothingDone(Harness run, IReadOnlyList<TableWriteResult> results)
        {
            Assert.Empty(results);
            Assert.Empty(run.Asked);
            Assert.Empty(run.Client.Requests);
        }

        private static readonly DateTime FirstCreated = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);

        private static void CreateTables(Harness run, DateTime created)
        {
            foreach (var name in TableNames.BaseNames)
            {
                run.Client.Tables[name] = created;
            }
        }

        /// <summary>The checkpoint of a whole export into the four tables as first created.</summary>
        private static string ExportedIntoTablesCreatedFirst()
        {
            var checkpoint = ScratchCheckpoint();
            using var first = new Harness(Options(checkpoint));
            CreateTables(first, FirstCreated);
            first.Export(TestDatabases.Shipped);
            return checkpoint;
        }

        [Fact]
        public void ResumeAfterTheTablesWereCreatedAnewWarnsAndWritesEveryItem()
        {
            var checkpoint = ExportedIntoTablesCreatedFirst();
            Assert.Equal(FirstCreated, WriteCheckpoint.Load(checkpoint)!.Tables!.Single(t => t.TableName == TableNames.Playlists).CreatedUtc);

            using var resumed = new Harness(Options(checkpoint, resume: true));
            CreateTables(resumed, FirstCreated.AddMinutes(5));
            var results = resumed.Export(TestDatabases.Shipped);

            Assert.Equal(ShippedItems().Count, results.Sum(r => r.ItemsWritten));
            var warning = Assert.Single(resumed.Events.OfType<ExportMessage>(), m => m.Level == ExportMessageLevel.Warning);
            Assert.StartsWith($"Checkpoint '{checkpoint}' is not used: MusicCatalog was created anew at", warning.Text);
            Assert.EndsWith("Writing every item from the beginning.", warning.Text);
        }

        [Fact]
        public void ResumeAfterATableWasDeletedWarnsAndWritesEveryItem()
        {
            var checkpoint = ExportedIntoTablesCreatedFirst();

            using var resumed = new Harness(Options(checkpoint, resume: true));
            CreateTables(resumed, FirstCreated);
            resumed.Client.Tables.TryRemove(TableNames.CustomerOrders, out _);
            var results = resumed.Export(TestDatabases.Shipped);

            Assert.Equal(ShippedItems().Count, results.Sum(r => r.ItemsReceived));
            Assert.Contains(resumed.Messages(), m => m.Contains("CustomerOrders no longer exists"));
        }

        [Fact]
        public void ResumeOnTheSameTablesFromACopyOfTheSourceElsewhereSkipsTheSettledItems()
        {
            var checkpoint = ExportedIntoTablesCreatedFirst();

            using var resumed = new Harness(Options(checkpoint, resume: true));
            CreateTables(resumed, FirstCreated);
            resumed.Export(TestDatabases.CopyOfShipped());

            Assert.Empty(resumed.Client.Requests);
            Assert.DoesNotContain(resumed.Events.OfType<ExportMessage>(), m => m.Level == ExportMessageLevel.Warning);
        }

        [Fact]
        public void WithoutACheckpointPathTheCheckpointGoesToTheCheckpointFolder()
        {
            var folder = Path.Combine(Path.GetTempPath(), "chinook-xunit-" + Guid.NewGuid().ToString("N"));
            using var run = new Harness(new ExportOptions { Target = "http://scripted", CheckpointFolder = folder });

            run.Export(TestDatabases.Shipped);

            var file = Assert.Single(Directory.GetFiles(folder));
            Assert.Equal(ShippedItems().Count, WriteCheckpoint.Load(file)!.ItemsSettled);
        }
    }
}
