using Amazon.Lambda.Core;
using Amazon.Lambda.DynamoDBEvents;
using Amazon.S3;
using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Functions.Logging;
using OrdersPipeline.Functions.Metrics;
using OrdersPipeline.Functions.Timing;

namespace OrdersPipeline.Functions.Processor;

/// <summary>
/// Lambda handler <see cref="Handlers.Processor"/>: a DynamoDB stream batch in, a partial-batch response out
/// (docs/contracts.md, "Stream event", "Processed document", "Object key").
/// </summary>
public sealed class ProcessorFunction
{
    private readonly StreamBatchProcessor _processor;
    private readonly JsonLog _log;
    private readonly TimeProvider _time;
    private readonly TimeBudgetPolicy _budget;
    private readonly EmbeddedMetrics _metrics;

    /// <summary>Cold start in Lambda: configuration from the environment, clients from the SDK defaults.</summary>
    public ProcessorFunction()
        : this(AwsClientFactory.S3(SdkCallPolicy.Default), ProcessorSettings.FromEnvironment(), TimeProvider.System, JsonLog.Console)
    {
    }

    public ProcessorFunction(
        IAmazonS3 s3, ProcessorSettings settings, TimeProvider time, JsonLog log, TimeBudgetPolicy? budget = null)
        : this(new S3ProcessedObjectStore(s3, settings.BucketName), settings, time, log, budget)
    {
    }

    public ProcessorFunction(
        IProcessedObjectStore store, ProcessorSettings settings, TimeProvider time, JsonLog log, TimeBudgetPolicy? budget = null)
    {
        _processor = new StreamBatchProcessor(
            new ProcessedDocumentBuilder(settings.KeyPrefix, settings.KeyAttribute), store, settings.MaxConcurrency, time);
        _log = log;
        _time = time;
        _budget = budget ?? TimeBudgetPolicy.Default;
        _metrics = new EmbeddedMetrics(settings.Metrics, time);
    }

    public async Task<StreamsEventResponse> HandleAsync(DynamoDBEvent streamEvent, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var budget = new TimeBudget(context.RemainingTime, _budget, _time);
        var log = _log.ForRequest(context.AwsRequestId);
        var outcome = await _processor.ProcessAsync(streamEvent, log, budget).ConfigureAwait(false);
        _metrics.Write(log, context.FunctionName, Metrics(outcome));
        return BatchResponses.ForStream(outcome.FailedSequenceNumbers);
    }

    /// <summary>
    /// The batch's metrics: records written, failed, skipped (REMOVE), deferred, duration and write lag.
    /// </summary>
    internal static IReadOnlyList<Metric> Metrics(BatchOutcome outcome)
    {
        List<Metric> metrics =
        [
            Metric.Count(PipelineMetrics.RecordsWritten, outcome.Written),
            Metric.Count(PipelineMetrics.RecordsFailed, outcome.Failed),
            Metric.Count(PipelineMetrics.RecordsSkipped, outcome.SkippedRemoves),
            Metric.Count(PipelineMetrics.RecordsDeferred, outcome.Deferred),
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
