using OrdersPipeline.Deployer.Hosting;

namespace OrdersPipeline.Deployer.Tests.Support;

/// <summary>A console whose streams are strings. By default stdin and stderr are redirected (no terminal).</summary>
internal sealed class FakeConsole : IConsoleHost
{
    private readonly Queue<string?> _answers = new();

    public StringWriter OutWriter { get; } = new();

    public StringWriter ErrorWriter { get; } = new();

    public TextWriter Out => OutWriter;

    public TextWriter Error => ErrorWriter;

    public bool IsInputRedirected { get; set; } = true;

    public bool IsErrorRedirected => true;

    public int PromptsRead { get; private set; }

    /// <summary>A terminal user who will type <paramref name="answers"/>.</summary>
    public void AttachTerminal(params string?[] answers)
    {
        IsInputRedirected = false;
        foreach (var answer in answers)
        {
            _answers.Enqueue(answer);
        }
    }

    public string? ReadLine()
    {
        PromptsRead++;
        return _answers.Count > 0 ? _answers.Dequeue() : null;
    }

    public string StdOut => OutWriter.ToString();

    public string StdErr => ErrorWriter.ToString();
}
