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
/// on-failure record for it (as bisect-on-error isolates it: a batch of one) to the DLQ, then goes on after it.
/// Retries are counted for the record the batch is retried from: they start again when the checkpoint moves past
/// it, so a record is dead-lettered only when it was itself the first failure that many times in a row. Then
/// delivers the DLQ to the audit function as SQS events: a message the function reports becomes visible again at
/// once (its visibility timeout taken as elapsed) and is delivered again. <see cref="IMappingFaults"/>, when given,
/// shortens the remaining time of chosen processor invocations and delivers chosen audited messages once more.
/// </summary>
public sealed class StreamMappingSimulator(
    AwsEmulator emulator,
    PipelineResources resources,
    Func<DynamoDBEvent, ILambdaContext, Task<StreamsEventResponse>> processor,
    Func<SQSEvent, ILambdaContext, Task<SQSBatchResponse>> audit,
    int maxRetryAttempts = 2,
    int batchSize = 100,
    string functionArn = "arn:aws:lambda:us-east-1:123456789012:function:local-order-processor-lambda-backend",
    IMappingFaults? faults = null)
{
    private static readonly TimeSpan FullRemainingTime = TimeSpan.FromMinutes(1);

    /// <summary>Events go through the handlers' own Lambda serializer, as the runtime sends them.</summary>
    private static readonly FunctionsLambdaSerializer Serializer = new();

    /// <param name="Retries">Invocations that delivered a batch again from its lowest reported record.</param>
    public sealed record DeliveryReport(
        IReadOnlyList<StreamRecordEnvelope> Records, int Invocations, IReadOnlyList<string> SentToDeadLetterQueue)
    {
        public int Retries { get; init; }
    }

    /// <param name="Audited">Messages the audit function stored (or found stored) and that left the queue.</param>
    /// <param name="Deliveries">Messages delivered to the audit function, redeliveries included.</param>
    /// <param name="Reported">Deliveries the function reported as failed (delivered again).</param>
    /// <param name="Redelivered">Audited messages delivered once more (<see
    /// cref="IMappingFaults.RedeliverAfterAudit"/>).</param>
    /// <param name="Invocations">Audit function invocations.</param>
    public sealed record DeadLetterReport(int Audited, int Deliveries, int Reported, int Redelivered, int Invocations);

    public async Task<DeliveryReport> DeliverStreamAsync()
    {
        var all = await emulator.Streams.ReadNewAsync(resources.StreamArn);
        var pending = new Queue<StreamRecordEnvelope>(all.Where(Reconciliation.KeptByFilter));
        var invocations = 0;
        var retries = 0;
        var deadLettered = new List<string>();

        while (pending.Count > 0)
        {
            var batch = pending.Take(batchSize).ToList();
            var attempt = 0;
            var resending = false;
            while (true)
            {
                invocations++;
                retries += resending ? 1 : 0;
                resending = true;
                var failed = await InvokeProcessorAsync(batch, invocations);
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
                attempt = firstFailed > 0 ? 1 : attempt + 1;
                if (attempt <= maxRetryAttempts)
                {
                    continue;
                }

                var poison = pending.Dequeue();
                await emulator.Sqs.SendMessageAsync(resources.DeadLetterQueueUrl, OnFailureRecord(poison, attempt));
                deadLettered.Add(poison.SequenceNumber);
                break;
            }
        }
        return new DeliveryReport(all, invocations, deadLettered) { Retries = retries };
    }

    /// <summary>Delivers the DLQ to the audit function until it is empty; returns how many messages were
    /// audited.</summary>
    public async Task<int> DeliverDeadLetterQueueAsync() => (await DrainDeadLetterQueueAsync()).Audited;

    /// <summary>Delivers the DLQ to the audit function until it is empty.</summary>
    public async Task<DeadLetterReport> DrainDeadLetterQueueAsync()
    {
        var queue = resources.DeadLetterQueueUrl;
        var report = new DeadLetterReport(0, 0, 0, 0, 0);
        var redelivered = new HashSet<string>(StringComparer.Ordinal);
        for (var round = 0; round < 100; round++)
        {
            var records = await emulator.Sqs.ReceiveAsLambdaRecordsAsync(queue);
            if (records.Count == 0)
            {
                return report;
            }

            var sqsEvent = Deserialize<SQSEvent>(new JsonObject { ["Records"] = records.DeepClone() });
            var response = await audit(sqsEvent, NewContext(FullRemainingTime));
            var failed = RoundTrip(response).BatchItemFailures.Select(f => f.ItemIdentifier).ToHashSet();
            report = report with
            {
                Deliveries = report.Deliveries + records.Count, Invocations = report.Invocations + 1,
            };
            foreach (var record in records)
            {
                var messageId = record!["messageId"]!.GetValue<string>();
                var receiptHandle = record["receiptHandle"]!.GetValue<string>();
                if (failed.Contains(messageId))
                {
                    await emulator.Sqs.ChangeMessageVisibilityAsync(queue, receiptHandle, TimeSpan.Zero);
                    report = report with { Reported = report.Reported + 1 };
                    continue;
                }
                if (faults is not null && !redelivered.Contains(messageId) && faults.RedeliverAfterAudit(messageId))
                {
                    redelivered.Add(messageId);
                    await emulator.Sqs.ChangeMessageVisibilityAsync(queue, receiptHandle, TimeSpan.Zero);
                    report = report with { Redelivered = report.Redelivered + 1 };
                    continue;
                }

                await emulator.Sqs.DeleteMessageAsync(queue, receiptHandle);
                report = report with { Audited = report.Audited + 1 };
            }
        }
        throw new InvalidOperationException("The DLQ did not drain in 100 rounds: the audit function keeps failing.");
    }

    private async Task<HashSet<string>> InvokeProcessorAsync(IReadOnlyList<StreamRecordEnvelope> batch, int invocation)
    {
        var records = new JsonArray([.. batch.Select(r => (JsonNode)r.LambdaRecord.DeepClone())]);
        var streamEvent = Deserialize<DynamoDBEvent>(new JsonObject { ["Records"] = records });
        var remaining = faults?.BeforeProcessorInvocation(invocation, FullRemainingTime) ?? FullRemainingTime;
        var response = await processor(streamEvent, NewContext(remaining));
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

    private TestLambdaContext NewContext(TimeSpan remaining) => new()
    {
        AwsRequestId = Guid.NewGuid().ToString(),
        FunctionName = functionArn[(functionArn.LastIndexOf(':') + 1)..],
        InvokedFunctionArn = functionArn,
        RemainingTime = remaining,
    };
}
