using System.Net;
using System.Net.Sockets;

namespace OrdersPipeline.Emulator;

/// <summary>What the proxy does with one request before (or instead of) forwarding it.</summary>
/// <param name="Delay">Waits this long first (a slow endpoint; longer than a client's timeout, a hung one).</param>
/// <param name="Status">Answers this HTTP status with an AWS-style error instead of forwarding (a failing
/// endpoint).</param>
public sealed record ProxyFault(TimeSpan Delay, int? Status = null)
{
    public static readonly ProxyFault None = new(TimeSpan.Zero);
}

/// <summary>The part of a request a fault rule looks at.</summary>
public sealed record ProxyRequest(string Method, string Path);

/// <summary>
/// A small HTTP proxy on a loopback port in front of the emulator that slows down, fails or hangs chosen requests,
/// so the functions' time budget can be tested against a real SDK client and a real endpoint.
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
        try
        {
            var fault = _rules(new ProxyRequest(request.HttpMethod, request.Url?.AbsolutePath ?? "/"));
            if (fault.Delay > TimeSpan.Zero)
            {
                await Task.Delay(fault.Delay, _stop.Token);
            }
            if (fault.Status is { } status)
            {
                response.StatusCode = status;
                response.ContentType = "application/xml";
                var error =
                    "<Error><Code>InternalError</Code><Message>injected by FaultInjectingProxy</Message></Error>"u8.ToArray();
                await response.OutputStream.WriteAsync(error, _stop.Token);
                return;
            }
            await ForwardAsync(request, response);
        }
        catch (Exception)
        {
            // The client gave up (its timeout) or the proxy stops: nothing to answer.
        }
        finally
        {
            try
            {
                response.Close();
            }
            catch (Exception)
            {
                // Already closed by a client that went away.
            }
        }
    }

    private async Task ForwardAsync(HttpListenerRequest request, HttpListenerResponse response)
    {
        using var body = new MemoryStream();
        await request.InputStream.CopyToAsync(body, _stop.Token);
        using var upstream = new HttpRequestMessage(new HttpMethod(request.HttpMethod), request.RawUrl);
        if (body.Length > 0 || request.HttpMethod is "PUT" or "POST")
        {
            upstream.Content = new ByteArrayContent(body.ToArray());
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
        response.StatusCode = (int)answer.StatusCode;
        foreach (var (name, values) in answer.Headers.Concat(answer.Content.Headers))
        {
            if (!HopHeaders.Contains(name))
            {
                response.Headers[name] = string.Join(",", values);
            }
        }
        var bytes = await answer.Content.ReadAsByteArrayAsync(_stop.Token);
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
