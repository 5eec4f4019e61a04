using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace OrdersPipeline.Functions.Processor;

/// <summary>Reads the fields a record must have, with an error naming what is missing or malformed.</summary>
public static class StreamRecordFields
{
    public const decimal MaxEpochSeconds = 253_402_300_799m; // 9999-12-31T23:59:59Z

    /// <summary>The value of the table's hash key attribute, as text.</summary>
    public static string RecordId(ChangeRecord record, string keyAttribute)
    {
        if (record.Keys is not { } keys)
        {
            throw new RecordException("dynamodb.Keys is missing.");
        }

        if (!keys.TryGetValue(keyAttribute, out var key))
        {
            throw new RecordException($"dynamodb.Keys has no attribute '{keyAttribute}' (KEY_ATTRIBUTE).");
        }

        return AttributeValueWriter.ScalarText(key, $"Keys.{keyAttribute}");
    }

    /// <summary>
    /// The record's creation time to the millisecond (half a millisecond rounds to even, as the exact seconds always
    /// did), read as UTC whatever the <see cref="DateTime.Kind"/>.
    /// </summary>
    public static DateTimeOffset CreatedAt(ChangeRecord record)
    {
        if (record.ApproximateCreationDateTime is not { } created)
        {
            throw new RecordException("dynamodb.ApproximateCreationDateTime is missing.");
        }
        var seconds = (decimal)(created.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerSecond;
        if (seconds is < 0 or > MaxEpochSeconds)
        {
            throw new RecordException($"dynamodb.ApproximateCreationDateTime {seconds} is out of range.");
        }
        return DateTimeOffset.FromUnixTimeMilliseconds((long)decimal.Round(seconds * 1000m));
    }

    /// <summary>The table name from
    /// <c>arn:aws:dynamodb:&lt;region&gt;:&lt;account&gt;:table/&lt;table&gt;/stream/&lt;label&gt;</c>.</summary>
    public static string SourceTable(ChangeRecord record)
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

    /// <summary>The image, which must be there; else an error naming the stream view type it needs.</summary>
    public static Dictionary<string, AttributeValue> Image(
        Dictionary<string, AttributeValue>? image, string name, string? viewType) =>
        image ?? throw new RecordException(
            $"dynamodb.{name} is missing (StreamViewType {viewType ?? "unknown"}); the stream must be NEW_AND_OLD_IMAGES.");

    /// <summary><see cref="Iso8601"/> into <paramref name="destination"/> (at least 24 characters), without a
    /// string.</summary>
    public static ReadOnlySpan<char> FormatIso8601(DateTimeOffset instant, bool alwaysMilliseconds, Span<char> destination)
    {
        // yyyy-MM-dd'T'HH:mm:ss[.fff]'Z', digit by digit: the custom format string costs more than the rest of the
        // metadata.
        var utc = instant.UtcDateTime;
        var length = WriteDate(utc, destination, '-');
        destination[length++] = 'T';
        length += WriteTwoDigits(utc.Hour, destination[length..]);
        destination[length++] = ':';
        length += WriteTwoDigits(utc.Minute, destination[length..]);
        destination[length++] = ':';
        length += WriteTwoDigits(utc.Second, destination[length..]);
        var milliseconds = utc.Millisecond;
        if (alwaysMilliseconds || milliseconds != 0)
        {
            destination[length++] = '.';
            destination[length++] = (char)('0' + milliseconds / 100);
            length += WriteTwoDigits(milliseconds % 100, destination[length..]);
        }
        destination[length++] = 'Z';
        return destination[..length];
    }

    /// <summary><c>yyyy</c>, <c>MM</c> and <c>dd</c> with <paramref name="separator"/> between them; returns the
    /// characters written (10).</summary>
    internal static int WriteDate(DateTime date, Span<char> destination, char separator)
    {
        var year = date.Year;
        destination[0] = (char)('0' + year / 1000);
        destination[1] = (char)('0' + year / 100 % 10);
        WriteTwoDigits(year % 100, destination[2..]);
        destination[4] = separator;
        WriteTwoDigits(date.Month, destination[5..]);
        destination[7] = separator;
        WriteTwoDigits(date.Day, destination[8..]);
        return 10;
    }

    private static int WriteTwoDigits(int value, Span<char> destination)
    {
        destination[0] = (char)('0' + value / 10);
        destination[1] = (char)('0' + value % 10);
        return 2;
    }

    public static string Iso8601(DateTimeOffset instant, bool alwaysMilliseconds)
    {
        var utc = instant.UtcDateTime;
        var format = alwaysMilliseconds || utc.Millisecond != 0 ? "yyyy-MM-dd'T'HH:mm:ss.fff'Z'" : "yyyy-MM-dd'T'HH:mm:ss'Z'";
        return utc.ToString(format, CultureInfo.InvariantCulture);
    }
}
