namespace OrdersPipeline.Functions.Processor;

/// <summary>
/// What happened to a batch: counts and the sequence numbers to report, in stream order (failed and deferred
/// records; <see cref="Deferred"/> of them were not started because the time budget was nearly spent).
/// </summary>
public sealed record BatchOutcome(int Received, int Written, int SkippedRemoves, IReadOnlyList<string> FailedSequenceNumbers)
{
    public int Deferred { get; init; }
}
