namespace OrdersPipeline.Deployer.Hosting;

/// <summary>The process's console streams, behind an interface so tests own stdin, stdout and stderr.</summary>
public interface IConsoleHost
{
    /// <summary>Machine-readable results (<c>--json</c>) and tables a user may pipe.</summary>
    TextWriter Out { get; }

    /// <summary>Progress, prompts and messages.</summary>
    TextWriter Error { get; }

    /// <summary>True when stdin is not a terminal, so nobody can answer a prompt.</summary>
    bool IsInputRedirected { get; }

    /// <summary>True when stderr is not a terminal, so progress is printed line by line instead of a live table.</summary>
    bool IsErrorRedirected { get; }

    string? ReadLine();
}

/// <summary>The real console.</summary>
public sealed class SystemConsoleHost : IConsoleHost
{
    public TextWriter Out => Console.Out;

    public TextWriter Error => Console.Error;

    public bool IsInputRedirected => Console.IsInputRedirected;

    public bool IsErrorRedirected => Console.IsErrorRedirected;

    public string? ReadLine() => Console.In.ReadLine();
}
