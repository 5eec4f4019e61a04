namespace OrdersPipeline.Deployer;

/// <summary>The Deployer's exit codes (docs/deploying.md, "Exit codes").</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int OperationFailed = 1;
    public const int UsageOrConfig = 2;

    /// <summary>The machine lacks something the command needs before it can start: the Pulumi CLI (missing, unusable,
    /// or not installable, e.g. no network), the state passphrase, or the repository to run in.</summary>
    public const int Environment = 3;

    /// <summary>128 + SIGINT, as shells report a Ctrl-C'd process; also "no" at a prompt.</summary>
    public const int Cancelled = 130;
}

/// <summary>A failure with a message meant for the user (no stack trace is printed) and the exit code it ends the
/// command with.</summary>
public sealed class DeployerException(int exitCode, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;

    /// <summary>Each problem of a config check on its own (the message lists them too); empty otherwise.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}
