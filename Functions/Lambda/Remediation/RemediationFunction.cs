using Amazon.Lambda.CloudWatchEvents;
using Amazon.Lambda.Core;

namespace OrdersPipeline.Functions.Remediation;

/// <summary>
/// Lambda handler <see cref="Handlers.Remediation"/> (guardDuty: true): the EventBridge event mapped onto
/// <see cref="RemediationService"/>, whose <see cref="RemediationReport"/> is the response (Lambda's on-success
/// destination delivers it). Decides nothing.
/// </summary>
public sealed class RemediationFunction
{
    private readonly RemediationService _service;

    /// <summary>Cold start in Lambda: the service configured from the environment.</summary>
    public RemediationFunction()
        : this(new RemediationService())
    {
    }

    internal RemediationFunction(RemediationService service) => _service = service;

    public Task<RemediationReport> HandleAsync(CloudWatchEvent<GuardDutyFinding> input, ILambdaContext context) =>
        _service.HandleAsync(FindingEvents.From(input), Invocations.From(context));
}
