namespace OrdersPipeline.Functions.Processor;

/// <summary>A conditional write of a processed document gave up within its bounds (attempts or time budget): the
/// record is reported and retried, like any failed write.</summary>
public sealed class ConditionalWriteException(string message) : Exception(message);
