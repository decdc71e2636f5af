using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Chinook.FaultProxy
{
    /// <summary>One HTTP/1.1 request as it came from the client.</summary>
    internal sealed record HttpRequest(string Method, string Target, string Version, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
    {
        public string? Header(string name) => Headers.FirstOrDefault(header => header.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

        public bool KeepAlive => Version == "HTTP/1.1" && !string.Equals(Header("Connection"), "close", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The client sent something this proxy will not read; it answers with this status and closes.</summary>
    internal sealed class BadRequestException : Exception
    {
        public BadRequestException(int status, string message) : base(message) => Status = status;

        public int Status { get; }
    }

    /// <summary>
    /// Just enough HTTP/1.1 for DynamoDB's clients: requests with a Content-Length body on a kept-alive connection.
    /// Written on a bare socket (not HttpListener) because the 'drop' fault must close a connection without
    /// sending a byte, which HttpListener cannot do.
    /// </summary>
    internal sealed class HttpRequestReader
    {
        private const int MaxLineBytes = 16 * 1024;
        private const int MaxHeaders = 100;
        /// <summary>DynamoDB's own limit on a request is 16 MB.</summary>
        private const int MaxBodyBytes = 16 * 1024 * 1024 + 64 * 1024;
        private static readonly byte[] Continue = Encoding.ASCII.GetBytes("HTTP/1.1 100 Continue\r\n\r\n");

        private readonly Stream stream;
        private readonly byte[] buffer = new byte[MaxLineBytes];
        private int start;
        private int end;

        public HttpRequestReader(Stream stream) => this.stream = stream;

        /// <summary>The next request, or null when the client closed the connection between requests.</summary>
        public async Task<HttpRequest?> ReadAsync(CancellationToken cancellation)
        {
            var requestLine = await ReadLineAsync(cancellation);
            if (requestLine is null)
            {
                return null;
            }
            var parts = requestLine.Split(' ');
            // Origin-form targets only ("/", "/__stats"): this is no forward proxy to any other host.
            if (parts.Length != 3 || !parts[1].StartsWith('/') || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
            {
                throw new BadRequestException(400, "Not an HTTP/1.x request line with a path.");
            }
            var headers = new List<KeyValuePair<string, string>>();
            for (var line = await ReadLineAsync(cancellation); line != string.Empty; line = await ReadLineAsync(cancellation))
            {
                var colon = line?.IndexOf(':') ?? -1;
                if (line is null || colon <= 0 || headers.Count == MaxHeaders)
                {
                    throw new BadRequestException(400, "Malformed or too many headers.");
                }
                headers.Add(new KeyValuePair<string, string>(line.Substring(0, colon).Trim(), line.Substring(colon + 1).Trim()));
            }
            var request = new HttpRequest(parts[0], parts[1], parts[2], headers, Array.Empty<byte>());
            if (request.Header("Transfer-Encoding") is not null)
            {
                throw new BadRequestException(411, "Chunked request bodies are not supported; send a Content-Length.");
            }
            var length = long.TryParse(request.Header("Content-Length") ?? "0", out var declared) ? declared : -1;
            if (length < 0 || length > MaxBodyBytes)
            {
                throw new BadRequestException(413, "Missing, malformed or too large Content-Length.");
            }
            if (length > 0 && string.Equals(request.Header("Expect"), "100-continue", StringComparison.OrdinalIgnoreCase))
            {
                await stream.WriteAsync(Continue, cancellation);
            }
            return request with { Body = await ReadBodyAsync((int)length, cancellation) };
        }

        /// <summary>A line without its CRLF; null at the end of the stream before any byte of it.</summary>
        private async Task<string?> ReadLineAsync(CancellationToken cancellation)
        {
            while (true)
            {
                var newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
                if (newline >= 0)
                {
                    var line = Encoding.Latin1.GetString(buffer, start, newline - start).TrimEnd('\r');
                    start = newline + 1;
                    return line;
                }
                if (start == 0 && end == buffer.Length)
                {
                    throw new BadRequestException(431, "A header line is too long.");
                }
                Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
                var read = await stream.ReadAsync(buffer.AsMemory(end), cancellation);
                if (read == 0)
                {
                    return end == 0 ? null : throw new EndOfStreamException("The connection closed inside a request.");
                }
                end += read;
            }
        }

        private async Task<byte[]> ReadBodyAsync(int length, CancellationToken cancellation)
        {
            var body = new byte[length];
            var buffered = Math.Min(length, end - start);
            Buffer.BlockCopy(buffer, start, body, 0, buffered);
            start += buffered;
            await stream.ReadExactlyAsync(body.AsMemory(buffered), cancellation);
            return body;
        }
    }

    internal static class HttpResponseWriter
    {
        // Framing is the proxy's own on each side of it; the body is sent whole with its own length.
        private static readonly HashSet<string> FramingHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Connection", "Keep-Alive", "Transfer-Encoding", "Content-Length",
        };

        public static async Task WriteAsync(Stream stream, ProxyResponse response, bool close, CancellationToken cancellation)
        {
            var head = new StringBuilder($"HTTP/1.1 {response.Status} {response.Reason}\r\n");
            foreach (var (name, value) in response.Headers.Where(header => !FramingHeaders.Contains(header.Key)))
            {
                head.Append(name).Append(": ").Append(value).Append("\r\n");
            }
            head.Append("Content-Length: ").Append(response.Body.Length).Append("\r\n");
            if (close)
            {
                head.Append("Connection: close\r\n");
            }
            head.Append("\r\n");
            await stream.WriteAsync(Encoding.Latin1.GetBytes(head.ToString()), cancellation);
            await stream.WriteAsync(response.Body, cancellation);
            await stream.FlushAsync(cancellation);
        }
    }
}
