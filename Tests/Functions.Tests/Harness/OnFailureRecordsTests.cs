using System.Text.Json;
using System.Text.Json.Nodes;
using OrdersPipeline.Emulator;

namespace OrdersPipeline.Functions.Tests.Harness;

/// <summary>The on-failure record the simulated stream mapping sends to the DLQ: Lambda's documented shape for a
/// batch of one record (docs/contracts.md, "On-failure record").</summary>
public sealed class OnFailureRecordsTests
{
    private const string StreamArn =
        "arn:aws:dynamodb:us-east-1:123456789012:table/local-orders-table-backend/stream/2026-11-20T00:00:00.000";

    private const string FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:local-order-processor-lambda-backend";

    private static StreamRecordEnvelope Record(decimal createdAt) => new("shardId-1", "4200", "INSERT", new JsonObject
    {
        ["dynamodb"] = new JsonObject { ["ApproximateCreationDateTime"] = createdAt, ["SequenceNumber"] = "4200" },
    });

    [Test]
    public void A_record_whose_retries_ran_out_is_one_batch_of_itself()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        using var message = JsonDocument.Parse(OnFailureRecords.ForStreamRecord(Record(1795082400.25m), 3, FunctionArn, StreamArn));
        var root = message.RootElement;
        var request = root.GetProperty("requestContext");
        var batch = root.GetProperty("DDBStreamBatchInfo");
        Assert.Multiple(() =>
        {
            Assert.That(root.EnumerateObject().Select(p => p.Name),
                Is.EqualTo(new[] { "requestContext", "responseContext", "version", "timestamp", "DDBStreamBatchInfo" }));
            Assert.That(Guid.TryParse(request.GetProperty("requestId").GetString(), out _), Is.True);
            Assert.That(request.GetProperty("functionArn").GetString(), Is.EqualTo(FunctionArn));
            Assert.That(request.GetProperty("condition").GetString(), Is.EqualTo("RetryAttemptsExhausted"));
            Assert.That(request.GetProperty("approximateInvokeCount").GetInt32(), Is.EqualTo(3));
            Assert.That(root.GetProperty("responseContext").GetRawText(),
                Is.EqualTo("""{"statusCode":200,"executedVersion":"$LATEST","functionError":"Unhandled"}"""));
            Assert.That(root.GetProperty("version").GetString(), Is.EqualTo("1.0"));
            Assert.That(root.GetProperty("timestamp").GetString(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"));
            Assert.That(DateTimeOffset.Parse(root.GetProperty("timestamp").GetString()!), Is.GreaterThan(before));
            Assert.That(batch.GetRawText(), Is.EqualTo(
                $$"""{"shardId":"shardId-1","startSequenceNumber":"4200","endSequenceNumber":"4200","approximateArrivalOfFirstRecord":"2026-11-19T10:00:00.250Z","approximateArrivalOfLastRecord":"2026-11-19T10:00:00.250Z","batchSize":1,"streamArn":"{{StreamArn}}"}"""));
        });
    }

    [Test]
    public void An_arrival_on_the_second_has_no_milliseconds()
    {
        using var message = JsonDocument.Parse(OnFailureRecords.ForStreamRecord(Record(1795082400m), 3, FunctionArn, StreamArn));
        Assert.That(message.RootElement.GetProperty("DDBStreamBatchInfo").GetProperty("approximateArrivalOfFirstRecord").GetString(),
            Is.EqualTo("2026-11-19T10:00:00Z"));
    }
}
