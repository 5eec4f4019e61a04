using Amazon.Runtime;

namespace OrdersPipeline.Functions.Timing;

/// <summary>
/// How the functions' SDK clients retry and time out, and the longest one call can take with these settings.
/// </summary>
/// <param name="MaxAttempts">Attempts per call, the first included (the SDK's MaxErrorRetry is one less).</param>
/// <param name="AttemptTimeout">Per HTTP attempt, connection included (the SDK's Timeout).</param>
public sealed record SdkCallPolicy(int MaxAttempts, TimeSpan AttemptTimeout)
{
    /// <summary>Standard retry mode's cap on one backoff wait.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The functions' clients: standard retry mode, 3 attempts, 2 s per attempt. Worst case of one call
    /// (<see cref="WorstCase"/>): 3 attempts × 2 s + backoff before retry 1 (≤ 2 s) + before retry 2 (≤ 4 s) = 12 s.
    /// A stream record that still fails is retried by Lambda, so a few SDK retries are enough.
    /// </summary>
    public static SdkCallPolicy Default { get; } = new(MaxAttempts: 3, AttemptTimeout: TimeSpan.FromSeconds(2));

    /// <summary>
    /// The longest one call can take: every attempt times out, and every retry waits the longest backoff standard
    /// mode allows, min(2^i s, 20 s) before retry i (full jitter draws a wait from 0 up to that).
    /// </summary>
    public TimeSpan WorstCase
    {
        get
        {
            var total = AttemptTimeout * MaxAttempts;
            for (var retry = 1; retry < MaxAttempts; retry++)
            {
                var backoff = TimeSpan.FromSeconds(Math.Pow(2, retry));
                total += backoff < MaxBackoff ? backoff : MaxBackoff;
            }
            return total;
        }
    }

    public T Apply<T>(T config)
        where T : ClientConfig
    {
        config.RetryMode = RequestRetryMode.Standard;
        config.MaxErrorRetry = MaxAttempts - 1;
        config.Timeout = AttemptTimeout;
        config.ConnectTimeout = AttemptTimeout;
        return config;
    }
}
