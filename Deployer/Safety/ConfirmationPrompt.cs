using OrdersPipeline.Deployer.Hosting;
using OrdersPipeline.Deployer.Operations;

namespace OrdersPipeline.Deployer.Safety;

/// <summary>Asks before destructive commands. <c>--yes</c> skips the question; without a terminal to answer it, the
/// command refuses (exit 2) instead of guessing.</summary>
public sealed class ConfirmationPrompt(IConsoleHost console)
{
    /// <summary>Returns when confirmed; throws a <see cref="FailureKind.Usage"/> failure when nobody can answer and a
    /// <see cref="FailureKind.Cancelled"/> failure when the answer is not yes.</summary>
    public void Require(string question, string commandLineWithYes, bool assumeYes)
    {
        if (assumeYes)
        {
            return;
        }

        if (console.IsInputRedirected)
        {
            throw new DeployerException(
                FailureKind.Usage,
                $"{question} needs confirmation, but no terminal is attached to answer it. "
                + $"Re-run with --yes to confirm: {commandLineWithYes}");
        }

        console.Error.Write($"{question} [y/N]: ");
        console.Error.Flush();
        var answer = console.ReadLine()?.Trim();
        if (!IsYes(answer))
        {
            throw new DeployerException(FailureKind.Cancelled, "Not confirmed; nothing was changed.");
        }
    }

    private static bool IsYes(string? answer) =>
        string.Equals(answer, "y", StringComparison.OrdinalIgnoreCase)
        || string.Equals(answer, "yes", StringComparison.OrdinalIgnoreCase);
}
