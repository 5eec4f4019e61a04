using System.Diagnostics;
using Amazon.DynamoDBv2;
using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Functions.Contracts;
using OrdersPipeline.Functions.Logging;
using OrdersPipeline.Functions.Metrics;
using OrdersPipeline.Functions.Timing;

namespace OrdersPipeline.Functions.Audit;

/// <summary>
/// The audit function (<see cref="Handlers.Audit"/>): DLQ messages in, one audit item each, the ids of the messages to
/// deliver again out (docs/contracts.md, "On-failure record", "Audit item"). Only a failed or deferred write is
/// reported; after the queue's receive limit SQS moves such a message to the redrive queue. The Lambda layer maps
/// the SQS event onto <see cref="QueueMessage"/>s and the ids onto a partial-batch response.
/// </summary>
public sealed class AuditService
{
    private readonly AuditWriter _writer;
    private readonly TimeProvider _time;
    private readonly JsonLog _log;
    private readonly TimeBudgetPolicy _budget;
    private readonly EmbeddedMetrics _metrics;

    /// <summary>Cold start in Lambda: configuration from the environment, clients from the SDK defaults.</summary>
    public AuditService()
        : this(AwsClientFactory.DynamoDb(SdkCallPolicy.Default), AuditSettings.FromEnvironment(), TimeProvider.System,
            JsonLog.Console)
    {
    }

    public AuditService(
        IAmazonDynamoDB dynamoDb, AuditSettings settings, TimeProvider time, JsonLog log, TimeBudgetPolicy? budget = null)
    {
        _writer = new AuditWriter(dynamoDb, settings.AuditTableName);
        _time = time;
        _log = log;
        _budget = budget ?? TimeBudgetPolicy.Default;
        _metrics = new EmbeddedMetrics(settings.Metrics, time);
    }

    /// <summary>Audits every message; returns the ids of those not stored (failed, or not started near the
    /// deadline), in batch order. Input that is not an SQS batch fails as a whole with
    /// <see cref="InvalidEventException"/>.</summary>
    public async Task<IReadOnlyList<string>> HandleAsync(IReadOnlyList<QueueMessage>? messages, Invocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var started = Stopwatch.GetTimestamp();
        var log = _log.ForRequest(invocation.RequestId);
        var batch = Validate(messages);
        using var budget = new TimeBudget(invocation.RemainingTime, _budget, _time);

        // Writes start together; near the deadline none starts, and what is not stored by the margin is reported.
        var audits = await Task.WhenAll(batch.Select(m => AuditAsync(m, log, budget))).ConfigureAwait(false);
        var results = audits.Select(a => a.Outcome).ToList();
        var failed = batch.Where((_, i) => results[i] is not (Outcome.Stored or Outcome.AlreadyStored))
            .Select(m => m.MessageId!).ToList();

        log.Write("INFO", "dlq batch audited",
            ("messages", batch.Count), ("stored", results.Count(r => r == Outcome.Stored)),
            ("alreadyStored", results.Count(r => r == Outcome.AlreadyStored)),
            ("failed", results.Count(r => r == Outcome.Failed)), ("deferred", results.Count(r => r == Outcome.Deferred)),
            ("remainingMs", budget.Remaining.TotalMilliseconds),
            ("durationMs", Stopwatch.GetElapsedTime(started).TotalMilliseconds));
        _metrics.Write(log, invocation.FunctionName, Metrics(audits, Stopwatch.GetElapsedTime(started)));
        return failed;
    }

    /// <summary>
    /// The batch's metrics: messages stored, already stored, failed and deferred, and the audited messages (stored or
    /// already stored) per failure type as <c>FailureType.&lt;type&gt;</c>, one metric per type seen.
    /// </summary>
    private static List<Metric> Metrics(IReadOnlyList<(Outcome Outcome, string? FailureType)> audits, TimeSpan duration)
    {
        List<Metric> metrics =
        [
            Metric.Count(PipelineMetrics.MessagesStored, audits.Count(a => a.Outcome == Outcome.Stored)),
            Metric.Count(PipelineMetrics.MessagesAlreadyStored, audits.Count(a => a.Outcome == Outcome.AlreadyStored)),
            Metric.Count(PipelineMetrics.MessagesFailed, audits.Count(a => a.Outcome == Outcome.Failed)),
            Metric.Count(PipelineMetrics.MessagesDeferred, audits.Count(a => a.Outcome == Outcome.Deferred)),
            Metric.Milliseconds(PipelineMetrics.BatchDuration, duration.TotalMilliseconds),
        ];
        metrics.AddRange(audits
            .Where(a => a.Outcome is Outcome.Stored or Outcome.AlreadyStored && a.FailureType is not null)
            .GroupBy(a => a.FailureType!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Metric.Count($"{PipelineMetrics.FailureTypePrefix}{g.Key}", g.Count())));
        return metrics;
    }

    /// <summary>What happened to one message. Failed and Deferred (not started near the deadline) are reported, and
    /// SQS delivers the message again.</summary>
    private enum Outcome { Stored, AlreadyStored, Failed, Deferred }

    private async Task<(Outcome Outcome, string? FailureType)> AuditAsync(QueueMessage message, JsonLog log, TimeBudget budget)
    {
        if (!budget.CanStartWrite)
        {
            log.Write("WARN", "dlq message deferred", ("messageId", message.MessageId),
                ("reason", "not started: the invocation's time budget is nearly spent"),
                ("remainingMs", budget.Remaining.TotalMilliseconds));
            return (Outcome.Deferred, null);
        }

        var item = AuditItemMapper.Map(message, _time.GetUtcNow());
        var failureType = item[FailureTypes.AttributeName].S;
        try
        {
            var result = await _writer.PutOnceAsync(item, budget.Token).ConfigureAwait(false);
            if (result == AuditWriter.Result.AlreadyStored)
            {
                log.Write("INFO", "audit item already stored (redelivery)",
                    ("messageId", message.MessageId), ("auditId", item["auditId"].S));
                return (Outcome.AlreadyStored, failureType);
            }
            return (Outcome.Stored, failureType);
        }
        catch (Exception error)
        {
            var reason = error is OperationCanceledException && budget.Token.IsCancellationRequested
                ? "abandoned at the invocation's deadline margin; it is reported and delivered again"
                : $"{error.GetType().Name}: {error.Message}";
            log.Write("ERROR", "audit write failed",
                ("messageId", message.MessageId), ("auditId", item["auditId"].S), ("error", reason));
            return (Outcome.Failed, failureType);
        }
    }

    /// <summary>The messages, or a clear error: each must be an SQS message (<see cref="QueueMessage.EventSource"/>
    /// <c>aws:sqs</c> when known) with an id, since the partial-batch response names messages by id.</summary>
    private static IReadOnlyList<QueueMessage> Validate(IReadOnlyList<QueueMessage>? messages)
    {
        if (messages is null)
        {
            throw new InvalidEventException("The input is not an SQS event: it has no 'Records' array.");
        }

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
