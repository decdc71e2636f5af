using System;

namespace Chinook.Migration
{
    /// <summary>
    /// Reports progress on the thread that reports it. Progress&lt;T&gt; would post to another thread; with this one
    /// the caller's handler runs where the work runs, and decides itself where the value goes.
    /// </summary>
    public sealed class SynchronousProgress<T> : IProgress<T>
    {
        private readonly Action<T> report;

        public SynchronousProgress(Action<T> report) => this.report = report;

        public void Report(T value) => report(value);
    }
}
