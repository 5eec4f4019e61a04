using Amazon.S3;
using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Functions.Contracts;
using OrdersPipeline.Functions.Logging;

namespace OrdersPipeline.Functions.Processor;

/// <summary>
/// Lambda handler <c>OrdersPipeline.Functions::OrdersPipeline.Functions.Processor.ProcessorFunction::HandleAsync</c>:
/// a DynamoDB stream batch in, a partial-batch response out (CONTRACTS.md §1–3).
/// </summary>
public sealed class ProcessorFunction
{
    private readonly StreamBatchProcessor _processor;

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
            new ProcessedDocumentBuilder(settings.KeyPrefix, settings.KeyAttribute), store, settings.MaxConcurrency, time, log);
    }

    public async Task<Stream> HandleAsync(Stream input)
    {
        var streamEvent = await HandlerJson.ReadAsync(input, FunctionsJsonContext.Default.DynamoDbStreamEvent, "a DynamoDB stream event")
            .ConfigureAwait(false);
        var outcome = await _processor.ProcessAsync(streamEvent, CancellationToken.None).ConfigureAwait(false);
        return HandlerJson.Write(BatchResponses.From(outcome.FailedSequenceNumbers));
    }
}
