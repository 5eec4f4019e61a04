using System.Globalization;
using System.Text.Json;
using Amazon.Lambda.DynamoDBEvents;

namespace OrdersPipeline.Functions.Processor;

/// <summary>Reads the fields a record must have, with an error naming what is missing or malformed.</summary>
public static class StreamRecordFields
{
    public const decimal MaxEpochSeconds = 253_402_300_799m; // 9999-12-31T23:59:59Z

    /// <summary>The value of the table's hash key attribute, as text.</summary>
    public static string RecordId(DynamoDBEvent.DynamodbStreamRecord record, string keyAttribute)
    {
        var keys = StreamImages.Keys(record.Dynamodb);
        if (keys is not { ValueKind: JsonValueKind.Object } map)
        {
            throw new RecordException("dynamodb.Keys is missing.");
        }

        if (!map.TryGetProperty(keyAttribute, out var key))
        {
            throw new RecordException($"dynamodb.Keys has no attribute '{keyAttribute}' (KEY_ATTRIBUTE).");
        }

        return AttributeValueJson.ScalarText(key, $"Keys.{keyAttribute}");
    }

    /// <summary>
    /// The record's creation time to the millisecond: from the exact epoch seconds sent when the record was read by
    /// <see cref="RawStreamRecordConverter"/>, else from the package's <see cref="DateTime"/>.
    /// </summary>
    public static DateTimeOffset CreatedAt(DynamoDBEvent.DynamodbStreamRecord record)
    {
        decimal seconds;
        if (record.Dynamodb is RawStreamRecord raw)
        {
            seconds = raw.ApproximateCreationEpochSeconds
                ?? throw new RecordException("dynamodb.ApproximateCreationDateTime is missing.");
        }
        else if (record.Dynamodb is { } data && data.ApproximateCreationDateTime != default)
        {
            var utc = DateTime.SpecifyKind(data.ApproximateCreationDateTime, DateTimeKind.Utc);
            seconds = (decimal)(utc - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerSecond;
        }
        else
        {
            throw new RecordException("dynamodb.ApproximateCreationDateTime is missing.");
        }
        if (seconds is < 0 or > MaxEpochSeconds)
        {
            throw new RecordException($"dynamodb.ApproximateCreationDateTime {seconds} is out of range.");
        }
        return DateTimeOffset.FromUnixTimeMilliseconds((long)decimal.Round(seconds * 1000m));
    }

    /// <summary>The table name from
    /// <c>arn:aws:dynamodb:&lt;region&gt;:&lt;account&gt;:table/&lt;table&gt;/stream/&lt;label&gt;</c>.</summary>
    public static string SourceTable(DynamoDBEvent.DynamodbStreamRecord record)
    {
        // Every record of a batch comes from the same stream: parse each distinct ARN once per thread.
        var arn = record.EventSourceArn;
        if (_lastArn is { } last && string.Equals(last.Arn, arn, StringComparison.Ordinal))
        {
            return last.Table;
        }
        var table = ParseSourceTable(arn);
        _lastArn = (arn!, table);
        return table;
    }

    [ThreadStatic]
    private static (string Arn, string Table)? _lastArn;

    private static string ParseSourceTable(string? arn)
    {
        var parts = arn?.Split(':', 6);
        var resource = parts is { Length: 6 } && parts[2] == "dynamodb" ? parts[5].Split('/') : null;
        if (resource is not { Length: >= 2 } || resource[0] != "table" || resource[1].Length == 0)
        {
            throw new RecordException($"eventSourceARN '{arn}' is not a DynamoDB table stream ARN.");
        }

        return resource[1];
    }

    public static JsonElement Image(JsonElement? image, string name, string? viewType) =>
        image is { ValueKind: JsonValueKind.Object } value
            ? value
            : throw new RecordException(
                $"dynamodb.{name} is missing (StreamViewType {viewType ?? "unknown"}); the stream must be NEW_AND_OLD_IMAGES.");

    /// <summary>The image as UTF-8 DynamoDB JSON, which must be an object; else the same error as
    /// <see cref="Image"/>.</summary>
    public static ReadOnlyMemory<byte> ImageUtf8(ReadOnlyMemory<byte>? image, string name, string? viewType) =>
        image is { Length: > 0 } value && value.Span[0] == (byte)'{'
            ? value
            : throw new RecordException(
                $"dynamodb.{name} is missing (StreamViewType {viewType ?? "unknown"}); the stream must be NEW_AND_OLD_IMAGES.");

    /// <summary><see cref="Iso8601"/> into <paramref name="destination"/> (at least 24 characters), without a
    /// string.</summary>
    public static ReadOnlySpan<char> FormatIso8601(DateTimeOffset instant, bool alwaysMilliseconds, Span<char> destination)
    {
        var utc = instant.UtcDateTime;
        var format = alwaysMilliseconds || utc.Millisecond != 0 ? "yyyy-MM-dd'T'HH:mm:ss.fff'Z'" : "yyyy-MM-dd'T'HH:mm:ss'Z'";
        return utc.TryFormat(destination, out var written, format, CultureInfo.InvariantCulture)
            ? destination[..written]
            : Iso8601(instant, alwaysMilliseconds).AsSpan();
    }

    public static string Iso8601(DateTimeOffset instant, bool alwaysMilliseconds)
    {
        var utc = instant.UtcDateTime;
        var format = alwaysMilliseconds || utc.Millisecond != 0 ? "yyyy-MM-dd'T'HH:mm:ss.fff'Z'" : "yyyy-MM-dd'T'HH:mm:ss'Z'";
        return utc.ToString(format, CultureInfo.InvariantCulture);
    }
}
