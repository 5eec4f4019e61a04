namespace OrdersPipeline.Functions.Timing;

/// <summary>
/// How an invocation spends its <see cref="Invocation.RemainingTime"/>. A write is started only while the time left
/// exceeds <see cref="StartReserve"/>: one worst-case SDK call plus <see cref="Margin"/>, so a write started at the
/// last moment still ends before the margin. At the margin every write still in flight is cancelled; what is not
/// written by then is reported, and the margin is left to build the response and flush the logs.
/// </summary>
/// <param name="Sdk">The SDK clients' retry and timeout settings.</param>
/// <param name="Margin">Time kept back at the end of the invocation.</param>
public sealed record TimeBudgetPolicy(SdkCallPolicy Sdk, TimeSpan Margin)
{
    /// <summary>
    /// The shortest start window (function timeout minus <see cref="StartReserve"/>) that is worth having.
    /// </summary>
    public static readonly TimeSpan MinimumStartWindow = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The shortest function timeout for which the arithmetic works with <see cref="Default"/>: 12 s (one worst-case
    /// call, <see cref="SdkCallPolicy.Default"/>) + 1 s margin + a 2 s start window = 15 s. Infra's
    /// processorTimeoutSeconds and auditTimeoutSeconds take this as their minimum (their maximum is Lambda's 900 s).
    /// </summary>
    public const int MinimumFunctionTimeoutSeconds = 15;

    /// <summary>Lambda's longest function timeout.</summary>
    public const int MaximumFunctionTimeoutSeconds = 900;

    public static TimeBudgetPolicy Default { get; } = new(SdkCallPolicy.Default, TimeSpan.FromSeconds(1));

    public TimeSpan StartReserve => Sdk.WorstCase + Margin;

    /// <summary>
    /// Whether a function with this timeout has at least <see cref="MinimumStartWindow"/> to start writes.
    /// </summary>
    public bool Fits(TimeSpan functionTimeout) => functionTimeout - StartReserve >= MinimumStartWindow;
}
