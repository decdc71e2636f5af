using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;

namespace Chinook.PowerShell.Commands.Shared
{
    /// <summary>
    /// Runs the core's asynchronous work while keeping the pipeline thread for what only it may do: write to the
    /// host. Progress reported from any thread is queued and handled here, on the pipeline thread, while the work runs.
    /// </summary>
    internal sealed class PipelineThread
    {
        // Never disposed: a finished task's wake-up may still arrive after the cmdlet has ended.
        private readonly BlockingCollection<Action> pending = new BlockingCollection<Action>();

        /// <summary>A progress sink whose handler runs on the pipeline thread, during <see cref="Run{T}"/>.</summary>
        public IProgress<T> Progress<T>(Action<T> handler) => new Relay<T>(pending, handler);

        /// <summary>Starts the work on the thread pool and handles queued progress until it ends; rethrows its exception.</summary>
        public T Run<T>(Func<Task<T>> work)
        {
            var task = Task.Run(work);
            task.ContinueWith(_ => pending.Add(() => { }), TaskScheduler.Default);
            while (!task.IsCompleted)
            {
                pending.Take()();
            }
            while (pending.TryTake(out var late))
            {
                late();
            }
            return task.GetAwaiter().GetResult();
        }

        private sealed class Relay<T> : IProgress<T>
        {
            private readonly BlockingCollection<Action> pending;
            private readonly Action<T> handler;

            public Relay(BlockingCollection<Action> pending, Action<T> handler)
            {
                this.pending = pending;
                this.handler = handler;
            }

            public void Report(T value) => pending.Add(() => handler(value));
        }
    }
}
