using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OrdersPipeline.Benchmarks;

/// <summary>
/// SQS events of Lambda on-failure records, as the DLQ mapping delivers them to the audit function (the shape of
/// Tests/Functions.Tests/Fixtures/sqs-dlq-event.json). Every message has its own request id, so each is a new audit
/// item (no conditional-check redelivery path).
/// </summary>
internal static class AuditEvents
{
    public static List<byte[]> Generate(int batches, int messagesPerBatch, string runTag)
    {
        var events = new List<byte[]>(batches);
        var n = 0;
        for (var b = 0; b < batches; b++)
        {
            var text = new StringBuilder("{\"Records\":[");
            for (var m = 0; m < messagesPerBatch; m++, n++)
            {
                var requestId = string.Create(CultureInfo.InvariantCulture, $"{runTag}-{n:D6}");
                var body = string.Create(CultureInfo.InvariantCulture,
                    $$$"""{"requestContext":{"requestId":"{{{requestId}}}","functionArn":"arn:aws:lambda:us-east-1:123456789012:function:dev-order-processor-lambda-backend","condition":"{{{(n % 3 == 0 ? "RecordAgeExceeded" : "RetryAttemptsExhausted")}}}","approximateInvokeCount":4},"responseContext":{"statusCode":200,"executedVersion":"$LATEST","functionError":"Unhandled"},"version":"1.0","timestamp":"2026-11-19T12:15:{{{n % 60:D2}}}.021Z","DDBStreamBatchInfo":{"shardId":"shardId-00000001795082400000-1a2b3c4d","startSequenceNumber":"1111{{{n:D20}}}","endSequenceNumber":"1111{{{n + 9:D20}}}","approximateArrivalOfFirstRecord":"2026-11-19T12:00:00Z","approximateArrivalOfLastRecord":"2026-11-19T12:00:05Z","batchSize":10,"streamArn":"arn:aws:dynamodb:us-east-1:123456789012:table/dev-orders-table-backend/stream/2026-11-20T00:00:00.000"}}""");
                if (m > 0)
                {
                    text.Append(',');
                }
                text.Append(CultureInfo.InvariantCulture, $$"""
                    {"messageId":"{{Guid.NewGuid()}}","receiptHandle":"AQEB{{n}}","body":{{JsonSerializer.Serialize(body)}},"attributes":{"ApproximateReceiveCount":"1","SentTimestamp":"{{1795090506021L + n}}","SenderId":"AROAEXAMPLEROLEID:dev-order-processor-lambda-backend","ApproximateFirstReceiveTimestamp":"{{1795090506100L + n}}"},"messageAttributes":{},"md5OfBody":"0f1e2d3c4b5a69788796a5b4c3d2e1f0","eventSource":"aws:sqs","eventSourceARN":"arn:aws:sqs:us-east-1:123456789012:dev-orders-dlq-backend","awsRegion":"us-east-1"}
                    """);
            }
            text.Append("]}");
            events.Add(Encoding.UTF8.GetBytes(text.ToString()));
        }
        return events;
    }
}
