using System;
using System.Collections.Generic;
using System.Linq;
using Chinook.Migration.Items;

namespace Chinook.Migration.Target.Writing
{
    /// <summary>Counts what a write would do, per table, without sending anything: the -WhatIf of the loader, and the tables a user declined.</summary>
    public sealed class WritePlanner
    {
        private readonly TableWriteTally _tally = new TableWriteTally();
        private readonly BatchAssembler _assembler = new BatchAssembler();

        public void Add(PendingWrite item)
        {
            _assembler.Add(item, out var replaced);
            _tally.Received(item.TableName, folded: replaced != null);
            if (replaced == null)
            {
                _tally.WouldWrite(item);
            }
        }

        /// <param name="declined">The user answered No for these tables: reported as Declined, with nothing written and no write units.</param>
        public IReadOnlyList<TableWriteResult> Results(bool declined) => declined
            ? _tally.Snapshot(stopped: false, whatIf: true).Select(planned => new TableWriteResult(planned.TableName, TableWriteStatus.Declined,
                planned.ItemsReceived, 0, 0, 0, 0, planned.DuplicatesFolded, TimeSpan.Zero, Array.Empty<ItemKey>())).ToList()
            : _tally.Snapshot(stopped: false, whatIf: true);
    }
}
