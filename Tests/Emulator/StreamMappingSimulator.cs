using Amazon.SQS.Model;
using OrdersPipeline.Functions;
using OrdersPipeline.Functions.Audit;
using OrdersPipeline.Functions.Processor;

namespace OrdersPipeline.Emulator;

/// <summary>
/// Stands in for Lambda's event source mappings, which the emulator cannot run: delivers new stream records
/// (those Infra's stream filter keeps, <see cref="Reconciliation.KeptByFilter"/>) to the processor, retries from the
/// lowest reported sequence number, and once a record still fails after <c>maxRetryAttempts</c> retries sends Lambda's
/// on-failure record for it (as bisect-on-error isolates it: a batch of one) to the DLQ, then goes on after it.
/// Retries are counted for the record the batch is retried from: they start again when the checkpoint moves past
/// it, so a record is dead-lettered only when it was itself the first failure that many times in a row. Then
/// delivers the DLQ to the audit function as SQS batches: a message the function reports becomes visible again at
/// once (its visibility timeout taken as elapsed) and is delivered again. <see cref="IMappingFaults"/>, when given,
/// shortens the remaining time of chosen processor invocations and delivers chosen audited messages once more.
/// </summary>
/// <param name="processor">The processor's entry point (<see cref="ProcessorService.HandleAsync"/>).</param>
/// <param name="audit">The audit function's entry point (<see cref="AuditService.HandleAsync"/>): returns the ids
/// of the messages it reports as failed.</param>
public sealed class StreamMappingSimulator(
    AwsEmulator emulator,
    PipelineResources resources,
    Func<IReadOnlyList<ChangeRecord>, Invocation, Task<BatchOutcome>> processor,
    Func<IReadOnlyList<QueueMessage>, Invocation, Task<IReadOnlyList<string>>> audit,
    int maxRetryAttempts = 2,
    int batchSize = 100,
    string functionArn = "arn:aws:lambda:us-east-1:123456789012:function:local-order-processor-lambda-backend",
    IMappingFaults? faults = null)
{
    private static readonly TimeSpan FullRemainingTime = TimeSpan.FromMinutes(1);

    /// <summary>The system attributes Lambda's SQS events carry and the audit function reads.</summary>
    private static readonly List<string> SystemAttributes = ["SentTimestamp", "ApproximateReceiveCount"];

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
                await emulator.Sqs.SendMessageAsync(resources.DeadLetterQueueUrl,
                    OnFailureRecords.ForStreamRecord(poison, attempt, functionArn, resources.StreamArn));
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
        var queueArn = await QueueArnAsync(queue);
        var report = new DeadLetterReport(0, 0, 0, 0, 0);
        var redelivered = new HashSet<string>(StringComparer.Ordinal);
        for (var round = 0; round < 100; round++)
        {
            var received = (await emulator.Sqs.ReceiveMessageAsync(new ReceiveMessageRequest
            {
                QueueUrl = queue,
                MaxNumberOfMessages = 10,
                MessageSystemAttributeNames = SystemAttributes,
            })).Messages ?? [];
            if (received.Count == 0)
            {
                return report;
            }

            // As Lambda's SQS event source mapping hands each message to the function.
            var messages = received
                .Select(m => new QueueMessage(m.MessageId, m.Body, m.Attributes, queueArn, "aws:sqs"))
                .ToList();
            var failed = (await audit(messages, NewInvocation(FullRemainingTime))).ToHashSet(StringComparer.Ordinal);
            report = report with
            {
                Deliveries = report.Deliveries + received.Count, Invocations = report.Invocations + 1,
            };
            foreach (var message in received)
            {
                if (failed.Contains(message.MessageId))
                {
                    await emulator.Sqs.ChangeMessageVisibilityAsync(queue, message.ReceiptHandle, 0);
                    report = report with { Reported = report.Reported + 1 };
                    continue;
                }
                if (faults is not null && !redelivered.Contains(message.MessageId) &&
                    faults.RedeliverAfterAudit(message.MessageId))
                {
                    redelivered.Add(message.MessageId);
                    await emulator.Sqs.ChangeMessageVisibilityAsync(queue, message.ReceiptHandle, 0);
                    report = report with { Redelivered = report.Redelivered + 1 };
                    continue;
                }

                await emulator.Sqs.DeleteMessageAsync(queue, message.ReceiptHandle);
                report = report with { Audited = report.Audited + 1 };
            }
        }
        throw new InvalidOperationException("The DLQ did not drain in 100 rounds: the audit function keeps failing.");
    }

    private async Task<string> QueueArnAsync(string queueUrl)
    {
        var attributes = await emulator.Sqs.GetQueueAttributesAsync(queueUrl, ["QueueArn"]);
        return attributes.QueueARN
            ?? throw new InvalidOperationException($"The emulator named no QueueArn for {queueUrl}.");
    }

    private async Task<HashSet<string>> InvokeProcessorAsync(IReadOnlyList<StreamRecordEnvelope> batch, int invocation)
    {
        var remaining = faults?.BeforeProcessorInvocation(invocation, FullRemainingTime) ?? FullRemainingTime;
        var outcome = await processor(StreamRecordEnvelope.Changes(batch), NewInvocation(remaining));
        return [.. outcome.FailedSequenceNumbers];
    }

    private Invocation NewInvocation(TimeSpan remaining) =>
        new(Guid.NewGuid().ToString(), remaining, functionArn[(functionArn.LastIndexOf(':') + 1)..]);
}
