namespace OrdersPipeline.Functions.Timing;

/// <summary>
/// One invocation's deadline (now + <see cref="Invocation.RemainingTime"/>) under a <see cref="TimeBudgetPolicy"/>.
/// </summary>
public sealed class TimeBudget : IDisposable
{
    private readonly TimeProvider _time;
    private readonly DateTimeOffset _deadline;
    private readonly TimeBudgetPolicy _policy;
    private readonly CancellationTokenSource _cancellation;

    public TimeBudget(TimeSpan remaining, TimeBudgetPolicy policy, TimeProvider time)
    {
        _time = time;
        _policy = policy;
        _deadline = time.GetUtcNow() + remaining;
        var untilCancel = remaining - policy.Margin;
        _cancellation = new CancellationTokenSource(untilCancel > TimeSpan.Zero ? untilCancel : TimeSpan.Zero, time);
    }

    /// <summary>
    /// Cancelled at the margin before the deadline: what is still in flight then is abandoned and reported.
    /// </summary>
    public CancellationToken Token => _cancellation.Token;

    public TimeSpan Remaining => _deadline - _time.GetUtcNow();

    /// <summary>Whether a write started now still ends, at worst, before the margin.</summary>
    public bool CanStartWrite => !Token.IsCancellationRequested && Remaining > _policy.StartReserve;

    public void Dispose() => _cancellation.Dispose();
}
