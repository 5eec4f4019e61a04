namespace OrdersPipeline.Deployer;

/// <summary>The Deployer's exit codes.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int OperationFailed = 1;
    public const int UsageOrConfig = 2;

    /// <summary>128 + SIGINT, as shells report a Ctrl-C'd process; also "no" at a prompt.</summary>
    public const int Cancelled = 130;
}

/// <summary>A failure with a message meant for the user (no stack trace is printed) and the exit code it ends the
/// command with.</summary>
public sealed class DeployerException(int exitCode, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;
}
