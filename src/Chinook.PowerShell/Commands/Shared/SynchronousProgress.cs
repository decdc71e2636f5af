using System;

namespace Chinook.PowerShell.Commands.Shared
{
    /// <summary>
    /// Reports progress on the thread that reports it. Progress&lt;T&gt; would post to another thread, and only
    /// the pipeline thread may write to the host.
    /// </summary>
    internal sealed class SynchronousProgress<T> : IProgress<T>
    {
        private readonly Action<T> report;

        public SynchronousProgress(Action<T> report) => this.report = report;

        public void Report(T value) => report(value);
    }
}
