using Amazon.Lambda.CloudWatchEvents;

namespace OrdersPipeline.Functions.Remediation;

/// <summary>EventBridge's event around a GuardDuty finding as the core's <see cref="FindingEvent"/>. A missing event
/// stays null, so the core names what is wrong.</summary>
internal static class FindingEvents
{
    public static FindingEvent? From(CloudWatchEvent<GuardDutyFinding>? input) => input is null
        ? null
        : new FindingEvent(input.Id, input.Source, input.DetailType, input.Account, input.Region, input.Time, input.Detail);
}
