using System.Diagnostics;
using System.Net;
using Amazon.DynamoDBv2;
using Amazon.Lambda.Core;
using Amazon.Lambda.S3Events;
using Amazon.S3;
using Amazon.S3.Model;
using OrdersPipeline.Functions.Metrics;
using OrdersPipeline.Functions.Timing;
using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Functions.Ingest.Orders;
using OrdersPipeline.Functions.Logging;

namespace OrdersPipeline.Functions.Ingest.Files;

/// <summary>
/// Lambda handler <see cref="Handlers.FileIngest"/>: an object-created notification for <c>incoming/</c> in, the
/// object streamed, its orders validated and written with BatchWriteItem, its rejects to
/// <c>rejects/&lt;key&gt;.ndjson</c>, and one ingest-log item saying what became of it (docs/ingest.md, "File
/// ingest"). A transient failure fails the invocation after the log item says FAILED (retryable); Lambda retries it
/// and finally sends the event to the on-failure destination. A failure the file itself causes (too large, not
/// readable) is logged FAILED and the invocation succeeds, since retrying cannot help.
/// </summary>
public sealed class FileIngestFunction
{
    private readonly IAmazonS3 _s3;
    private readonly IAmazonDynamoDB _dynamoDb;
    private readonly FileIngestSettings _settings;
    private readonly IngestLogStore _ingestLog;
    private readonly TimeProvider _time;
    private readonly JsonLog _log;
    private readonly EmbeddedMetrics _metrics;
    private readonly JsonLog _metricsLog;

    /// <summary>Cold start in Lambda: configuration from the environment, clients from the SDK defaults.</summary>
    public FileIngestFunction()
        : this(AwsClientFactory.S3(SdkCallPolicy.Default), AwsClientFactory.DynamoDb(SdkCallPolicy.Default),
            FileIngestSettings.FromEnvironment(),
            TimeProvider.System, JsonLog.Console, Console.Out)
    {
    }

    public FileIngestFunction(IAmazonS3 s3, IAmazonDynamoDB dynamoDb, FileIngestSettings settings, TimeProvider time,
        JsonLog log, TextWriter metricsOutput)
    {
        _s3 = s3;
        _dynamoDb = dynamoDb;
        _settings = settings;
        _ingestLog = new IngestLogStore(dynamoDb, settings.IngestLogTableName);
        _time = time;
        _log = log;
        _metrics = new EmbeddedMetrics(settings.Metrics, time);
        _metricsLog = new JsonLog(metricsOutput);
    }

