using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrdersPipeline.Functions.Contracts;

/// <summary>A DynamoDB stream batch as Lambda delivers it (CONTRACTS.md §1).</summary>
public sealed record DynamoDbStreamEvent(
    [property: JsonPropertyName("Records")] IReadOnlyList<DynamoDbStreamRecord>? Records);

public sealed record DynamoDbStreamRecord(
    [property: JsonPropertyName("eventID")] string? EventId,
    [property: JsonPropertyName("eventName")] string? EventName,
    [property: JsonPropertyName("eventVersion")] string? EventVersion,
    [property: JsonPropertyName("eventSource")] string? EventSource,
    [property: JsonPropertyName("awsRegion")] string? AwsRegion,
    [property: JsonPropertyName("eventSourceARN")] string? EventSourceArn,
    [property: JsonPropertyName("userIdentity")] StreamUserIdentity? UserIdentity,
    [property: JsonPropertyName("dynamodb")] StreamRecordData? Dynamodb);

public sealed record StreamUserIdentity(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("principalId")] string? PrincipalId);

/// <summary>
/// The change itself. Images stay as raw <see cref="JsonElement"/> (DynamoDB JSON) so numbers are never
/// parsed into a binary type before they are written out.
/// </summary>
public sealed record StreamRecordData(
    [property: JsonPropertyName("ApproximateCreationDateTime")] decimal? ApproximateCreationDateTime,
    [property: JsonPropertyName("Keys")] JsonElement? Keys,
    [property: JsonPropertyName("NewImage")] JsonElement? NewImage,
    [property: JsonPropertyName("OldImage")] JsonElement? OldImage,
    [property: JsonPropertyName("SequenceNumber")] string? SequenceNumber,
    [property: JsonPropertyName("SizeBytes")] long? SizeBytes,
    [property: JsonPropertyName("StreamViewType")] string? StreamViewType);
