namespace OrdersPipeline.Functions.Audit;

/// <summary>
/// One message of a dead-letter queue batch, as the audit function reads it: its id (what a partial-batch response
/// names), its body (Lambda's on-failure record, or anything else someone sent), its system attributes
/// (<c>SentTimestamp</c>, <c>ApproximateReceiveCount</c>) and the queue it came from. <see cref="EventSource"/> is
/// <c>aws:sqs</c> in every event Lambda sends; null where the caller does not know it.
/// </summary>
public sealed record QueueMessage(
    string? MessageId,
    string? Body,
    IReadOnlyDictionary<string, string>? Attributes = null,
    string? EventSourceArn = null,
    string? EventSource = null);
