using System.Diagnostics;
using System.Text;
using OrdersPipeline.Infra.Definitions;

namespace OrdersPipeline.Emulator;

/// <summary>
/// One Functions package process serving <see cref="LambdaRuntimeApi"/>, as Lambda runs it in a new execution
/// environment: the native package's <c>bootstrap</c>, or the managed package's assembly under <c>dotnet exec</c>
/// (its <c>Main</c> is the same entry point). Its output is kept for error messages; disposing kills it.
/// </summary>
public sealed class FunctionProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private FunctionProcess(Process process, long started)
    {
        _process = process;
        Started = started;
    }

    /// <summary>When <see cref="Process.Start()"/> was called (monotonic ticks).</summary>
    public long Started { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>User plus system CPU of the whole process so far.</summary>
    public TimeSpan TotalProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>What the process wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The command that runs a published package folder: <c>bootstrap</c> if it holds one, else
    /// <c>dotnet exec</c> of the assembly.</summary>
    public static (string FileName, string[] Arguments) CommandFor(string packageDirectory)
    {
        var bootstrap = Path.Combine(packageDirectory, FunctionsPackage.BootstrapFileName);
        return File.Exists(bootstrap)
            ? (bootstrap, [])
            : ("dotnet", ["exec", Path.Combine(packageDirectory, FunctionsPackage.AssemblyFileName)]);
    }

    public static FunctionProcess Start(string packageDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var (fileName, arguments) = CommandFor(packageDirectory);
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = packageDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var started = Stopwatch.GetTimestamp();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var function = new FunctionProcess(process, started);
        process.OutputDataReceived += (_, line) => function.Append(line.Data);
        process.ErrorDataReceived += (_, line) => function.Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return function;
    }

    /// <summary>Waits for the process to end by itself (after an init error, say).</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var timer = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(timer.Token).ConfigureAwait(false);
        return _process.ExitCode;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }
        _process.Dispose();
    }
}
