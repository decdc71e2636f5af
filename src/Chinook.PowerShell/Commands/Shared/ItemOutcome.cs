using System;

namespace Chinook.PowerShell.Commands.Shared
{
    /// <summary>What became of one item of a batch run concurrently: a result or the exception that stopped it.</summary>
    public sealed class ItemOutcome<TItem, TResult>
    {
        internal ItemOutcome(TItem item, TResult? result, Exception? error)
        {
            Item = item;
            Result = result;
            Error = error;
        }

        public TItem Item { get; }
        public TResult? Result { get; }
        public Exception? Error { get; }
    }
}
