using System.Globalization;
using Amazon.DynamoDBv2.Model;
using OrdersPipeline.Functions.Processor;

namespace OrdersPipeline.Functions.Audit;

/// <summary>
/// Maps one DLQ message to its audit item (docs/contracts.md, "Audit item"). Pure: the storage time comes in
/// as an argument. Missing or empty values are left out rather than stored as empty strings.
/// </summary>
public static class AuditItemMapper
{
    public static Dictionary<string, AttributeValue> Map(QueueMessage message, DateTimeOffset auditedAt)
    {
        ArgumentNullException.ThrowIfNull(message);
        var messageId = message.MessageId;
        var parsed = OnFailureRecordParser.TryParse(message.Body, out var record);
        var request = parsed ? record.RequestContext : null;
        var response = parsed ? record.ResponseContext : null;
        var batch = parsed ? record.DdbStreamBatchInfo : null;
        var sentTimestamp = Attribute(message, "SentTimestamp");

        var item = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        PutString(item, "auditId", NonEmpty(request?.RequestId) ?? messageId);
        PutString(item, "timestamp", NonEmpty(parsed ? record.Timestamp : null)
            ?? EpochMillisecondsToIso(sentTimestamp)
            ?? StreamRecordFields.Iso8601(auditedAt, alwaysMilliseconds: true));
        PutString(item, FailureTypes.AttributeName, !parsed ? FailureTypes.UnparseableMessage : NonEmpty(request?.Condition) ?? FailureTypes.Unknown);
        if (parsed && S3InvocationFields.TryAdd(record, item))
        {
            item[FailureTypes.AttributeName] = new AttributeValue { S = FailureTypes.S3InvocationFailed };
        }

        PutString(item, "requestId", request?.RequestId);
        PutString(item, "functionArn", request?.FunctionArn);
        PutString(item, "condition", request?.Condition);
        PutNumber(item, "approximateInvokeCount", request?.ApproximateInvokeCount?.ToString(CultureInfo.InvariantCulture));
        PutNumber(item, "statusCode", response?.StatusCode?.ToString(CultureInfo.InvariantCulture));
        PutString(item, "functionError", response?.FunctionError);
        PutString(item, "executedVersion", response?.ExecutedVersion);

        PutString(item, "streamArn", batch?.StreamArn);
        PutString(item, "shardId", batch?.ShardId);
        PutString(item, "startSequenceNumber", batch?.StartSequenceNumber);
        PutString(item, "endSequenceNumber", batch?.EndSequenceNumber);
        PutNumber(item, "batchSize", batch?.BatchSize?.ToString(CultureInfo.InvariantCulture));
        PutString(item, "approximateArrivalOfFirstRecord", batch?.ApproximateArrivalOfFirstRecord);
        PutString(item, "approximateArrivalOfLastRecord", batch?.ApproximateArrivalOfLastRecord);

        PutString(item, "dlqMessageId", messageId);
        PutString(item, "dlqMessageBody", message.Body);
        PutNumber(item, "dlqSentTimestamp", sentTimestamp);
        PutNumber(item, "dlqReceiveCount", Attribute(message, "ApproximateReceiveCount"));
        PutString(item, "dlqEventSourceArn", message.EventSourceArn);
        PutString(item, "auditedAt", StreamRecordFields.Iso8601(auditedAt, alwaysMilliseconds: true));
        return item;
    }

    private static string? Attribute(QueueMessage message, string name) =>
        message.Attributes is { } attributes && attributes.TryGetValue(name, out var value) ? NonEmpty(value) : null;

    private static string? EpochMillisecondsToIso(string? epochMilliseconds) =>
        long.TryParse(epochMilliseconds, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms <= 253_402_300_799_999
            ? StreamRecordFields.Iso8601(DateTimeOffset.FromUnixTimeMilliseconds(ms), alwaysMilliseconds: true)
            : null;

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static void PutString(Dictionary<string, AttributeValue> item, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            item[name] = new AttributeValue { S = value };
        }
    }

    /// <summary>Stores numeric text as N; text that is not a number is kept as S rather than dropped.</summary>
    private static void PutNumber(Dictionary<string, AttributeValue> item, string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        item[name] = JsonNumberSyntax.IsValid(value) ? new AttributeValue { N = value } : new AttributeValue { S = value };
    }
}
