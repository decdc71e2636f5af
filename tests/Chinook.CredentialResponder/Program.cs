using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Web;

// Arguments: <dynamo endpoint> <call log file> [denied role ARN ...]. Prints the listening URL, then serves until stdin closes.
// A role whose name ends in "ShortLived" gets credentials that expire in 4 minutes: inside the SDK's 5-minute renewal
// window, so the SDK renews them before every use, as it does an hour into a long run.
const string RefreshedTokenPrefix = "oidc-renewed-";
var dynamo = new Uri(args[0]);
var log = args[1];
var deniedRoles = args.Skip(2).ToHashSet(StringComparer.Ordinal);
var port = FreePort();
var listener = new HttpListener();
listener.Prefixes.Add($"http://127.0.0.1:{port}/");
listener.Start();
Console.WriteLine($"http://127.0.0.1:{port}");
var forwarder = new HttpClient();
var issued = 0;
_ = Task.Run(async () =>
{
    while (true)
    {
        var context = await listener.GetContextAsync();
        _ = Task.Run(() => Answer(context));
    }
});
Console.In.ReadToEnd();

async Task Answer(HttpListenerContext context)
{
    var request = context.Request;
    var body = await new StreamReader(request.InputStream).ReadToEndAsync();
    try
    {
        if (request.Headers["X-Amz-Target"] is { } target && target.StartsWith("DynamoDB_", StringComparison.Ordinal))
        {
            var key = Regex.Match(request.Headers["Authorization"] ?? "", "Credential=([^/]+)/").Groups[1].Value;
            Record(new { call = "DynamoDB", accessKeyId = key, sessionToken = request.Headers["X-Amz-Security-Token"] });
            await Forward(context, body);
            return;
        }
        if (request.HttpMethod == "POST" && body.Contains("Action=", StringComparison.Ordinal))
        {
            var form = HttpUtility.ParseQueryString(body);
            var action = form["Action"]!;
            var roleArn = form["RoleArn"];
            var signedBy = Regex.Match(request.Headers["Authorization"] ?? "", "Credential=([^/]+)/").Groups[1].Value;
            Record(new { call = action, roleArn, externalId = form["ExternalId"], signedBy, tokenCode = form["TokenCode"] });
            if (roleArn is not null && deniedRoles.Contains(roleArn))
            {
                await Write(context, 403, "text/xml", $"<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User is not authorized to perform: sts:{action} on resource: {roleArn}</Message></Error><RequestId>r-1</RequestId></ErrorResponse>");
                return;
            }
            var (id, secret, token) = Issue(action);
            var lifetime = roleArn?.EndsWith("ShortLived", StringComparison.Ordinal) == true ? TimeSpan.FromMinutes(4) : TimeSpan.FromHours(1);
            var expiry = DateTime.UtcNow.Add(lifetime).ToString("yyyy-MM-ddTHH:mm:ssZ");
            var resultName = action + "Result";
            await Write(context, 200, "text/xml",
                $"<{action}Response xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><{resultName}><Credentials><AccessKeyId>{id}</AccessKeyId><SecretAccessKey>{secret}</SecretAccessKey><SessionToken>{token}</SessionToken><Expiration>{expiry}</Expiration></Credentials>" +
                $"<AssumedRoleUser><AssumedRoleId>AROA:s</AssumedRoleId><Arn>{roleArn}/s</Arn></AssumedRoleUser></{resultName}><ResponseMetadata><RequestId>r-2</RequestId></ResponseMetadata></{action}Response>");
            return;
        }
        if (request.Url!.AbsolutePath == "/federation/credentials")
        {
            Record(new { call = "GetRoleCredentials", roleName = request.QueryString["role_name"], accountId = request.QueryString["account_id"], bearer = Bearer(request.Headers["x-amz-sso_bearer_token"]) });
            var (id, secret, token) = Issue("SSO");
            var expiration = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeMilliseconds();
            await Write(context, 200, "application/json", JsonSerializer.Serialize(new { roleCredentials = new { accessKeyId = id, secretAccessKey = secret, sessionToken = token, expiration } }));
            return;
        }
        if (request.Url.AbsolutePath == "/token" && request.HttpMethod == "POST")
        {
            // SSO-OIDC CreateToken: the SDK renews an expired `aws sso login` token with the cached refresh token.
            using var json = JsonDocument.Parse(body);
            var grant = json.RootElement.GetProperty("grantType").GetString();
            var refreshToken = json.RootElement.TryGetProperty("refreshToken", out var given) ? given.GetString() : null;
            Record(new { call = "CreateToken", grantType = grant, clientId = json.RootElement.GetProperty("clientId").GetString(), refreshTokenGiven = refreshToken is not null });
            await Write(context, 200, "application/json", JsonSerializer.Serialize(new
            {
                accessToken = $"{RefreshedTokenPrefix}{Guid.NewGuid():N}",
                tokenType = "Bearer",
                expiresIn = 3600,
                refreshToken = $"refresh-renewed-{Guid.NewGuid():N}",
            }));
            return;
        }
        if (request.Url.AbsolutePath == "/container-credentials")
        {
            Record(new { call = "ContainerCredentials", authorization = request.Headers["Authorization"] });
            var (id, secret, token) = Issue("Container");
            await Write(context, 200, "application/json", JsonSerializer.Serialize(new { AccessKeyId = id, SecretAccessKey = secret, Token = token, Expiration = DateTime.UtcNow.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssZ") }));
            return;
        }
        Record(new { call = "Unknown", method = request.HttpMethod, path = request.Url.AbsolutePath });
        await Write(context, 404, "text/plain", "not served here");
    }
    catch (Exception ex)
    {
        Record(new { call = "ResponderError", error = ex.Message });
        await Write(context, 500, "text/plain", ex.Message);
    }
}

// Which token signed a portal call, without writing the token itself to the log.
static string? Bearer(string? token) => token is null ? null : token.StartsWith(RefreshedTokenPrefix, StringComparison.Ordinal) ? "refreshed" : "cached";

(string Id, string Secret, string Token) Issue(string kind)
{
    var n = Interlocked.Increment(ref issued);
    var credentials = ($"ASIARESP{kind.ToUpperInvariant()[..3]}{n:D6}", $"secret-{kind}-{n}-{Guid.NewGuid():N}", $"token-{kind}-{n}-{Guid.NewGuid():N}");
    Record(new { call = "Issued", kind, accessKeyId = credentials.Item1, secretAccessKey = credentials.Item2, sessionToken = credentials.Item3 });
    return credentials;
}

async Task Forward(HttpListenerContext context, string body)
{
    using var message = new HttpRequestMessage(HttpMethod.Post, dynamo) { Content = new StringContent(body, Encoding.UTF8) };
    message.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-amz-json-1.0");
    foreach (var name in new[] { "X-Amz-Target", "Authorization", "X-Amz-Date", "X-Amz-Security-Token" })
    {
        if (context.Request.Headers[name] is { } value) message.Headers.TryAddWithoutValidation(name, value);
    }
    using var answer = await forwarder.SendAsync(message);
    await Write(context, (int)answer.StatusCode, "application/x-amz-json-1.0", await answer.Content.ReadAsStringAsync());
}

static async Task Write(HttpListenerContext context, int status, string contentType, string text)
{
    var bytes = Encoding.UTF8.GetBytes(text);
    context.Response.StatusCode = status;
    context.Response.ContentType = contentType;
    context.Response.ContentLength64 = bytes.Length;
    await context.Response.OutputStream.WriteAsync(bytes);
    context.Response.Close();
}

void Record(object call)
{
    lock (log) File.AppendAllText(log, JsonSerializer.Serialize(call) + "\n");
}

static int FreePort()
{
    var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
    probe.Start();
    var port = ((IPEndPoint)probe.LocalEndpoint).Port;
    probe.Stop();
    return port;
}
