using System.Text.Json;

namespace OrdersPipeline.Functions.Tests.Support;

/// <summary>The sample events in Fixtures/ (copies of the shared AWS-shaped samples) as text, and small builders of
/// stream events in the shape Lambda delivers them.</summary>
internal static class Fixtures
{
    public static string Text(string name) =>
        File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", name));

    public static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    /// <summary>A stream record JSON with the given image attributes (DynamoDB JSON), key and sequence
    /// number.</summary>
    public static string Record(string sequenceNumber, string orderId, string newImageAttributes = "",
        string eventName = "INSERT", string? oldImageAttributes = null, long createdAt = 1795082400)
    {
        var key = JsonSerializer.Serialize(orderId);
        var newImage = $"{{\"orderId\":{{\"S\":{key}}}{(newImageAttributes.Length > 0 ? "," + newImageAttributes : "")}}}";
        var oldImage = oldImageAttributes is null ? "" : $",\"OldImage\":{{\"orderId\":{{\"S\":{key}}}{(oldImageAttributes.Length > 0 ? "," + oldImageAttributes : "")}}}";
        var images = eventName == "REMOVE" ? oldImage.TrimStart(',') : $"\"NewImage\":{newImage}{oldImage}";
        return $$$"""
            {"eventID":"ev-{{{sequenceNumber}}}","eventName":"{{{eventName}}}","eventVersion":"1.1","eventSource":"aws:dynamodb",
             "awsRegion":"us-east-1",
             "eventSourceARN":"arn:aws:dynamodb:us-east-1:123456789012:table/dev-orders-table-backend/stream/2026-11-20T00:00:00.000",
             "dynamodb":{"ApproximateCreationDateTime":{{{createdAt}}},"Keys":{"orderId":{"S":{{{key}}}}},{{{images}}},
               "SequenceNumber":"{{{sequenceNumber}}}","SizeBytes":10,"StreamViewType":"NEW_AND_OLD_IMAGES"}}
            """;
    }

    public static string Event(params string[] records) => $"{{\"Records\":[{string.Join(",", records)}]}}";
}
