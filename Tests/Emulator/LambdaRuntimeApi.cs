using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Threading.Channels;

namespace OrdersPipeline.Emulator;

/// <summary>What a function returned for one invocation, and when (monotonic <see cref="Stopwatch"/> ticks).</summary>
public sealed record LambdaInvocationResult(byte[] Body, bool IsError, long HandedOut, long Returned)
{
    public TimeSpan Duration => Stopwatch.GetElapsedTime(HandedOut, Returned);
}

/// <summary>
/// Lambda's Runtime API (<c>/2018-06-01/runtime/...</c>) on 127.0.0.1 and a free port, for running a function's
/// <c>bootstrap</c> as Lambda's custom runtime does: the process asks for the next invocation, gets the event with the
/// request id and deadline headers, and posts a response or an error. An init error is kept in <see cref="InitError"/>.
/// Serves one function process at a time.
/// </summary>
public sealed class LambdaRuntimeApi : IAsyncDisposable
{
    private const string Prefix = "/2018-06-01/runtime/";
    private readonly HttpListener _listener = new();
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>();
    private readonly ConcurrentDictionary<string, Pending> _inFlight = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<long> _firstPoll = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;

    public LambdaRuntimeApi()
    {
        var port = MotoProcess.FreePort();
        Address = $"127.0.0.1:{port}";
        _listener.Prefixes.Add($"http://{Address}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>The value of <c>AWS_LAMBDA_RUNTIME_API</c> for the function process.</summary>
    public string Address { get; }

    /// <summary>The error body the function posted to <c>/init/error</c>, if it did.</summary>
    public string? InitError { get; private set; }

    /// <summary>When the function first asked for an invocation: the end of its init phase.</summary>
    public Task<long> FirstPoll => _firstPoll.Task;

    /// <summary>The environment a custom runtime gives its <c>bootstrap</c>, for a function with this handler, plus
    /// the function's own <paramref name="settings"/>.</summary>
    public IReadOnlyDictionary<string, string> Environment(
        string handler, string functionName, params IEnumerable<IReadOnlyDictionary<string, string>> settings)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_LAMBDA_RUNTIME_API"] = Address,
            ["_HANDLER"] = handler,
            ["AWS_LAMBDA_FUNCTION_NAME"] = functionName,
            ["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST",
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "512",
            ["AWS_LAMBDA_LOG_GROUP_NAME"] = $"/aws/lambda/{functionName}",
            ["AWS_LAMBDA_LOG_STREAM_NAME"] = "local",
        };
        foreach (var (name, value) in settings.SelectMany(variables => variables))
        {
            environment[name] = value;
        }
        return environment;
    }

    /// <summary>Queues one event and waits for the function's answer.</summary>
    public async Task<LambdaInvocationResult> InvokeAsync(byte[] eventJson, TimeSpan timeout, CancellationToken cancel = default)
    {
        var pending = new Pending(Guid.NewGuid().ToString(), eventJson, timeout);
        await _queue.Writer.WriteAsync(pending, cancel).ConfigureAwait(false);
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timer.CancelAfter(timeout + TimeSpan.FromSeconds(5));
        return await pending.Result.Task.WaitAsync(timer.Token).ConfigureAwait(false);
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            // The next-invocation request waits for an event, so each request is answered on its own.
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var path = context.Request.Url!.AbsolutePath;
            if (!path.StartsWith(Prefix, StringComparison.Ordinal))
            {
                response.StatusCode = 404;
                return;
            }

            var route = path[Prefix.Length..].Split('/');
            switch (context.Request.HttpMethod, route)
            {
                case ("GET", ["invocation", "next"]):
                    await HandOutNextAsync(response).ConfigureAwait(false);
                    return;
                case ("POST", ["invocation", var requestId, "response" or "error"]):
                    var body = await ReadBodyAsync(context.Request).ConfigureAwait(false);
                    if (!_inFlight.TryRemove(requestId, out var pending))
                    {
                        response.StatusCode = 400;
                        return;
                    }
                    pending.Result.TrySetResult(new LambdaInvocationResult(
                        body, route[2] == "error", pending.HandedOut, Stopwatch.GetTimestamp()));
                    response.StatusCode = 202;
                    return;
                case ("POST", ["init", "error"]):
                    InitError = System.Text.Encoding.UTF8.GetString(await ReadBodyAsync(context.Request).ConfigureAwait(false));
                    response.StatusCode = 202;
                    return;
                default:
                    response.StatusCode = 404;
                    return;
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
            // Shutting down while the function still polls.
        }
        finally
        {
            try
            {
                response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                // The function process may already be gone.
            }
        }
    }

    private async Task HandOutNextAsync(HttpListenerResponse response)
    {
        _firstPoll.TrySetResult(Stopwatch.GetTimestamp());
        var pending = await _queue.Reader.ReadAsync(_stop.Token).ConfigureAwait(false);
        pending.HandedOut = Stopwatch.GetTimestamp();
        _inFlight[pending.RequestId] = pending;
        var deadline = DateTimeOffset.UtcNow.Add(pending.Timeout).ToUnixTimeMilliseconds();
        response.StatusCode = 200;
        response.ContentType = "application/json";
        response.Headers["Lambda-Runtime-Aws-Request-Id"] = pending.RequestId;
        response.Headers["Lambda-Runtime-Deadline-Ms"] = deadline.ToString(CultureInfo.InvariantCulture);
        response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = "arn:aws:lambda:us-east-1:123456789012:function:local";
        response.Headers["Lambda-Runtime-Trace-Id"] = "Root=1-00000000-000000000000000000000000;Sampled=0";
        response.ContentLength64 = pending.Event.Length;
        await response.OutputStream.WriteAsync(pending.Event).ConfigureAwait(false);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpListenerRequest request)
    {
        using var buffer = new MemoryStream();
        await request.InputStream.CopyToAsync(buffer).ConfigureAwait(false);
        return buffer.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        _listener.Close();
        try
        {
            await _serving.ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
        }
        foreach (var pending in _inFlight.Values)
        {
            pending.Result.TrySetCanceled();
        }
        _stop.Dispose();
    }

    private sealed class Pending(string requestId, byte[] eventJson, TimeSpan timeout)
    {
        public string RequestId { get; } = requestId;
        public byte[] Event { get; } = eventJson;
        public TimeSpan Timeout { get; } = timeout;
        public long HandedOut { get; set; }
        public TaskCompletionSource<LambdaInvocationResult> Result { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
