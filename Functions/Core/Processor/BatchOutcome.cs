namespace OrdersPipeline.Functions.Processor;

/// <summary>
/// What happened to a batch: counts and the sequence numbers to report, in stream order (failed and deferred
/// records; <see cref="Deferred"/> of them were not started because the time budget was nearly spent).
/// </summary>
public sealed record BatchOutcome(int Received, int Written, int SkippedRemoves, IReadOnlyList<string> FailedSequenceNumbers)
{
    public int Deferred { get; init; }

    /// <summary>Records not written because their key already held the same change or a newer one (a replay, or a
    /// late write that landed first): done, not reported.</summary>
    public int AlreadyStored { get; init; }

    /// <summary>Conditional writes of the batch answered 412, 409 or 404 (each followed by a re-read or a
    /// retry).</summary>
    public int ConditionFailures { get; init; }

    /// <summary>Failed records: reported, not deferred.</summary>
    public int Failed => FailedSequenceNumbers.Count - Deferred;

    /// <summary>Written records whose document had a card number masked (docs/security.md, "Card numbers").</summary>
    public int CardNumbersMasked { get; init; }

    public TimeSpan Duration { get; init; }

    /// <summary>From the records' ApproximateCreationDateTime to their write; null when nothing was written.</summary>
    public TimeSpan? MaxWriteLag { get; init; }

    public TimeSpan? AverageWriteLag { get; init; }
}
