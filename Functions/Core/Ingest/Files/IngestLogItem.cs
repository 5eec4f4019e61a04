using System.Globalization;
using Amazon.DynamoDBv2.Model;
using OrdersPipeline.Functions.Ingest.Orders;

namespace OrdersPipeline.Functions.Ingest.Files;

/// <summary>What became of one dropped object: the ingest-log item (docs/ingest.md, "Ingest log"), keyed by
/// <c>objectKey</c> and <c>versionId</c>.</summary>
public sealed record IngestLogItem
{
    public const string HashKey = "objectKey";
    public const string RangeKey = "versionId";

    public required DroppedObject Object { get; init; }
    public required string RequestId { get; init; }
    public required string Status { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public string? ContentType { get; init; }
    public string? Format { get; init; }
    public long RecordsRead { get; init; }
    public long RecordsWritten { get; init; }
    public long RecordsRejected { get; init; }
    public string? RejectsKey { get; init; }
    public string? Error { get; init; }

    /// <summary>A FAILED item another delivery may take over: the cause was transient (throttling, a timeout), not
    /// the file.</summary>
    public bool Retryable { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }
    public DateTimeOffset? LeaseUntil { get; init; }

    public Dictionary<string, AttributeValue> ToAttributes()
    {
        var item = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            [HashKey] = S(Object.Key),
            [RangeKey] = S(Object.VersionId),
            ["bucket"] = S(Object.Bucket),
            ["size"] = N(Object.Size),
            ["uploadedAt"] = S(OrderItem.Timestamp(Object.UploadedAt)),
            ["eventName"] = S(Object.EventName),
            ["requestId"] = S(RequestId),
            ["status"] = S(Status),
            ["startedAt"] = S(OrderItem.Timestamp(StartedAt)),
            ["recordsRead"] = N(RecordsRead),
            ["recordsWritten"] = N(RecordsWritten),
            ["recordsRejected"] = N(RecordsRejected),
            ["retryable"] = new AttributeValue { BOOL = Retryable },
        };
        Optional(item, "eTag", Object.ETag);
        Optional(item, "contentType", ContentType);
        Optional(item, "format", Format);
        Optional(item, "rejectsKey", RejectsKey);
        Optional(item, "error", Error);
        if (FinishedAt is { } finished)
        {
            item["finishedAt"] = S(OrderItem.Timestamp(finished));
            item["durationMs"] = N((long)(finished - StartedAt).TotalMilliseconds);
        }

        if (LeaseUntil is { } lease)
        {
            item["leaseUntil"] = N(lease.ToUnixTimeMilliseconds());
        }

        return item;
    }

    private static AttributeValue S(string value) => new() { S = value };

    private static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    private static void Optional(Dictionary<string, AttributeValue> item, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            item[name] = S(value);
        }
    }
}
