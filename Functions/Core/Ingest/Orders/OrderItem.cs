using System.Globalization;
using Amazon.DynamoDBv2.Model;
using OrdersPipeline.Functions.Processor;

namespace OrdersPipeline.Functions.Ingest.Orders;

/// <summary>The item written to the orders table: the order's fields plus the service's own attributes
/// (<see cref="OrderFields"/>): createdAt/updatedAt (ISO 8601 UTC, milliseconds), version, contentHash and where it
/// came from.</summary>
public static class OrderItem
{
    public const string HttpSource = "http";
    public const string FileSource = "file";

    public static Dictionary<string, AttributeValue> Create(
        ValidatedOrder order, DateTimeOffset createdAt, long version, string source, string? sourceObject = null)
    {
        var timestamp = Timestamp(createdAt);
        var item = new Dictionary<string, AttributeValue>(order.Attributes, StringComparer.Ordinal)
        {
            [OrderFields.CreatedAt] = new() { S = timestamp },
            [OrderFields.UpdatedAt] = new() { S = timestamp },
            [OrderFields.Version] = Number(version),
            [OrderFields.ContentHash] = new() { S = order.ContentHash },
            [OrderFields.IngestSource] = new() { S = source },
        };
        if (sourceObject is not null)
        {
            item[OrderFields.IngestObject] = new AttributeValue { S = sourceObject };
        }

        return item;
    }

    public static string Timestamp(DateTimeOffset time) => StreamRecordFields.Iso8601(time, alwaysMilliseconds: true);

    public static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };
}
