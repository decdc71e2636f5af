using System.Collections.Generic;

namespace Chinook.Migration.Target.Writing
{
    /// <summary>Counts what a write would do, per table, without sending anything: the -WhatIf of the loader.</summary>
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

        public IReadOnlyList<TableWriteResult> Results() => _tally.Snapshot(stopped: false, whatIf: true);
    }
}
