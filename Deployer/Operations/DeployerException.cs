namespace OrdersPipeline.Deployer.Operations;

/// <summary>Why a command stopped. Each kind maps to one exit code (see <see cref="ExitCodes"/>).</summary>
public enum FailureKind
{
    /// <summary>Bad command line, or a confirmation that cannot be asked.</summary>
    Usage,

    /// <summary>Invalid config, missing passphrase, protected stack.</summary>
    Configuration,

    /// <summary>The Pulumi CLI is missing or unusable.</summary>
    PulumiCliMissing,

    StackNotFound,

    /// <summary>Another update holds the stack's lock.</summary>
    ConcurrentUpdate,

    /// <summary>The engine, a provider or the program failed.</summary>
    OperationFailed,

    /// <summary>Ctrl-C, or the user declined a confirmation.</summary>
    Cancelled,
}

/// <summary>A failure with a message meant for the user (no stack trace is printed).</summary>
public sealed class DeployerException(FailureKind kind, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public FailureKind Kind { get; } = kind;
}