    public async Task HandleAsync(S3Event s3Event, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var records = s3Event?.Records
            ?? throw new Contracts.InvalidEventException("The input is not an S3 event: it has no 'Records' array.");
        var log = _log.ForRequest(context.AwsRequestId);
        var transient = new List<Exception>();
        foreach (var record in records)
        {
            var dropped = DroppedObject.From(record);
            if (!dropped.EventName.StartsWith("ObjectCreated:", StringComparison.Ordinal) ||
                !dropped.Key.StartsWith(DropLayout.IncomingPrefix, StringComparison.Ordinal))
            {
                log.Write("WARN", "event ignored: not an object created under " + DropLayout.IncomingPrefix,
                    ("eventName", dropped.EventName), ("key", dropped.Key));
                continue;
            }

            if (await IngestAsync(dropped, context, log).ConfigureAwait(false) is { } error)
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
    private async Task<Exception?> IngestAsync(DroppedObject dropped, ILambdaContext context, JsonLog log)
    {
        var started = Stopwatch.GetTimestamp();
        var startedAt = _time.GetUtcNow();
        var processing = new IngestLogItem
        {
            Object = dropped,
            RequestId = context.AwsRequestId,
            Status = IngestStatus.Processing,
            StartedAt = startedAt,
            LeaseUntil = startedAt + context.RemainingTime,
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

        var outcome = await ReadAndWriteAsync(dropped).ConfigureAwait(false);
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
        _metrics.Write(_metricsLog.ForRequest(context.AwsRequestId), context.FunctionName ?? "unknown",
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

    private sealed record Outcome(string Status, string? Format, string? ContentType, long Read, long Written,
        long Rejected, string? RejectsKey, string? Error, Exception? Transient);

    private async Task<Outcome> ReadAndWriteAsync(DroppedObject dropped)
    {
        var limit = _settings.MaxObjectBytes;
        if (dropped.Size > limit)
        {
            return TooLarge(dropped.Size, limit, null, null);
        }

        if (FileFormats.For(dropped.Key) is not var (format, reader))
        {
            return new Outcome(IngestStatus.Failed, null, null, 0, 0, 0, null,
                "The key's extension is not one this door reads (.ndjson, .jsonl, .json, .csv).", null);
        }

        var writer = new OrderBatchWriter(_dynamoDb, _settings.OrdersTableName);
        await using var rejects = new RejectsFile();
        long read = 0;
        string? contentType = null;
        string? error = null;
        Exception? transient = null;
        try
        {
            using var response = await _s3.GetObjectAsync(new GetObjectRequest
            {
                BucketName = dropped.Bucket,
                Key = dropped.Key,
                VersionId = dropped.VersionId == DroppedObject.NoVersion ? null : dropped.VersionId,
            }).ConfigureAwait(false);
            contentType = response.Headers.ContentType;
            if (response.ContentLength > limit)
            {
                return TooLarge(response.ContentLength, limit, format, contentType);
            }

            await foreach (var record in reader.ReadAsync(response.ResponseStream, CancellationToken.None)
                               .ConfigureAwait(false))
            {
                read++;
                if (record.Order is { } order)
                {
                    await writer.AddAsync(order.OrderId,
                        OrderItem.Create(order, dropped.UploadedAt, 1, OrderItem.FileSource, dropped.Uri))
                        .ConfigureAwait(false);
                }
                else
                {
                    rejects.Add(record);
                }
            }
        }
        catch (IngestFileException unreadable)
        {
            error = unreadable.Message;
        }
        catch (AmazonS3Exception missing) when (missing.StatusCode == HttpStatusCode.NotFound)
        {
            error = "The object (this version) no longer exists.";
        }
        catch (Exception failure)
        {
            transient = failure;
            error = $"{failure.GetType().Name}: {failure.Message}";
        }

        // What was read is written and its rejects kept even when the file breaks off, so the log's counts are exact.
        try
        {
            await writer.FlushAsync().ConfigureAwait(false);
        }
        catch (Exception failure) when (transient is null)
        {
            transient = failure;
            error = $"{failure.GetType().Name}: {failure.Message}";
        }

        string? rejectsKey = null;
        if (rejects.Count > 0 && transient is null)
        {
            rejectsKey = RejectsFile.KeyFor(dropped.Key);
            try
            {
                await _s3.PutObjectAsync(new PutObjectRequest
                {
                    BucketName = dropped.Bucket,
                    Key = rejectsKey,
                    InputStream = rejects.OpenForUpload(),
                    ContentType = RejectsFile.ContentType,
                    AutoCloseStream = false,
                }).ConfigureAwait(false);
            }
            catch (Exception failure)
            {
                transient = failure;
                error = $"The rejects file could not be written: {failure.GetType().Name}: {failure.Message}";
                rejectsKey = null;
            }
        }

        var status = error is not null ? IngestStatus.Failed
            : rejects.Count > 0 ? IngestStatus.CompletedWithRejects
            : IngestStatus.Completed;
        return new Outcome(status, format, contentType, read, writer.Written, rejects.Count, rejectsKey, error, transient);
    }

    private static Outcome TooLarge(long size, long limit, string? format, string? contentType) =>
        new(IngestStatus.Failed, format, contentType, 0, 0, 0, null,
            $"The object has {size} bytes; the limit is {limit} ({FileIngestEnvironment.MaxObjectMb.Name}). "
            + "Nothing of it was written.", null);
}
