using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Amazon.Lambda.DynamoDBEvents;
using PackageValue = Amazon.Lambda.DynamoDBEvents.DynamoDBEvent.AttributeValue;

namespace OrdersPipeline.Functions.Processor;

/// <summary>
/// A record's key and images as DynamoDB JSON. Records read by <see cref="RawStreamRecordConverter"/> (every record
/// the Lambda runtime hands over) carry them raw; a record built in code with the package's
/// <see cref="PackageValue"/> dictionaries is written out as DynamoDB JSON first (N stays text, B becomes base64),
/// so both kinds go through the same conversion and checks.
/// </summary>
public static class StreamImages
{
    // Text is copied to the document as raw tokens, so it is written here unescaped, as DynamoDB sends it.
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    // Depth is checked while converting (DynamoDbLimits.MaxNestingLevels), not when reading back.
    private static readonly JsonDocumentOptions ReadOptions = new() { MaxDepth = int.MaxValue };

    public static JsonElement? Keys(DynamoDBEvent.StreamRecord? data) =>
        data is RawStreamRecord raw ? raw.RawKeys : FromPackage(data?.Keys);

    public static JsonElement? NewImage(DynamoDBEvent.StreamRecord? data) =>
        data is RawStreamRecord raw ? raw.RawNewImage : FromPackage(data?.NewImage);

    public static JsonElement? OldImage(DynamoDBEvent.StreamRecord? data) =>
        data is RawStreamRecord raw ? raw.RawOldImage : FromPackage(data?.OldImage);

    /// <summary>The key as UTF-8 DynamoDB JSON, without building a <see cref="JsonElement"/>.</summary>
    public static ReadOnlyMemory<byte>? KeysUtf8(DynamoDBEvent.StreamRecord? data) =>
        data is RawStreamRecord raw ? raw.KeysUtf8 : FromPackageUtf8(data?.Keys);

    public static ReadOnlyMemory<byte>? NewImageUtf8(DynamoDBEvent.StreamRecord? data) =>
        data is RawStreamRecord raw ? raw.NewImageUtf8 : FromPackageUtf8(data?.NewImage);

    public static ReadOnlyMemory<byte>? OldImageUtf8(DynamoDBEvent.StreamRecord? data) =>
        data is RawStreamRecord raw ? raw.OldImageUtf8 : FromPackageUtf8(data?.OldImage);

    private static JsonElement? FromPackage(Dictionary<string, PackageValue>? map)
    {
        if (FromPackageUtf8(map) is not { } utf8)
        {
            return null;
        }
        using var document = JsonDocument.Parse(utf8, ReadOptions);
        return document.RootElement.Clone();
    }

    private static ReadOnlyMemory<byte>? FromPackageUtf8(Dictionary<string, PackageValue>? map)
    {
        if (map is null)
        {
            return null;
        }
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteMap(writer, map);
        }
        return buffer.WrittenMemory;
    }

    private static void WriteMap(Utf8JsonWriter writer, Dictionary<string, PackageValue> map)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in map)
        {
            writer.WritePropertyName(name);
            WriteValue(writer, value);
        }
        writer.WriteEndObject();
    }

    /// <summary>One <c>{"TAG": value}</c>; a value with no tag set becomes <c>{}</c>, which the conversion
    /// rejects.</summary>
    private static void WriteValue(Utf8JsonWriter writer, PackageValue value)
    {
        writer.WriteStartObject();
        if (value.S is not null)
        {
            writer.WriteString("S", value.S);
        }
        else if (value.N is not null)
        {
            writer.WriteString("N", value.N);
        }
        else if (value.B is not null)
        {
            writer.WriteBase64String("B", value.B.ToArray());
        }
        else if (value.BOOL is { } flag)
        {
            writer.WriteBoolean("BOOL", flag);
        }
        else if (value.NULL is { } isNull)
        {
            writer.WriteBoolean("NULL", isNull);
        }
        else if (value.M is not null)
        {
            writer.WritePropertyName("M");
            WriteMap(writer, value.M);
        }
        else if (value.L is not null)
        {
            writer.WriteStartArray("L");
            foreach (var item in value.L)
            {
                WriteValue(writer, item);
            }
            writer.WriteEndArray();
        }
        else if (value.SS is not null)
        {
            WriteStrings(writer, "SS", value.SS);
        }
        else if (value.NS is not null)
        {
            WriteStrings(writer, "NS", value.NS);
        }
        else if (value.BS is not null)
        {
            writer.WriteStartArray("BS");
            foreach (var item in value.BS)
            {
                writer.WriteBase64StringValue(item.ToArray());
            }
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string tag, List<string> items)
    {
        writer.WriteStartArray(tag);
        foreach (var item in items)
        {
            writer.WriteStringValue(item);
        }
        writer.WriteEndArray();
    }
}
