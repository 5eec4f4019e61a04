using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Lambda.Core;
using Amazon.Lambda.DynamoDBEvents;
using Amazon.Lambda.SQSEvents;
using Amazon.Lambda.TestUtilities;
using OrdersPipeline.Functions.Processor;
using OrdersPipeline.Functions.Serialization;

namespace OrdersPipeline.Emulator;

/// <summary>
/// Stands in for Lambda's event source mappings, which the emulator cannot run: delivers new stream records
/// (those Infra's stream filter keeps, <see cref="Reconciliation.KeptByFilter"/>) to the processor, retries from the
/// lowest reported sequence number, and once a record still fails after <c>maxRetryAttempts</c> retries sends Lambda's
/// on-failure record for it (as bisect-on-error isolates it: a batch of one) to the DLQ, then goes on after it. Then
/// delivers the DLQ to the audit function as SQS events.
/// </summary>
public sealed class StreamMappingSimulator(
    AwsEmulator emulator,
    PipelineResources resources,
    Func<DynamoDBEvent, ILambdaContext, Task<StreamsEventResponse>> processor,
    Func<SQSEvent, ILambdaContext, Task<SQSBatchResponse>> audit,
    int maxRetryAttempts = 2,
    int batchSize = 100,
    string functionArn = "arn:aws:lambda:us-east-1:123456789012:function:local-order-processor-lambda-backend")
{
    /// <summary>Events go through the handlers' own Lambda serializer, as the runtime sends them.</summary>
    private static readonly FunctionsLambdaSerializer Serializer = new();

    public sealed record DeliveryReport(
        IReadOnlyList<StreamRecordEnvelope> Records, int Invocations, IReadOnlyList<string> SentToDeadLetterQueue);

    public async Task<DeliveryReport> DeliverStreamAsync()
    {
        var all = await emulator.Streams.ReadNewAsync(resources.StreamArn);
        var pending = new Queue<StreamRecordEnvelope>(all.Where(Reconciliation.KeptByFilter));
        var invocations = 0;
        var deadLettered = new List<string>();

        while (pending.Count > 0)
        {
            var batch = pending.Take(batchSize).ToList();
            var attempt = 0;
            while (true)
            {
                invocations++;
                var failed = await InvokeProcessorAsync(batch);
                var firstFailed = batch.FindIndex(r => failed.Contains(r.SequenceNumber));
                if (firstFailed < 0)
                {
                    for (var i = 0; i < batch.Count; i++)
                    {
                        pending.Dequeue();
                    }

                    break;
                }
                // The records before the first reported one are checkpointed.
                for (var i = 0; i < firstFailed; i++)
                {
                    pending.Dequeue();
                }

                batch = batch.Skip(firstFailed).ToList();
                if (++attempt <= maxRetryAttempts)
                {
                    continue;
                }

                var poison = pending.Dequeue();
                await emulator.Sqs.SendMessageAsync(resources.DeadLetterQueueUrl, OnFailureRecord(poison, attempt));
                deadLettered.Add(poison.SequenceNumber);
                break;
            }
        }
        return new DeliveryReport(all, invocations, deadLettered);
    }

    /// <summary>Delivers the DLQ to the audit function until it is empty; returns how many messages were
    /// audited.</summary>
    public async Task<int> DeliverDeadLetterQueueAsync()
    {
        var audited = 0;
        for (var round = 0; round < 100; round++)
        {
            var records = await emulator.Sqs.ReceiveAsLambdaRecordsAsync(resources.DeadLetterQueueUrl);
            if (records.Count == 0)
            {
                return audited;
            }

            var sqsEvent = Deserialize<SQSEvent>(new JsonObject { ["Records"] = records.DeepClone() });
            var response = await audit(sqsEvent, NewContext());
            var failed = RoundTrip(response).BatchItemFailures.Select(f => f.ItemIdentifier).ToHashSet();
            foreach (var record in records)
            {
                if (failed.Contains(record!["messageId"]!.GetValue<string>()))
                {
                    continue;
                }

                await emulator.Sqs.DeleteMessageAsync(resources.DeadLetterQueueUrl, record["receiptHandle"]!.GetValue<string>());
                audited++;
            }
        }
        throw new InvalidOperationException("The DLQ did not drain in 100 rounds: the audit function keeps failing.");
    }

    private async Task<HashSet<string>> InvokeProcessorAsync(IReadOnlyList<StreamRecordEnvelope> batch)
    {
        var records = new JsonArray([.. batch.Select(r => (JsonNode)r.LambdaRecord.DeepClone())]);
        var streamEvent = Deserialize<DynamoDBEvent>(new JsonObject { ["Records"] = records });
        var response = await processor(streamEvent, NewContext());
        return [.. RoundTrip(response).BatchItemFailures.Select(f => f.ItemIdentifier)];
    }

    private string OnFailureRecord(StreamRecordEnvelope record, int invokeCount)
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
                ["streamArn"] = resources.StreamArn,
            },
        }.ToJsonString();
    }

    private static T Deserialize<T>(JsonNode node) =>
        Serializer.Deserialize<T>(new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(node)));

    /// <summary>The response as Lambda reads it: serialized by the handlers' serializer and read back.</summary>
    private static T RoundTrip<T>(T response)
    {
        using var buffer = new MemoryStream();
        Serializer.Serialize(response ?? throw new InvalidOperationException("The function returned no batch response."), buffer);
        buffer.Position = 0;
        return Serializer.Deserialize<T>(buffer);
    }

    private TestLambdaContext NewContext() => new()
    {
        AwsRequestId = Guid.NewGuid().ToString(),
        FunctionName = functionArn[(functionArn.LastIndexOf(':') + 1)..],
        InvokedFunctionArn = functionArn,
        RemainingTime = TimeSpan.FromMinutes(1),
    };
}
