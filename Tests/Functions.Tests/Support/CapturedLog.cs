using System.Text.Json;
using OrdersPipeline.Functions.Logging;

namespace OrdersPipeline.Functions.Tests.Support;

/// <summary>A <see cref="JsonLog"/> whose lines the test can read back as JSON.</summary>
internal sealed class CapturedLog
{
    private readonly StringWriter _output = new();

    public CapturedLog() => Log = new JsonLog(_output);

    public JsonLog Log { get; }

    /// <summary>The writer the lines go to, for code that takes a writer rather than a log.</summary>
    public TextWriter Output => _output;

    public IReadOnlyList<JsonElement> Lines =>
        [.. _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    public IReadOnlyList<JsonElement> WithMessage(string message) =>
        [.. Lines.Where(l => l.GetProperty("message").GetString() == message)];
}
