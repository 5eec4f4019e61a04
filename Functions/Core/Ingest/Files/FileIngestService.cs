using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.S3;
using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Functions.Contracts;
using OrdersPipeline.Functions.Logging;
using OrdersPipeline.Functions.Metrics;
using OrdersPipeline.Functions.Timing;

namespace OrdersPipeline.Functions.Ingest.Files;

/// <summary>
/// The file door (<see cref="Handlers.FileIngest"/>): object-created notifications for <c>incoming/</c> in; each
/// object claimed in the ingest log, read and written (<see cref="ObjectIngest"/>), and the log item completed with
/// what became of it (docs/ingest.md, "File ingest"). A transient failure fails the invocation after the log item says
/// FAILED (retryable); Lambda retries it and finally sends the event to the on-failure destination. A failure the file
/// itself causes (too large, not readable) is logged FAILED and the invocation succeeds, since retrying cannot help.
/// </summary>
public sealed class FileIngestService
{
    private readonly ObjectIngest _objects;
    private readonly IngestLogStore _ingestLog;
    private readonly TimeProvider _time;
    private readonly JsonLog _log;
    private readonly EmbeddedMetrics _metrics;
    private readonly JsonLog _metricsLog;

    /// <summary>Cold start in Lambda: configuration from the environment, clients from the SDK defaults.</summary>
    public FileIngestService()
        : this(AwsClientFactory.S3(SdkCallPolicy.Default), AwsClientFactory.DynamoDb(SdkCallPolicy.Default),
            FileIngestSettings.FromEnvironment(), TimeProvider.System, JsonLog.Console, Console.Out)
    {
    }

    public FileIngestService(IAmazonS3 s3, IAmazonDynamoDB dynamoDb, FileIngestSettings settings, TimeProvider time,
        JsonLog log, TextWriter metricsOutput)
    {
        _objects = new ObjectIngest(s3, dynamoDb, settings);
        _ingestLog = new IngestLogStore(dynamoDb, settings.IngestLogTableName);
        _time = time;
        _log = log;
        _metrics = new EmbeddedMetrics(settings.Metrics, time);
        _metricsLog = new JsonLog(metricsOutput);
    }

    /// <summary>Ingests every object the notifications name under <c>incoming/</c> (others are logged and ignored).
    /// Throws an <see cref="AggregateException"/> of the transient failures, after every object was tried.</summary>
    public async Task HandleAsync(IReadOnlyList<ObjectNotification>? notifications, Invocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        if (notifications is null)
        {
            throw new InvalidEventException("The input is not an S3 event: it has no 'Records' array.");
        }

        var log = _log.ForRequest(invocation.RequestId);
        var transient = new List<Exception>();
        for (var i = 0; i < notifications.Count; i++)
        {
            var notification = notifications[i]
                ?? throw new InvalidEventException($"Records[{i}] is null; the input is not an S3 event.");
            var dropped = DroppedObject.From(notification);
            if (!dropped.EventName.StartsWith("ObjectCreated:", StringComparison.Ordinal) ||
                !dropped.Key.StartsWith(DropLayout.IncomingPrefix, StringComparison.Ordinal))
            {
                log.Write("WARN", "event ignored: not an object created under " + DropLayout.IncomingPrefix,
                    ("eventName", dropped.EventName), ("key", dropped.Key));
                continue;
            }

            if (await IngestAsync(dropped, invocation, log).ConfigureAwait(false) is { } error)
            {
                transient.Add(error);
            }
        }

        if (transient.Count > 0)
        {
            // Lambda retries the event; objects finished meanwhile are found in the log and skipped.
            throw new AggregateException("Ingest failed for a reason a retry may fix; see the ingest log.", transient);
        }
    }

    /// <summary>Null when the object is finished with (ingested, skipped as a redelivery, or failed for good).</summary>
    private async Task<Exception?> IngestAsync(DroppedObject dropped, Invocation invocation, JsonLog log)
    {
        var started = Stopwatch.GetTimestamp();
        var startedAt = _time.GetUtcNow();
        var processing = new IngestLogItem
        {
            Object = dropped,
            RequestId = invocation.RequestId,
            Status = IngestStatus.Processing,
            StartedAt = startedAt,
            LeaseUntil = startedAt + invocation.RemainingTime,
        };

        var (claim, existing) = await _ingestLog.ClaimAsync(processing, CancellationToken.None).ConfigureAwait(false);
        if (claim != IngestLogStore.ClaimResult.Claimed)
        {
            log.Write("INFO", claim == IngestLogStore.ClaimResult.AlreadyDone
                    ? "object already ingested (redelivery): nothing written"
                    : "object is being ingested by another invocation: nothing written",
                ("key", dropped.Key), ("versionId", dropped.VersionId),
                ("status", existing?.GetValueOrDefault("status")?.S),
                ("byRequestId", existing?.GetValueOrDefault("requestId")?.S));
            return null;
        }

        var outcome = await _objects.RunAsync(dropped).ConfigureAwait(false);
        var final = processing with
        {
            Status = outcome.Status,
            ContentType = outcome.ContentType,
            Format = outcome.Format,
            RecordsRead = outcome.Read,
            RecordsWritten = outcome.Written,
            RecordsRejected = outcome.Rejected,
            RejectsKey = outcome.RejectsKey,
            Error = outcome.Error,
            Retryable = outcome.Transient is not null,
            FinishedAt = _time.GetUtcNow(),
            LeaseUntil = null,
        };
        var completed = await _ingestLog.CompleteAsync(final, CancellationToken.None).ConfigureAwait(false);

        var durationMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        _metrics.Write(_metricsLog.ForRequest(invocation.RequestId), invocation.FunctionName ?? "unknown",
        [
            Metric.Count(IngestMetrics.FilesFailed, outcome.Status == IngestStatus.Failed ? 1 : 0),
            new Metric(IngestMetrics.OrdersWritten, "Count", outcome.Written),
            new Metric(IngestMetrics.OrdersRejected, "Count", outcome.Rejected),
            Metric.Milliseconds(IngestMetrics.FileDuration, durationMs),
        ]);
        log.Write(outcome.Status == IngestStatus.Failed ? "ERROR" : "INFO", "object ingested",
            ("key", dropped.Key), ("versionId", dropped.VersionId), ("status", outcome.Status),
            ("format", outcome.Format), ("read", outcome.Read), ("written", outcome.Written),
            ("rejected", outcome.Rejected), ("error", outcome.Error), ("logItemWritten", completed),
            ("durationMs", durationMs));
        return outcome.Transient;
    }
}
