using OrdersPipeline.Deployer.Operations;

namespace OrdersPipeline.Deployer;

/// <summary>The Deployer's exit codes.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int OperationFailed = 1;
    public const int UsageOrConfig = 2;

    /// <summary>128 + SIGINT, as shells report a Ctrl-C'd process.</summary>
    public const int Cancelled = 130;

    public static int For(FailureKind kind) => kind switch
    {
        FailureKind.Usage or FailureKind.Configuration or FailureKind.PulumiCliMissing or FailureKind.StackNotFound
            => UsageOrConfig,
        FailureKind.Cancelled => Cancelled,
        FailureKind.ConcurrentUpdate or FailureKind.OperationFailed => OperationFailed,
        _ => OperationFailed,
    };
}
