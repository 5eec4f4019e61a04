using System.Text.Json;
using OrdersPipeline.Functions.Audit;

namespace OrdersPipeline.Functions.Tests.Support;

/// <summary>SQS events in the JSON shape Lambda delivers them (Fixtures/sqs-*.json) read into the core's
/// <see cref="QueueMessage"/>s, field for field as the Lambda layer maps the package's event: a missing
/// <c>Records</c> array is null, a null record stays null, a missing field is null.</summary>
internal static class QueueFixtures
{
    public static IReadOnlyList<QueueMessage>? Read(string sqsEventJson)
    {
        using var document = JsonDocument.Parse(sqsEventJson);
        if (document.RootElement.ValueKind != JsonValueKind.Object ||
            !document.RootElement.TryGetProperty("Records", out var records) || records.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        return [.. records.EnumerateArray().Select(record => record.ValueKind == JsonValueKind.Null ? null! : Message(record))];
    }

    /// <summary>The messages of Fixtures/sqs-dlq-event.json: two on-failure records of the processor.</summary>
    public static IReadOnlyList<QueueMessage> DlqEvent() => Read(Fixtures.Text("sqs-dlq-event.json"))!;

    /// <summary>The one message of Fixtures/sqs-s3-invocation-failure.json: the file ingest function's
    /// asynchronous on-failure record.</summary>
    public static QueueMessage S3InvocationFailure() => Read(Fixtures.Text("sqs-s3-invocation-failure.json"))!.Single();

    private static QueueMessage Message(JsonElement record) => new(
        Text(record, "messageId"),
        Text(record, "body"),
        record.TryGetProperty("attributes", out var attributes) && attributes.ValueKind == JsonValueKind.Object
            ? attributes.EnumerateObject().ToDictionary(a => a.Name, a => a.Value.GetString()!, StringComparer.Ordinal)
            : null,
        Text(record, "eventSourceARN"),
        Text(record, "eventSource"));

    private static string? Text(JsonElement record, string name) =>
        record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
