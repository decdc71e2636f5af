using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Chinook.FaultProxy
{
    /// <summary>Listens on a loopback port and forwards each request upstream unchanged, unless the plan faults it.</summary>
    internal sealed class ProxyServer : IDisposable
    {
        private const string StatsPath = "/__stats";
        private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(5);
        /// <summary>A kept-alive connection with no request for this long is closed, as servers do.</summary>
        private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(60);

        // Not forwarded: they frame one connection, not the request. The body (and its SigV4 signature, which
        // the server is free to check) and every other header go upstream as the client sent them.
        private static readonly HashSet<string> HopByHopHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Connection", "Keep-Alive", "Proxy-Connection", "Transfer-Encoding", "TE", "Trailer", "Upgrade", "Expect", "Host", "Content-Length",
        };

        private readonly TcpListener listener;
        private readonly ProxyOptions options;
        private readonly FaultPlan plan;
        private readonly ProxyStatistics statistics;
        private readonly HttpClient upstream;
        private readonly WriteBudget? budget;

        public ProxyServer(ProxyOptions options, ProxyStatistics statistics)
        {
            this.options = options;
            this.statistics = statistics;
            plan = new FaultPlan(options);
            budget = options.WriteBudget is { } schedule ? new WriteBudget(schedule) : null;
            listener = new TcpListener(IPAddress.Loopback, options.Port);
            listener.Start();
            Url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
            upstream = new HttpClient(new SocketsHttpHandler
            {
                UseProxy = false,
                UseCookies = false,
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.None,
                ConnectTimeout = TimeSpan.FromSeconds(5),
                // dynalite (node) closes idle connections after 5 s; drop them first rather than race it.
                PooledConnectionIdleTimeout = TimeSpan.FromSeconds(4),
            })
            { Timeout = TimeSpan.FromMinutes(2) };
        }

        public string Url { get; }

        /// <summary>Serves until stopped, then lets the connections under way finish (bounded by a grace period).</summary>
        public async Task RunAsync(CancellationToken stop)
        {
            var running = new ConcurrentDictionary<Task, bool>();
            while (!stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await listener.AcceptTcpClientAsync(stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                var serving = ServeAsync(client, stop);
                running[serving] = true;
                _ = serving.ContinueWith(done => running.TryRemove(done, out _), TaskScheduler.Default);
            }
            listener.Stop();
            try
            {
                await Task.WhenAll(running.Keys).WaitAsync(ShutdownGrace);
            }
            catch (TimeoutException)
            {
                // What still hangs ends with the process.
            }
        }

        public void Dispose()
        {
            listener.Dispose();
            upstream.Dispose();
        }

        /// <summary>Serves the requests of one connection, one after the other, until either side closes it.</summary>
        private async Task ServeAsync(TcpClient client, CancellationToken stop)
        {
            using (client)
            {
                client.NoDelay = true;
                var stream = client.GetStream();
                var reader = new HttpRequestReader(stream);
                try
                {
                    var open = true;
                    while (open && !stop.IsCancellationRequested)
                    {
                        HttpRequest? request;
                        using (var idle = CancellationTokenSource.CreateLinkedTokenSource(stop))
                        {
                            idle.CancelAfter(IdleTimeout);
                            request = await reader.ReadAsync(idle.Token);
                        }
                        var answer = request is null ? null : await AnswerAsync(request, stop);
                        if (answer is null)
                        {
                            // The client closed the connection, or the 'drop' fault: close without a byte.
                            return;
                        }
                        open = request!.KeepAlive;
                        await HttpResponseWriter.WriteAsync(stream, answer, close: !open, stop);
                    }
                }
                catch (BadRequestException e)
                {
                    var error = ProxyResponse.Json(e.Status, JsonSerializer.Serialize(new { message = e.Message }));
                    await TryAsync(() => HttpResponseWriter.WriteAsync(stream, error, close: true, stop));
                }
                catch (Exception e) when (IsGoneOrStopping(e))
                {
                    // Stopping, idle, or the client went away (as it does after a 'timeout'): nobody to answer.
                }
            }
        }

        /// <summary>The answer to a request, or null to drop the connection without one.</summary>
        private async Task<ProxyResponse?> AnswerAsync(HttpRequest request, CancellationToken stop)
        {
            if (request.Method == "GET" && request.Target == StatsPath)
            {
                return ProxyResponse.Json(200, statistics.ToJson(budget));
            }
            statistics.Request();
            if (options.DelayMilliseconds > 0)
            {
                await Task.Delay(options.DelayMilliseconds, stop);
            }
            var action = Action(request.Header("X-Amz-Target"));
            var batch = action == "BatchWriteItem" ? BatchWrite.TryParse(request.Body) : null;
            var fault = plan.Choose(action, batch != null);
            if (fault is { } kind)
            {
                statistics.Fault(kind);
            }
            try
            {
                switch (fault)
                {
                    case null when batch != null && budget != null && !budget.TryWrite(batch.UnitsPerTable()):
                        statistics.OverBudget();
                        return DynamoFaults.Answer(FaultKind.Throttling);
                    case null when batch != null && options.AnswerWrites:
                        statistics.Answered();
                        return ProxyResponse.Json(200, batch.AllProcessedAnswer());
                    case null when action == "DescribeTable" && budget != null:
                        return WithProvisionedWrites(await ForwardAsync(request, request.Body, stop), budget.Provisioned);
                    case null:
                        return await ForwardAsync(request, request.Body, stop);
                    case FaultKind.Drop:
                        return null;
                    case FaultKind.Timeout:
                        var late = await ForwardAsync(request, request.Body, stop);
                        await Task.Delay(options.TimeoutHoldMilliseconds, stop);
                        return late;
                    case FaultKind.Unprocessed:
                        return await WithholdAsync(request, batch!, stop);
                    default:
                        return DynamoFaults.Answer(fault.Value);
                }
            }
            catch (Exception e) when (e is HttpRequestException or JsonException && !stop.IsCancellationRequested)
            {
                // The server is down, or its answer to a split batch was not the JSON it should be.
                statistics.UpstreamFailure();
                return ProxyResponse.Json(502, JsonSerializer.Serialize(new { message = "The upstream server failed: " + e.Message }));
            }
        }

        /// <summary>Forwards the part of the batch that is not withheld and adds the rest to the server's UnprocessedItems.</summary>
        private async Task<ProxyResponse> WithholdAsync(HttpRequest request, BatchWrite batch, CancellationToken stop)
        {
            var withheld = plan.ChooseWithheld(batch.Count);
            var forwardedBody = batch.ForwardedBody(withheld);
            var answer = forwardedBody is null ? null : await ForwardAsync(request, forwardedBody, stop);
            if (answer is { Status: not 200 })
            {
                // An error (a missing table, a bad item) is the server's word on the batch: pass it on unchanged.
                return answer;
            }
            var body = batch.AnswerWithUnprocessed(answer?.Body, withheld);
            statistics.Withheld(withheld.Count);
            return answer is null ? ProxyResponse.Json(200, body) : answer.WithBody(body);
        }

        /// <summary>The server's DescribeTable answer for a table billed as provisioned with this write capacity.</summary>
        private static ProxyResponse WithProvisionedWrites(ProxyResponse answer, double writeUnits)
        {
            if (answer.Status != 200 || JsonNode.Parse(answer.Body) is not JsonObject root || root["Table"] is not JsonObject table)
            {
                return answer;
            }
            var reads = table["ProvisionedThroughput"]?["ReadCapacityUnits"]?.GetValue<double>() is > 0 and var r ? r : writeUnits;
            table["ProvisionedThroughput"] = new JsonObject { ["ReadCapacityUnits"] = reads, ["WriteCapacityUnits"] = writeUnits };
            table["BillingModeSummary"] = new JsonObject { ["BillingMode"] = "PROVISIONED" };
            return answer.WithBody(JsonSerializer.SerializeToUtf8Bytes(root));
        }

        private async Task<ProxyResponse> ForwardAsync(HttpRequest request, byte[] body, CancellationToken stop)
        {
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(options.Upstream, request.Target));
            if (body.Length > 0 || request.Method != "GET")
            {
                message.Content = new ByteArrayContent(body);
            }
            foreach (var (name, value) in request.Headers)
            {
                if (!HopByHopHeaders.Contains(name) && !message.Headers.TryAddWithoutValidation(name, value))
                {
                    message.Content?.Headers.TryAddWithoutValidation(name, value);
                }
            }
            // The Host the client signed, even though the server listens on another port.
            message.Headers.Host = request.Header("Host");
            using var response = await upstream.SendAsync(message, stop);
            statistics.Forwarded();
            return await ProxyResponse.FromAsync(response, stop);
        }

        private static async Task TryAsync(Func<Task> write)
        {
            try
            {
                await write();
            }
            catch (Exception e) when (IsGoneOrStopping(e))
            {
                // The client is gone already.
            }
        }

        private static bool IsGoneOrStopping(Exception e) =>
            e is OperationCanceledException or IOException or SocketException or ObjectDisposedException;

        /// <summary>"DynamoDB_20120810.BatchWriteItem" -> "BatchWriteItem".</summary>
        private static string? Action(string? target) => target?.Substring(target.LastIndexOf('.') + 1);
    }
}
