using System;
using System.Collections.Concurrent;
using System.Threading;
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
        // Cmdlets are built on the pipeline thread, so the thread that builds this is the one that may use the host.
        private readonly int pipelineThreadId = Environment.CurrentManagedThreadId;
        private volatile bool handlingQueue;

        /// <summary>A progress sink whose handler runs on the pipeline thread, during <see cref="Run{T}"/>.</summary>
        public IProgress<T> Progress<T>(Action<T> handler) => new Relay<T>(pending, handler);

        /// <summary>Starts the work on the thread pool and handles queued progress until it ends; rethrows its exception.</summary>
        public T Run<T>(Func<Task<T>> work)
        {
            var task = Task.Run(work);
            task.ContinueWith(_ => pending.Add(() => { }), TaskScheduler.Default);
            handlingQueue = true;
            try
            {
                while (!task.IsCompleted)
                {
                    pending.Take()();
                }
                while (pending.TryTake(out var late))
                {
                    late();
                }
            }
            finally
            {
                handlingQueue = false;
            }
            return task.GetAwaiter().GetResult();
        }

        /// <summary>
        /// Calls <paramref name="call"/> on the pipeline thread and waits for its answer: directly when already there,
        /// through the queue from a worker while <see cref="Run{T}"/> handles it. Elsewhere no thread may use the host,
        /// so the answer is <paramref name="unavailable"/>.
        /// </summary>
        public T Call<T>(Func<T> call, T unavailable)
        {
            if (Environment.CurrentManagedThreadId == pipelineThreadId)
            {
                return call();
            }
            if (!handlingQueue)
            {
                return unavailable;
            }
            var answer = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            pending.Add(() =>
            {
                try
                {
                    answer.SetResult(call());
                }
                catch (Exception ex)
                {
                    answer.SetException(ex);
                }
            });
            return answer.Task.GetAwaiter().GetResult();
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
