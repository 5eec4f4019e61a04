using Amazon.S3;
using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Functions.Logging;
using OrdersPipeline.Functions.Metrics;
using OrdersPipeline.Functions.Timing;

namespace OrdersPipeline.Functions.Processor;

/// <summary>
/// The processor function's core (docs/contracts.md, "Stream event", "Processed document", "Object key"): one
/// invocation's stream records in, the batch's outcome out, whose failed sequence numbers the partial-batch
/// response names. The Lambda layer's <c>ProcessorFunction</c> maps the package's event onto it.
/// </summary>
public sealed class ProcessorService
{
    private readonly StreamBatchProcessor _processor;
    private readonly JsonLog _log;
    private readonly TimeProvider _time;
    private readonly TimeBudgetPolicy _budget;
    private readonly EmbeddedMetrics _metrics;

    /// <summary>Cold start in Lambda: configuration from the environment, clients from the SDK defaults.</summary>
    public ProcessorService()
        : this(AwsClientFactory.S3(SdkCallPolicy.Default), ProcessorSettings.FromEnvironment(), TimeProvider.System, JsonLog.Console)
    {
    }

    public ProcessorService(
        IAmazonS3 s3, ProcessorSettings settings, TimeProvider time, JsonLog log, TimeBudgetPolicy? budget = null)
        : this(new S3ProcessedObjectStore(s3, settings.BucketName, settings.ConditionalWrites,
            S3ProcessedObjectStore.DefaultCacheCapacity), settings, time, log, budget)
    {
    }

    public ProcessorService(
        IProcessedObjectStore store, ProcessorSettings settings, TimeProvider time, JsonLog log, TimeBudgetPolicy? budget = null)
    {
        _processor = new StreamBatchProcessor(
            new ProcessedDocumentBuilder(settings.KeyPrefix, settings.KeyAttribute, settings.CardNumbers), store, settings.MaxConcurrency, time);
        _log = log;
        _time = time;
        _budget = budget ?? TimeBudgetPolicy.Default;
        _metrics = new EmbeddedMetrics(settings.Metrics, time);
    }

    /// <param name="records">The batch; null when the input was not a stream event (the validator says so).</param>
    /// <param name="invocation">The invocation: its remaining time starts the time budget, its request id is on every
    /// log line, its function name is the metrics' dimension.</param>
    public async Task<BatchOutcome> HandleAsync(IReadOnlyList<ChangeRecord>? records, Invocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        using var budget = new TimeBudget(invocation.RemainingTime, _budget, _time);
        var log = _log.ForRequest(invocation.RequestId);
        var outcome = await _processor.ProcessAsync(records, log, budget).ConfigureAwait(false);
        _metrics.Write(log, invocation.FunctionName, Metrics(outcome));
        return outcome;
    }

    /// <summary>
    /// The batch's metrics: records written, failed, skipped (REMOVE), deferred, already stored, condition failures,
    /// masked for card numbers, duration and write lag.
    /// </summary>
    internal static IReadOnlyList<Metric> Metrics(BatchOutcome outcome)
    {
        List<Metric> metrics =
        [
            Metric.Count(PipelineMetrics.RecordsWritten, outcome.Written),
            Metric.Count(PipelineMetrics.RecordsFailed, outcome.Failed),
            Metric.Count(PipelineMetrics.RecordsSkipped, outcome.SkippedRemoves),
            Metric.Count(PipelineMetrics.RecordsDeferred, outcome.Deferred),
            Metric.Count(PipelineMetrics.RecordsAlreadyStored, outcome.AlreadyStored),
            Metric.Count(PipelineMetrics.ConditionalWriteConflicts, outcome.ConditionFailures),
            Metric.Count(PipelineMetrics.CardNumbersMasked, outcome.CardNumbersMasked),
            Metric.Milliseconds(PipelineMetrics.BatchDuration, outcome.Duration.TotalMilliseconds),
        ];
        if (outcome.MaxWriteLag is { } max && outcome.AverageWriteLag is { } average)
        {
            metrics.Add(Metric.Milliseconds(PipelineMetrics.WriteLagMax, max.TotalMilliseconds));
            metrics.Add(Metric.Milliseconds(PipelineMetrics.WriteLagAverage, average.TotalMilliseconds));
        }
        return metrics;
    }
}
