using System.Globalization;
using System.Text.Json;
using OrdersPipeline.Functions.Audit;

namespace OrdersPipeline.Benchmarks;

/// <summary>One SQS batch of on-failure records: the messages as the core reads them, and the same event as the SQS
/// mapping delivers it to a function package (for the cold-start processes).</summary>
internal sealed record AuditBatch(IReadOnlyList<QueueMessage> Messages, byte[] LambdaEventJson);

/// <summary>
/// SQS batches of Lambda on-failure records, as the DLQ mapping delivers them to the audit function (the shape of
/// Tests/Functions.Tests/Fixtures/sqs-dlq-event.json). Every message has its own request id, so each is a new audit
/// item (no conditional-check redelivery path).
/// </summary>
internal static class AuditEvents
{
    public const string QueueArn = "arn:aws:sqs:us-east-1:123456789012:dev-orders-dlq-backend";
    private const string EventSource = "aws:sqs";

    public static List<AuditBatch> Generate(int batches, int messagesPerBatch, string runTag)
    {
        var events = new List<AuditBatch>(batches);
        var n = 0;
        for (var b = 0; b < batches; b++)
        {
            var messages = new List<QueueMessage>(messagesPerBatch);
            for (var m = 0; m < messagesPerBatch; m++, n++)
            {
                messages.Add(Message(n, runTag));
            }
            events.Add(new AuditBatch(messages, LambdaEvent(messages)));
        }
        return events;
    }

    private static QueueMessage Message(int n, string runTag)
    {
        var requestId = string.Create(CultureInfo.InvariantCulture, $"{runTag}-{n:D6}");
        var body = string.Create(CultureInfo.InvariantCulture,
            $$$"""{"requestContext":{"requestId":"{{{requestId}}}","functionArn":"arn:aws:lambda:us-east-1:123456789012:function:dev-order-processor-lambda-backend","condition":"{{{(n % 3 == 0 ? "RecordAgeExceeded" : "RetryAttemptsExhausted")}}}","approximateInvokeCount":4},"responseContext":{"statusCode":200,"executedVersion":"$LATEST","functionError":"Unhandled"},"version":"1.0","timestamp":"2026-11-19T12:15:{{{n % 60:D2}}}.021Z","DDBStreamBatchInfo":{"shardId":"shardId-00000001795082400000-1a2b3c4d","startSequenceNumber":"1111{{{n:D20}}}","endSequenceNumber":"1111{{{n + 9:D20}}}","approximateArrivalOfFirstRecord":"2026-11-19T12:00:00Z","approximateArrivalOfLastRecord":"2026-11-19T12:00:05Z","batchSize":10,"streamArn":"arn:aws:dynamodb:us-east-1:123456789012:table/dev-orders-table-backend/stream/2026-11-20T00:00:00.000"}}""");
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ApproximateReceiveCount"] = "1",
            ["SentTimestamp"] = (1795090506021L + n).ToString(CultureInfo.InvariantCulture),
            ["SenderId"] = "AROAEXAMPLEROLEID:dev-order-processor-lambda-backend",
            ["ApproximateFirstReceiveTimestamp"] = (1795090506100L + n).ToString(CultureInfo.InvariantCulture),
        };
        return new QueueMessage(Guid.NewGuid().ToString(), body, attributes, QueueArn, EventSource);
    }

    /// <summary>The messages as one SQS event in Lambda's JSON shape.</summary>
    private static byte[] LambdaEvent(IReadOnlyList<QueueMessage> messages)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteStartArray("Records");
            foreach (var message in messages)
            {
                json.WriteStartObject();
                json.WriteString("messageId", message.MessageId);
                json.WriteString("receiptHandle", "AQEB" + message.MessageId);
                json.WriteString("body", message.Body);
                json.WriteStartObject("attributes");
                foreach (var (name, value) in message.Attributes ?? new Dictionary<string, string>())
                {
                    json.WriteString(name, value);
                }
                json.WriteEndObject();
                json.WriteStartObject("messageAttributes");
                json.WriteEndObject();
                json.WriteString("md5OfBody", "0f1e2d3c4b5a69788796a5b4c3d2e1f0");
                json.WriteString("eventSource", message.EventSource);
                json.WriteString("eventSourceARN", message.EventSourceArn);
                json.WriteString("awsRegion", "us-east-1");
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return stream.ToArray();
    }
}
