using Amazon.Lambda.Core;
using Amazon.Lambda.SQSEvents;

namespace OrdersPipeline.Functions.Audit;

/// <summary>
/// Lambda handler <see cref="Handlers.Audit"/>: the SQS event mapped onto <see cref="AuditService"/>, and the ids of the
/// messages it did not store back as a partial-batch response (ReportBatchItemFailures). Decides nothing.
/// </summary>
public sealed class AuditFunction
{
    private readonly AuditService _service;

    /// <summary>Cold start in Lambda: the service configured from the environment.</summary>
    public AuditFunction()
        : this(new AuditService())
    {
    }

    internal AuditFunction(AuditService service) => _service = service;

    public async Task<SQSBatchResponse> HandleAsync(SQSEvent sqsEvent, ILambdaContext context)
    {
        var failed = await _service.HandleAsync(QueueMessages.From(sqsEvent), Invocations.From(context))
            .ConfigureAwait(false);
        return BatchResponses.ForQueue(failed);
    }
}
