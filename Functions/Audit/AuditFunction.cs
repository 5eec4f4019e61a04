using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.Lambda.Core;
using Amazon.Lambda.SQSEvents;
using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Functions.Contracts;
using OrdersPipeline.Functions.Logging;

namespace OrdersPipeline.Functions.Audit;

/// <summary>
/// Lambda handler <see cref="Handlers.Audit"/>: DLQ messages in, one audit item each, a partial-batch response out
/// (docs/contracts.md, "On-failure record", "Audit item"). Only a failed write is reported; after the queue's receive
/// limit SQS moves such a message to the redrive queue.
/// </summary>
public sealed class AuditFunction
{
    private readonly AuditWriter _writer;
    private readonly TimeProvider _time;
    private readonly JsonLog _log;

    /// <summary>Cold start in Lambda: configuration from the environment, clients from the SDK defaults.</summary>
    public AuditFunction()
        : this(AwsClientFactory.DynamoDb(), AuditSettings.FromEnvironment(), TimeProvider.System, JsonLog.Console)
    {
    }

    public AuditFunction(IAmazonDynamoDB dynamoDb, AuditSettings settings, TimeProvider time, JsonLog log)
    {
        _writer = new AuditWriter(dynamoDb, settings.AuditTableName);
        _time = time;
        _log = log;
    }

    public async Task<SQSBatchResponse> HandleAsync(SQSEvent sqsEvent, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        var log = _log.ForRequest(context.AwsRequestId);
        var messages = Validate(sqsEvent);

        var results = await Task.WhenAll(messages.Select(m => AuditAsync(m, log))).ConfigureAwait(false);
        var failed = messages.Where((_, i) => results[i] is null).Select(m => m.MessageId).ToList();

        log.Write("INFO", "dlq batch audited",
            ("messages", messages.Count), ("stored", results.Count(r => r == AuditWriter.Result.Stored)),
            ("alreadyStored", results.Count(r => r == AuditWriter.Result.AlreadyStored)), ("failed", failed.Count),
            ("durationMs", Stopwatch.GetElapsedTime(started).TotalMilliseconds));
        return BatchResponses.ForQueue(failed);
    }

    /// <summary>Null when the write failed: the message is reported and SQS delivers it again.</summary>
    private async Task<AuditWriter.Result?> AuditAsync(SQSEvent.SQSMessage message, JsonLog log)
    {
        var item = AuditItemMapper.Map(message, _time.GetUtcNow());
        try
        {
            var result = await _writer.PutOnceAsync(item, CancellationToken.None).ConfigureAwait(false);
            if (result == AuditWriter.Result.AlreadyStored)
            {
                log.Write("INFO", "audit item already stored (redelivery)",
                    ("messageId", message.MessageId), ("auditId", item["auditId"].S));
            }
            return result;
        }
        catch (Exception error)
        {
            log.Write("ERROR", "audit write failed",
                ("messageId", message.MessageId), ("auditId", item["auditId"].S),
                ("error", $"{error.GetType().Name}: {error.Message}"));
            return null;
        }
    }

    private static List<SQSEvent.SQSMessage> Validate(SQSEvent? sqsEvent)
    {
        var messages = sqsEvent?.Records
            ?? throw new InvalidEventException("The input is not an SQS event: it has no 'Records' array.");
        for (var i = 0; i < messages.Count; i++)
        {
            if (messages[i] is not { } message)
            {
                throw new InvalidEventException($"Records[{i}] is null; the input is not an SQS event.");
            }
            if (message.EventSource is { } source && source != "aws:sqs")
            {
                throw new InvalidEventException(
                    $"Records[{i}] has eventSource '{source}'; the audit function only accepts SQS events (aws:sqs).");
            }
            if (string.IsNullOrEmpty(message.MessageId))
            {
                throw new InvalidEventException(
                    $"Records[{i}] has no messageId, so it cannot be reported on its own; the batch is failed for retry.");
            }
        }
        return messages;
    }
}
