using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Pulumi.Automation;
using Pulumi.Automation.Events;

namespace OrdersPipeline.Deployer.Commands;

/// <summary>Writes one line per finished resource step, named by Pulumi's own <see cref="OperationType"/>, and each
/// diagnostic the engine reports, as they arrive. <see cref="OnEvent"/> is called on the Automation API's event
/// thread.</summary>
internal sealed partial class StepProgress(TextWriter writer, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _started = new(StringComparer.Ordinal);
    private readonly Lock _writeGate = new();
    private int _errorCount;

    /// <summary>Error diagnostics written so far.</summary>
    public int ErrorCount => Volatile.Read(ref _errorCount);

    public void OnEvent(EngineEvent engineEvent)
    {
        if (engineEvent.ResourcePreEvent is { } pre)
        {
            _started[pre.Metadata.Urn] = clock.GetUtcNow();
        }
        else if (engineEvent.ResourceOutputsEvent is { } outputs)
        {
            WriteStep(outputs.Metadata, failed: false);
        }
        else if (engineEvent.ResourceOperationFailedEvent is { } failed)
        {
            WriteStep(failed.Metadata, failed: true);
        }
        else if (engineEvent.DiagnosticEvent is { Ephemeral: not true } diagnostic)
        {
            WriteDiagnostic(diagnostic);
        }
    }

    /// <summary>Pulumi's name for the operation, camel-cased: <c>create</c>, <c>createReplacement</c>.</summary>
    public static string Name(OperationType operation)
    {
        var name = operation.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static string Format(TimeSpan duration) =>
        duration.TotalSeconds < 60
            ? duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s"
            : $"{(int)duration.TotalMinutes}m{duration.Seconds:00}s";

    private void WriteStep(StepEventMetadata step, bool failed)
    {
        var elapsed = _started.TryRemove(step.Urn, out var started) ? clock.GetUtcNow() - started : TimeSpan.Zero;
        var operation = Name(step.Op) + (failed ? " FAILED" : "");
        WriteLine($"  {operation,-20} {step.Type,-45} {ResourceName(step.Urn)} ({Format(elapsed)})");
    }

    private void WriteDiagnostic(DiagnosticEvent diagnostic)
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

        if (diagnostic.Severity == "error")
        {
            Interlocked.Increment(ref _errorCount);
        }

        var resource = string.IsNullOrEmpty(diagnostic.Urn) ? "" : $"[{ResourceName(diagnostic.Urn)}] ";
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

    /// <summary>Pulumi's colour directives, e.g. <c>&lt;{%reset%}&gt;</c>.</summary>
    [GeneratedRegex(@"<\{%[^%]*%\}>")]
    private static partial Regex ColorTags();
}
