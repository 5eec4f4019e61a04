using Amazon.Lambda.Core;
using Amazon.Lambda.DynamoDBEvents;
using Amazon.S3;
using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Functions.Logging;
using OrdersPipeline.Functions.Timing;

namespace OrdersPipeline.Functions.Processor;

/// <summary>
/// Lambda handler <see cref="Handlers.Processor"/>: the DynamoDB stream event mapped onto
/// <see cref="ProcessorService"/> (<see cref="StreamRecordMapping"/>), and the sequence numbers of the records it did
/// not write back as a partial-batch response (ReportBatchItemFailures). Decides nothing.
/// </summary>
public sealed class ProcessorFunction
{
    private readonly ProcessorService _service;

    /// <summary>Cold start in Lambda: the service configured from the environment.</summary>
    public ProcessorFunction()
        : this(new ProcessorService())
    {
    }

    public ProcessorFunction(
        IAmazonS3 s3, ProcessorSettings settings, TimeProvider time, JsonLog log, TimeBudgetPolicy? budget = null)
        : this(new ProcessorService(s3, settings, time, log, budget))
    {
    }

    public ProcessorFunction(
        IProcessedObjectStore store, ProcessorSettings settings, TimeProvider time, JsonLog log, TimeBudgetPolicy? budget = null)
        : this(new ProcessorService(store, settings, time, log, budget))
    {
    }

    internal ProcessorFunction(ProcessorService service) => _service = service;

    public async Task<StreamsEventResponse> HandleAsync(DynamoDBEvent streamEvent, ILambdaContext context)
    {
        var outcome = await _service.HandleAsync(StreamRecordMapping.From(streamEvent), Invocations.From(context))
            .ConfigureAwait(false);
        return BatchResponses.ForStream(outcome.FailedSequenceNumbers);
    }
}
