using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using OrdersPipeline.Functions.Processor;

namespace OrdersPipeline.Emulator;

/// <summary>
/// Test input only: reads a DynamoDB stream event in the JSON shape Lambda delivers it (docs/contracts.md, "Stream
/// event") into the processor's <see cref="ChangeRecord"/>s, as the Lambda layer maps the package's event: images
/// into the SDK's <see cref="AttributeValue"/>s with N kept as text and B/BS base64-decoded, an unknown type tag
/// ignored (the value then has no type set, as the package and the SDK leave it), a JSON <c>null</c> as null, and
/// <c>ApproximateCreationDateTime</c> epoch seconds (a fraction is allowed) as a UTC <see cref="DateTime"/> the way the
/// package's converter makes it.
/// </summary>
/// <remarks>
/// JSON the package could not read either (a tag's content of the wrong kind, invalid base64, malformed JSON) throws.
/// The reader allows <see cref="DynamoDbLimits.EventReaderMaxDepth"/>, like the Lambda serializer, so a record nested
/// past DynamoDB's 32 levels is still read and then fails alone in the processor.
/// </remarks>
public static class StreamEventJson
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = DynamoDbLimits.EventReaderMaxDepth };

    /// <summary>The records of a stream event (<c>{"Records":[...]}</c>); a <c>null</c> record stays null.</summary>
    public static IReadOnlyList<ChangeRecord> Read(string lambdaShapedStreamEventJson) => Read(lambdaShapedStreamEventJson, null);

    /// <summary>
    /// As <see cref="Read(string)"/>; records without <c>eventSourceARN</c> (a DynamoDB Streams <c>GetRecords</c>
    /// response has none) get <paramref name="streamArn"/>.
    /// </summary>
    public static IReadOnlyList<ChangeRecord> Read(string streamEventJson, string? streamArn)
    {
        using var document = JsonDocument.Parse(streamEventJson, Options);
        if (!document.RootElement.TryGetProperty("Records", out var records) || records.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("The stream event has no 'Records' array.");
        }
        var result = new List<ChangeRecord>(records.GetArrayLength());
        foreach (var record in records.EnumerateArray())
        {
            // A null record is passed on as the Lambda layer passes it, for the processor's validator to report.
            result.Add(record.ValueKind == JsonValueKind.Null ? null! : Record(record, streamArn));
        }
        return result;
    }

    /// <summary>One record object of a stream event or of a <c>GetRecords</c> response.</summary>
    public static ChangeRecord Record(JsonElement record, string? streamArn = null)
    {
        var data = Property(record, "dynamodb");
        return new ChangeRecord(
            EventId: Text(record, "eventID"),
            EventName: Text(record, "eventName"),
            EventSource: Text(record, "eventSource"),
            EventSourceArn: Text(record, "eventSourceARN") ?? streamArn,
            SequenceNumber: data is { } d1 ? Text(d1, "SequenceNumber") : null,
            ApproximateCreationDateTime: data is { } d2 ? CreationTime(d2) : null,
            Keys: data is { } d3 ? Image(d3, "Keys") : null,
            NewImage: data is { } d4 ? Image(d4, "NewImage") : null,
            OldImage: data is { } d5 ? Image(d5, "OldImage") : null,
            StreamViewType: data is { } d6 ? Text(d6, "StreamViewType") : null);
    }

    /// <summary>An image (an attribute map) in DynamoDB JSON, e.g. <c>{"id":{"S":"o-1"}}</c>.</summary>
    public static Dictionary<string, AttributeValue> ReadImage(string dynamoDbJson)
    {
        using var document = JsonDocument.Parse(dynamoDbJson, Options);
        return Map(document.RootElement);
    }

    /// <summary>One attribute value in DynamoDB JSON, e.g. <c>{"N":"1.50"}</c>; <c>null</c> gives null.</summary>
    public static AttributeValue? ReadValue(string dynamoDbJson)
    {
        using var document = JsonDocument.Parse(dynamoDbJson, Options);
        return Value(document.RootElement);
    }

    private static JsonElement? Property(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) &&
        value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    private static string? Text(JsonElement parent, string name) => Property(parent, name)?.GetString();

    /// <summary>Epoch seconds as the package's date converter reads them: whole seconds exactly, else through a
    /// double.</summary>
    private static DateTime? CreationTime(JsonElement data) => Property(data, "ApproximateCreationDateTime") switch
    {
        null => null,
        { } seconds when seconds.TryGetInt64(out var whole) => DateTime.UnixEpoch.AddSeconds(whole),
        { } seconds => DateTime.UnixEpoch.AddSeconds(seconds.GetDouble()),
    };

    private static Dictionary<string, AttributeValue>? Image(JsonElement data, string name) =>
        Property(data, name) is { } image ? Map(image) : null;

    private static Dictionary<string, AttributeValue> Map(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"An attribute map must be a JSON object, not {json.ValueKind}.");
        }
        var map = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        foreach (var attribute in json.EnumerateObject())
        {
            map[attribute.Name] = Value(attribute.Value)!;
        }
        return map;
    }

    private static AttributeValue? Value(JsonElement json)
    {
        if (json.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"An attribute value must be a JSON object, not {json.ValueKind}.");
        }
        var value = new AttributeValue();
        foreach (var tag in json.EnumerateObject())
        {
            var content = tag.Value;
            if (content.ValueKind == JsonValueKind.Null)
            {
                continue;
            }
            switch (tag.Name)
            {
                case "S":
                    value.S = content.GetString();
                    break;
                case "N":
                    value.N = content.GetString();
                    break;
                case "B":
                    value.B = Binary(content);
                    break;
                case "BOOL":
                    value.BOOL = content.GetBoolean();
                    break;
                case "NULL":
                    value.NULL = content.GetBoolean();
                    break;
                case "M":
                    value.M = Map(content);
                    break;
                case "L":
                    value.L = [.. content.EnumerateArray().Select(item => Value(item)!)];
                    break;
                case "SS":
                    value.SS = [.. content.EnumerateArray().Select(item => item.GetString()!)];
                    break;
                case "NS":
                    value.NS = [.. content.EnumerateArray().Select(item => item.GetString()!)];
                    break;
                case "BS":
                    value.BS = [.. content.EnumerateArray().Select(Binary)];
                    break;
                default:
                    // An unknown tag: nothing is set, as the package's reader and the SDK leave such a value.
                    break;
            }
        }
        return value;
    }

    private static MemoryStream Binary(JsonElement base64) => new(base64.GetBytesFromBase64());
}
