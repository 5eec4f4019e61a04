namespace OrdersPipeline.Functions.Processor;

/// <summary>What happened to a batch: counts and the sequence numbers to report as failed, in stream order.</summary>
public sealed record BatchOutcome(int Received, int Written, int SkippedRemoves, IReadOnlyList<string> FailedSequenceNumbers);
