using Amazon.Lambda.SQSEvents;

namespace OrdersPipeline.Functions.Audit;

/// <summary>An SQS event's messages as the core's <see cref="QueueMessage"/>s. A missing event or records list stays
/// null, and a null message stays null, so the core names what is wrong.</summary>
internal static class QueueMessages
{
    public static IReadOnlyList<QueueMessage>? From(SQSEvent? sqsEvent) =>
        sqsEvent?.Records?.Select(message => message is null ? null! : From(message)).ToList();

    public static QueueMessage From(SQSEvent.SQSMessage message) =>
        new(message.MessageId, message.Body, message.Attributes, message.EventSourceArn, message.EventSource);
}
