using System.Globalization;
using System.Net;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using OrdersPipeline.Functions.Contracts;

namespace OrdersPipeline.Functions.Audit;

/// <summary>
/// Recognises an on-failure record of an asynchronous invocation whose payload is an S3 notification (the file
/// ingest function's failures) and adds what identifies the object: bucket, key (decoded), version, ETag, event name
/// and time, the number of objects in the event, and the function's error type and message (docs/contracts.md,
/// "S3 invocation record"). Pure.
/// </summary>
public static class S3InvocationFields
{
    public static bool TryAdd(OnFailureRecord record, Dictionary<string, AttributeValue> item)
    {
        if (record.RequestPayload is not { ValueKind: JsonValueKind.Object } payload ||
            !payload.TryGetProperty("Records", out var records) || records.ValueKind != JsonValueKind.Array ||
            records.GetArrayLength() == 0)
        {
            return false;
        }

        var first = records[0];
        if (first.ValueKind != JsonValueKind.Object || Text(first, "eventSource") != "aws:s3" ||
            !first.TryGetProperty("s3", out var s3) || s3.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var bucket = Child(s3, "bucket");
        var entity = Child(s3, "object");
        Put(item, "s3Bucket", bucket is { } b ? Text(b, "name") : null);
        Put(item, "s3Key", entity is { } o && Text(o, "key") is { } key ? WebUtility.UrlDecode(key) : null);
        Put(item, "s3VersionId", entity is { } v ? Text(v, "versionId") : null);
        Put(item, "s3ETag", entity is { } e ? Text(e, "eTag") : null);
        Put(item, "s3EventName", Text(first, "eventName"));
        Put(item, "s3EventTime", Text(first, "eventTime"));
        item["s3ObjectCount"] = new AttributeValue { N = records.GetArrayLength().ToString(CultureInfo.InvariantCulture) };

        if (record.ResponsePayload is { ValueKind: JsonValueKind.Object } response)
        {
            Put(item, "errorType", Text(response, "errorType"));
            Put(item, "errorMessage", Text(response, "errorMessage"));
        }

        return true;
    }

    private static JsonElement? Child(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.Object ? child : null;

    private static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static void Put(Dictionary<string, AttributeValue> item, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            item[name] = new AttributeValue { S = value };
        }
    }
}
