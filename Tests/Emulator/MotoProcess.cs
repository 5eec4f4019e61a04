using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OrdersPipeline.Emulator;

/// <summary>A moto_server child process on 127.0.0.1 and a free port, stopped on dispose.</summary>
internal sealed class MotoProcess : IAsyncDisposable
{
    private readonly Process _process;

    private MotoProcess(Process process, Uri endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    /// <summary>The moto_server executable: <c>MOTO_SERVER</c> if set, else the first on PATH.</summary>
    public static string? FindExecutable()
    {
        var configured = Environment.GetEnvironmentVariable("MOTO_SERVER");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "moto_server"))
            .FirstOrDefault(File.Exists);
    }

    public static async Task<MotoProcess> StartAsync(string executable, TimeSpan timeout)
    {
        var port = FreePort();
        var process = Process.Start(new ProcessStartInfo(executable, ["-H", "127.0.0.1", "-p", port.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new EmulatorUnavailableException($"Could not start {executable}.");
        // Drain its output so a chatty server never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var moto = new MotoProcess(process, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            await moto.WaitUntilReadyAsync(timeout);
            return moto;
        }
        catch
        {
            await moto.DisposeAsync();
            throw;
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new EmulatorUnavailableException($"moto_server exited with code {_process.ExitCode} during start-up.");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Endpoint, "/moto-api/"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(50);
        }
        throw new EmulatorUnavailableException($"moto_server did not answer on {Endpoint} within {timeout.TotalSeconds:0} s.");
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException) { }
        catch (TimeoutException) { }
        _process.Dispose();
    }
}
