using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OrdersPipeline.Emulator;

/// <summary>Where the proxy drops the connection instead of answering.</summary>
public enum ProxyReset
{
    /// <summary>Answers normally.</summary>
    None,

    /// <summary>Drops the connection without forwarding: the request never reached the endpoint.</summary>
    BeforeForwarding,

    /// <summary>Forwards the request, waits for the endpoint's answer, then drops the connection: the call took
    /// effect but the client sees a reset, as when a connection breaks on the way back.</summary>
    AfterForwarding,
}

/// <summary>What the proxy does with one request before (or instead of) forwarding it.</summary>
/// <param name="Delay">Waits this long first (a slow endpoint; longer than a client's timeout, a hung one).</param>
/// <param name="Status">Answers this HTTP status with an AWS-style error instead of forwarding (a failing
/// endpoint).</param>
/// <param name="Reset">Drops the connection before or after forwarding instead of answering.</param>
public sealed record ProxyFault(TimeSpan Delay, int? Status = null, ProxyReset Reset = ProxyReset.None)
{
    public static readonly ProxyFault None = new(TimeSpan.Zero);

    public static ProxyFault Answer(int status) => new(TimeSpan.Zero, Status: status);

    public static ProxyFault ResetConnection(ProxyReset where) => new(TimeSpan.Zero, Reset: where);
}

/// <summary>The part of a request a fault rule looks at.</summary>
/// <param name="Target">The <c>X-Amz-Target</c> header of a JSON-protocol call (e.g.
/// <c>DynamoDB_20120810.PutItem</c>), if any.</param>
/// <param name="Body">The request body.</param>
public sealed record ProxyRequest(string Method, string Path, string? Target = null, byte[]? Body = null);

/// <summary>
/// A small HTTP proxy on a loopback port in front of the emulator that slows down, fails, hangs or resets chosen
/// requests, so the functions' time budget and failure handling can be tested against a real SDK client and a real
/// endpoint.
/// </summary>
public sealed class FaultInjectingProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Content-Length", "Transfer-Encoding", "Expect", "Keep-Alive",
    };

    private readonly HttpListener _listener = new();
    private readonly HttpClient _upstream;
    private readonly Func<ProxyRequest, ProxyFault> _rules;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _requests;

    private FaultInjectingProxy(Uri upstream, Func<ProxyRequest, ProxyFault> rules)
    {
        _upstream = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = upstream,
            Timeout = TimeSpan.FromSeconds(60),
        };
        _rules = rules;
        var port = FreePort();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public Uri Endpoint { get; }

    /// <summary>Requests received so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public static FaultInjectingProxy Start(Uri upstream, Func<ProxyRequest, ProxyFault> rules) => new(upstream, rules);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        Interlocked.Increment(ref _requests);
        var request = context.Request;
        var response = context.Response;
        var reset = false;
        try
        {
            using var body = new MemoryStream();
            await request.InputStream.CopyToAsync(body, _stop.Token);
            var fault = _rules(new ProxyRequest(
                request.HttpMethod, request.Url?.AbsolutePath ?? "/", request.Headers["X-Amz-Target"], body.ToArray()));
            if (fault.Delay > TimeSpan.Zero)
            {
                await Task.Delay(fault.Delay, _stop.Token);
            }
            if (fault.Reset == ProxyReset.BeforeForwarding)
            {
                reset = true;
                response.Abort();
                return;
            }
            if (fault.Status is { } status)
            {
                await AnswerErrorAsync(request, response, status);
                return;
            }
            var dropAnswer = fault.Reset == ProxyReset.AfterForwarding;
            await ForwardAsync(request, body.ToArray(), response, dropAnswer);
            reset = fault.Reset == ProxyReset.AfterForwarding;
        }
        catch (Exception)
        {
            // The client gave up (its timeout) or the proxy stops: nothing to answer.
        }
        finally
        {
            try
            {
                if (!reset)
                {
                    response.Close();
                }
            }
            catch (Exception)
            {
                // Already closed by a client that went away.
            }
        }
    }

    /// <summary>An AWS-style error: JSON for JSON-protocol calls (DynamoDB, SQS), XML otherwise (S3).</summary>
    private async Task AnswerErrorAsync(HttpListenerRequest request, HttpListenerResponse response, int status)
    {
        response.StatusCode = status;
        byte[] error;
        if (request.Headers["X-Amz-Target"] is not null)
        {
            response.ContentType = "application/x-amz-json-1.0";
            var type = status == 503 ? "ServiceUnavailable" : "InternalServerError";
            error = Encoding.UTF8.GetBytes($$"""
                {"__type":"com.amazonaws.dynamodb.v20120810#{{type}}","message":"injected by FaultInjectingProxy"}
                """);
        }
        else
        {
            response.ContentType = "application/xml";
            var code = status == 503 ? "ServiceUnavailable" : "InternalError";
            error = Encoding.UTF8.GetBytes(
                $"<Error><Code>{code}</Code><Message>injected by FaultInjectingProxy</Message></Error>");
        }
        await response.OutputStream.WriteAsync(error, _stop.Token);
    }

    private async Task ForwardAsync(
        HttpListenerRequest request, byte[] body, HttpListenerResponse response, bool dropAnswer)
    {
        using var upstream = new HttpRequestMessage(new HttpMethod(request.HttpMethod), request.RawUrl);
        if (body.Length > 0 || request.HttpMethod is "PUT" or "POST")
        {
            upstream.Content = new ByteArrayContent(body);
        }
        foreach (var name in request.Headers.AllKeys.OfType<string>().Where(n => !HopHeaders.Contains(n)))
        {
            var values = request.Headers.GetValues(name) ?? [];
            if (!upstream.Headers.TryAddWithoutValidation(name, values))
            {
                upstream.Content?.Headers.TryAddWithoutValidation(name, values);
            }
        }

        using var answer = await _upstream.SendAsync(upstream, _stop.Token);
        var bytes = await answer.Content.ReadAsByteArrayAsync(_stop.Token);
        if (dropAnswer)
        {
            // The endpoint has done the work; the client only sees the connection go.
            response.Abort();
            return;
        }
        response.StatusCode = (int)answer.StatusCode;
        foreach (var (name, values) in answer.Headers.Concat(answer.Content.Headers))
        {
            if (!HopHeaders.Contains(name))
            {
                response.Headers[name] = string.Join(",", values);
            }
        }
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes, _stop.Token);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception)
        {
            // Stopping.
        }
        _upstream.Dispose();
        _stop.Dispose();
    }
}
