using OrdersPipeline.Deployer.Engine;

namespace OrdersPipeline.Deployer;

/// <summary>What the commands take from the machine: the engine (through the workspace port), the prompt,
/// environment variables and folders, the clock. <see cref="FromSystem"/> gives the real ones; tests pass fakes.
/// </summary>
/// <param name="SearchDirectories">Where to start looking for the repository root.</param>
public sealed record DeployerHost(
    Func<WorkspaceSettings, IStackWorkspace> OpenWorkspace,
    IPrompt Prompt,
    Func<string, string?> GetVariable,
    string HomeDirectory,
    IReadOnlyList<string> SearchDirectories,
    TimeProvider Clock)
{
    /// <summary>This machine's console, environment, home folder and clock, with <paramref name="openWorkspace"/> for
    /// the engine.</summary>
    public static DeployerHost FromSystem(Func<WorkspaceSettings, IStackWorkspace> openWorkspace) => new(
        openWorkspace,
        new ConsolePrompt(),
        Environment.GetEnvironmentVariable,
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
        [Environment.CurrentDirectory, AppContext.BaseDirectory],
        TimeProvider.System);
}

/// <summary>The one question the Deployer asks: confirming a destructive command.</summary>
public interface IPrompt
{
    /// <summary>True for "y" or "yes"; false for anything else; null when no terminal is attached to answer.</summary>
    bool? Confirm(string question);
}

public sealed class ConsolePrompt : IPrompt
{
    public bool? Confirm(string question)
    {
        if (Console.IsInputRedirected)
        {
            return null;
        }

        Console.Error.Write($"{question} [y/N]: ");
        var answer = Console.ReadLine()?.Trim();
        return string.Equals(answer, "y", StringComparison.OrdinalIgnoreCase)
               || string.Equals(answer, "yes", StringComparison.OrdinalIgnoreCase);
    }
}
