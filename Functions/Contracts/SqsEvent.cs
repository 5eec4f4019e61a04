using System.Text.Json.Serialization;

namespace OrdersPipeline.Functions.Contracts;

/// <summary>An SQS batch as Lambda delivers it (CONTRACTS.md §4).</summary>
public sealed record SqsEvent(
    [property: JsonPropertyName("Records")] IReadOnlyList<SqsMessage>? Records);

public sealed record SqsMessage(
    [property: JsonPropertyName("messageId")] string? MessageId,
    [property: JsonPropertyName("receiptHandle")] string? ReceiptHandle,
    [property: JsonPropertyName("body")] string? Body,
    [property: JsonPropertyName("attributes")] IReadOnlyDictionary<string, string>? Attributes,
    [property: JsonPropertyName("md5OfBody")] string? Md5OfBody,
    [property: JsonPropertyName("eventSource")] string? EventSource,
    [property: JsonPropertyName("eventSourceARN")] string? EventSourceArn,
    [property: JsonPropertyName("awsRegion")] string? AwsRegion);
