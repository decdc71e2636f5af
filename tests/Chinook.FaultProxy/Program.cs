using System;
using System.Linq;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace Chinook.FaultProxy
{
    internal static class Program
    {
        private static async Task<int> Main(string[] args)
        {
            if (args.Any(arg => arg is "--help" or "-h" or "-?"))
            {
                Console.WriteLine(ProxyOptions.Usage);
                return 0;
            }
            ProxyOptions options;
            try
            {
                options = ProxyOptions.Parse(args);
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine(e.Message);
                Console.Error.WriteLine();
                Console.Error.WriteLine(ProxyOptions.Usage);
                return 2;
            }

            // Never disposed: a signal or the end of standard input may still cancel it while Main returns.
            var stop = new CancellationTokenSource();
            void Stop(PosixSignalContext context)
            {
                context.Cancel = true;
                stop.Cancel();
            }
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            if (options.ExitOnStdinClose)
            {
                StopAtEndOfInput(stop);
            }

            var statistics = new ProxyStatistics();
            ProxyServer server;
            try
            {
                server = new ProxyServer(options, statistics);
            }
            catch (SocketException e)
            {
                Console.Error.WriteLine($"Cannot listen on 127.0.0.1:{options.Port}: {e.Message}");
                return 1;
            }
            using (server)
            {
                // The first line is read by Start-FaultProxy: keep its shape.
                Console.WriteLine($"FaultProxy listening on {server.Url} -> {options.Upstream.GetLeftPart(UriPartial.Authority)}");
                await server.RunAsync(stop.Token);
            }
            Console.WriteLine(statistics.ToJson());
            return 0;
        }

        private static void StopAtEndOfInput(CancellationTokenSource stop)
        {
            var watcher = new Thread(() =>
            {
                using var input = Console.OpenStandardInput();
                var buffer = new byte[256];
                while (input.Read(buffer, 0, buffer.Length) > 0)
                {
                    // Whatever is written is ignored; only the end of the stream matters.
                }
                stop.Cancel();
            })
            { IsBackground = true, Name = "stdin watcher" };
            watcher.Start();
        }
    }
}
