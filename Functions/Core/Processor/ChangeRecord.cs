using Amazon.DynamoDBv2.Model;

namespace OrdersPipeline.Functions.Processor;

/// <summary>
/// One record of a DynamoDB stream batch, as the processor reads it (docs/contracts.md, "Stream event"): the fields it
/// uses, with the key and the images as the AWS SDK's <see cref="AttributeValue"/> maps (the model every DynamoDB
/// API of the SDK returns items in, so tests can feed items exactly as DynamoDB gives them). Numbers stay text
/// (<see cref="AttributeValue.N"/>), binary values are their bytes.
/// </summary>
/// <remarks>
/// The record is flat because AWSSDK.DynamoDBv2 4.x no longer holds the DynamoDB Streams model (its
/// <c>Record</c>/<c>StreamRecord</c> moved to AWSSDK.DynamoDBStreams, which is not a dependency here); the fields
/// keep the names of the event. Anything may be null: the batch validator and the document builder report what is
/// missing.
/// </remarks>
/// <param name="EventId"><c>eventID</c>.</param>
/// <param name="EventName"><c>eventName</c>: <c>INSERT</c>, <c>MODIFY</c> or <c>REMOVE</c>.</param>
/// <param name="EventSource"><c>eventSource</c>; when present it must be <c>aws:dynamodb</c>.</param>
/// <param name="EventSourceArn"><c>eventSourceARN</c>, the stream's ARN (its table names
/// <c>metadata.sourceTable</c>).</param>
/// <param name="SequenceNumber"><c>dynamodb.SequenceNumber</c>.</param>
/// <param name="ApproximateCreationDateTime"><c>dynamodb.ApproximateCreationDateTime</c>, in UTC.</param>
/// <param name="Keys"><c>dynamodb.Keys</c>.</param>
/// <param name="NewImage"><c>dynamodb.NewImage</c>.</param>
/// <param name="OldImage"><c>dynamodb.OldImage</c>.</param>
/// <param name="StreamViewType"><c>dynamodb.StreamViewType</c>, quoted when an image is missing.</param>
public sealed record ChangeRecord(
    string? EventId,
    string? EventName,
    string? EventSource,
    string? EventSourceArn,
    string? SequenceNumber,
    DateTime? ApproximateCreationDateTime,
    Dictionary<string, AttributeValue>? Keys,
    Dictionary<string, AttributeValue>? NewImage,
    Dictionary<string, AttributeValue>? OldImage,
    string? StreamViewType);
