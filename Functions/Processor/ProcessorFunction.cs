using Amazon.Lambda.Core;
using Amazon.Lambda.DynamoDBEvents;
using Amazon.S3;
using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Functions.Logging;

namespace OrdersPipeline.Functions.Processor;

/// <summary>
/// Lambda handler <see cref="Handlers.Processor"/>: a DynamoDB stream batch in, a partial-batch response out
/// (docs/contracts.md, "Stream event", "Processed document", "Object key").
/// </summary>
public sealed class ProcessorFunction
{
    private readonly StreamBatchProcessor _processor;
    private readonly JsonLog _log;

    /// <summary>Cold start in Lambda: configuration from the environment, clients from the SDK defaults.</summary>
    public ProcessorFunction()
        : this(AwsClientFactory.S3(), ProcessorSettings.FromEnvironment(), TimeProvider.System, JsonLog.Console)
    {
    }

    public ProcessorFunction(IAmazonS3 s3, ProcessorSettings settings, TimeProvider time, JsonLog log)
        : this(new S3ProcessedObjectStore(s3, settings.BucketName), settings, time, log)
    {
    }

    public ProcessorFunction(IProcessedObjectStore store, ProcessorSettings settings, TimeProvider time, JsonLog log)
    {
        _processor = new StreamBatchProcessor(
            new ProcessedDocumentBuilder(settings.KeyPrefix, settings.KeyAttribute), store, settings.MaxConcurrency, time);
        _log = log;
    }

    public async Task<StreamsEventResponse> HandleAsync(DynamoDBEvent streamEvent, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var outcome = await _processor.ProcessAsync(streamEvent, _log.ForRequest(context.AwsRequestId), CancellationToken.None)
            .ConfigureAwait(false);
        return BatchResponses.ForStream(outcome.FailedSequenceNumbers);
    }
}
