using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO.Hashing;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Chinook.FaultProxy
{
    /// <summary>An answer to the client: forwarded from the upstream server, rewritten, or made up as a fault.</summary>
    internal sealed class ProxyResponse
    {
        private const string Crc32Header = "x-amz-crc32";
        private const string AmzJson = "application/x-amz-json-1.0";

        private ProxyResponse(int status, string reason, IReadOnlyList<KeyValuePair<string, string>> headers, byte[] body)
        {
            Status = status;
            Reason = reason;
            Headers = headers;
            Body = body;
        }

        public int Status { get; }
        public string Reason { get; }
        public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }
        public byte[] Body { get; }

        public static async Task<ProxyResponse> FromAsync(HttpResponseMessage response, CancellationToken cancellation)
        {
            var headers = response.Headers.Concat(response.Content.Headers)
                .SelectMany(header => header.Value.Select(value => new KeyValuePair<string, string>(header.Key, value)))
                .ToList();
            var body = await response.Content.ReadAsByteArrayAsync(cancellation);
            return new ProxyResponse((int)response.StatusCode, response.ReasonPhrase ?? string.Empty, headers, body);
        }

        /// <summary>A DynamoDB JSON error, as the service sends it.</summary>
        public static ProxyResponse Error(int status, string type, string message)
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["__type"] = type, ["message"] = message });
            return Json(status, body);
        }

        /// <summary>A JSON body with DynamoDB's headers: content type, request id, date and the body's CRC-32.</summary>
        public static ProxyResponse Json(int status, byte[] body)
        {
            var headers = new List<KeyValuePair<string, string>>
            {
                new KeyValuePair<string, string>("Content-Type", AmzJson),
                new KeyValuePair<string, string>("x-amzn-RequestId", Guid.NewGuid().ToString("N").ToUpperInvariant()),
                new KeyValuePair<string, string>("Date", DateTime.UtcNow.ToString("r", CultureInfo.InvariantCulture)),
            };
            return new ProxyResponse(status, ReasonPhrase(status), headers, Array.Empty<byte>()).WithBody(body);
        }

        public static ProxyResponse Json(int status, string body) => Json(status, Encoding.UTF8.GetBytes(body));

        /// <summary>The same answer with another body, and a CRC-32 that matches it (clients check it).</summary>
        public ProxyResponse WithBody(byte[] body)
        {
            var crc = Crc32.HashToUInt32(body).ToString(CultureInfo.InvariantCulture);
            var headers = Headers.Where(header => !header.Key.Equals(Crc32Header, StringComparison.OrdinalIgnoreCase))
                .Append(new KeyValuePair<string, string>(Crc32Header, crc))
                .ToList();
            return new ProxyResponse(Status, Reason, headers, body);
        }

        private static string ReasonPhrase(int status) => status switch
        {
            200 => "OK",
            400 => "Bad Request",
            411 => "Length Required",
            413 => "Payload Too Large",
            431 => "Request Header Fields Too Large",
            500 => "Internal Server Error",
            502 => "Bad Gateway",
            503 => "Service Unavailable",
            _ => "Status " + status.ToString(CultureInfo.InvariantCulture),
        };
    }
}
