using Amazon.Lambda.Core;
using Amazon.Lambda.DynamoDBEvents;
using Amazon.S3;
using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Functions.Logging;
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
    }

    public async Task<StreamsEventResponse> HandleAsync(DynamoDBEvent streamEvent, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var budget = new TimeBudget(context.RemainingTime, _budget, _time);
        var outcome = await _processor.ProcessAsync(streamEvent, _log.ForRequest(context.AwsRequestId), budget)
            .ConfigureAwait(false);
        return BatchResponses.ForStream(outcome.FailedSequenceNumbers);
    }
}
