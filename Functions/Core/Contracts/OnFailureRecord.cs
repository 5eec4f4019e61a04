using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrdersPipeline.Functions.Contracts;

/// <summary>
/// What Lambda sends to a stream mapping's on-failure destination (docs/contracts.md, "On-failure record").
/// It identifies the failed records by shard and sequence range only; it carries no record data.
/// </summary>
public sealed record OnFailureRecord(
    [property: JsonPropertyName("requestContext")] FailureRequestContext? RequestContext,
    [property: JsonPropertyName("responseContext")] FailureResponseContext? ResponseContext,
    [property: JsonPropertyName("version")] string? Version,
    [property: JsonPropertyName("timestamp")] string? Timestamp,
    [property: JsonPropertyName("DDBStreamBatchInfo")] StreamBatchInfo? DdbStreamBatchInfo)
{
    /// <summary>Asynchronous invocations only (the file ingest function): the event the function was invoked with,
    /// e.g. an S3 notification (docs/contracts.md, "S3 invocation record").</summary>
    [JsonPropertyName("requestPayload")]
    public JsonElement? RequestPayload { get; init; }

    /// <summary>Asynchronous invocations only: what the function returned, for a function error
    /// <c>{"errorType", "errorMessage", "stackTrace"}</c>.</summary>
    [JsonPropertyName("responsePayload")]
    public JsonElement? ResponsePayload { get; init; }
}

public sealed record FailureRequestContext(
    [property: JsonPropertyName("requestId")] string? RequestId,
    [property: JsonPropertyName("functionArn")] string? FunctionArn,
    [property: JsonPropertyName("condition")] string? Condition,
    [property: JsonPropertyName("approximateInvokeCount")] int? ApproximateInvokeCount);

public sealed record FailureResponseContext(
    [property: JsonPropertyName("statusCode")] int? StatusCode,
    [property: JsonPropertyName("executedVersion")] string? ExecutedVersion,
    [property: JsonPropertyName("functionError")] string? FunctionError);

public sealed record StreamBatchInfo(
    [property: JsonPropertyName("shardId")] string? ShardId,
    [property: JsonPropertyName("startSequenceNumber")] string? StartSequenceNumber,
    [property: JsonPropertyName("endSequenceNumber")] string? EndSequenceNumber,
    [property: JsonPropertyName("approximateArrivalOfFirstRecord")] string? ApproximateArrivalOfFirstRecord,
    [property: JsonPropertyName("approximateArrivalOfLastRecord")] string? ApproximateArrivalOfLastRecord,
    [property: JsonPropertyName("batchSize")] int? BatchSize,
    [property: JsonPropertyName("streamArn")] string? StreamArn);
