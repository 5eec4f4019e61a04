using System.Text.Json.Nodes;
using OrdersPipeline.Functions.Processor;

namespace OrdersPipeline.Emulator;

/// <summary>
/// The message Lambda's on-failure destination sends to the DLQ for a stream batch whose retries ran out
/// (docs/contracts.md, "On-failure record"), for a batch of one record as bisect-on-error isolates it.
/// </summary>
public static class OnFailureRecords
{
    public static string ForStreamRecord(StreamRecordEnvelope record, int invokeCount, string functionArn, string streamArn)
    {
        var arrival = StreamRecordFields.Iso8601(DateTimeOffset.FromUnixTimeMilliseconds(
            (long)(record.LambdaRecord["dynamodb"]!["ApproximateCreationDateTime"]!.GetValue<decimal>() * 1000)), alwaysMilliseconds: false);
        return new JsonObject
        {
            ["requestContext"] = new JsonObject
            {
                ["requestId"] = Guid.NewGuid().ToString(),
                ["functionArn"] = functionArn,
                ["condition"] = "RetryAttemptsExhausted",
                ["approximateInvokeCount"] = invokeCount,
            },
            ["responseContext"] = new JsonObject { ["statusCode"] = 200, ["executedVersion"] = "$LATEST", ["functionError"] = "Unhandled" },
            ["version"] = "1.0",
            ["timestamp"] = StreamRecordFields.Iso8601(DateTimeOffset.UtcNow, alwaysMilliseconds: true),
            ["DDBStreamBatchInfo"] = new JsonObject
            {
                ["shardId"] = record.ShardId,
                ["startSequenceNumber"] = record.SequenceNumber,
                ["endSequenceNumber"] = record.SequenceNumber,
                ["approximateArrivalOfFirstRecord"] = arrival,
                ["approximateArrivalOfLastRecord"] = arrival,
                ["batchSize"] = 1,
                ["streamArn"] = streamArn,
            },
        }.ToJsonString();
    }
}
