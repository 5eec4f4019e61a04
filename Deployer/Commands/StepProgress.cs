using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using OrdersPipeline.Deployer.Engine;

namespace OrdersPipeline.Deployer.Commands;

/// <summary>Writes one line per finished resource step, named by the engine's own <see cref="ResourceOperation"/>,
/// and each diagnostic the engine reports, as they arrive. <see cref="OnEvent"/> is called on the engine's event
/// thread.</summary>
internal sealed partial class StepProgress(TextWriter writer, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _started = new(StringComparer.Ordinal);
    private readonly Lock _writeGate = new();
    private readonly ConcurrentQueue<string> _errors = new();

    /// <summary>Error diagnostics written so far.</summary>
    public int ErrorCount => _errors.Count;

    /// <summary>The error diagnostics written so far, as written (without the <c>error: </c> prefix).</summary>
    public IReadOnlyList<string> Errors => [.. _errors];

    public void OnEvent(ProgressEvent progressEvent)
    {
        if (progressEvent is StepStarted started)
        {
            _started[started.Step.Urn] = clock.GetUtcNow();
        }
        else if (progressEvent is StepFinished finished)
        {
            WriteStep(finished.Step, failed: false);
        }
        else if (progressEvent is StepFailed failed)
        {
            WriteStep(failed.Step, failed: true);
        }
        else if (progressEvent is EngineDiagnostic { Ephemeral: false } diagnostic)
        {
            WriteDiagnostic(diagnostic);
        }
    }

    /// <summary>The engine's name for the operation, camel-cased: <c>create</c>, <c>createReplacement</c>.</summary>
    public static string Name(ResourceOperation operation)
    {
        var name = operation.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static string Format(TimeSpan duration) =>
        duration.TotalSeconds < 60
            ? duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s"
            : $"{(int)duration.TotalMinutes}m{duration.Seconds:00}s";

    private void WriteStep(ResourceStep step, bool failed)
    {
        var elapsed = _started.TryRemove(step.Urn, out var started) ? clock.GetUtcNow() - started : TimeSpan.Zero;
        var operation = Name(step.Operation) + (failed ? " FAILED" : "");
        WriteLine($"  {operation,-20} {step.Type,-45} {ResourceName(step.Urn)} ({Format(elapsed)})");
    }

    private void WriteDiagnostic(EngineDiagnostic diagnostic)
    {
        var prefix = diagnostic.Severity switch
        {
            "error" => "error: ",
            "warning" => "warning: ",
            "info" or "info#err" => "",
            _ => null, // debug
        };
        var text = ColorTags().Replace(diagnostic.Message, "").Trim();
        if (prefix is null || text.Length == 0)
        {
            return;
        }

        var resource = string.IsNullOrEmpty(diagnostic.Urn) ? "" : $"[{ResourceName(diagnostic.Urn)}] ";
        if (diagnostic.Severity == "error")
        {
            _errors.Enqueue(resource + text);
        }

        WriteLine(prefix + resource + text);
    }

    private void WriteLine(string line)
    {
        lock (_writeGate)
        {
            writer.WriteLine(line);
        }
    }

    /// <summary>The last <c>::</c> segment of a URN.</summary>
    private static string ResourceName(string urn)
    {
        var separator = urn.LastIndexOf("::", StringComparison.Ordinal);
        return separator < 0 ? urn : urn[(separator + 2)..];
    }

    /// <summary>The engine's colour directives, e.g. <c>&lt;{%reset%}&gt;</c>.</summary>
    [GeneratedRegex(@"<\{%[^%]*%\}>")]
    private static partial Regex ColorTags();
}
