namespace OrdersPipeline.Functions.Remediation;

/// <summary>
/// The EventBridge event around one GuardDuty finding (<c>source</c> <c>aws.guardduty</c>, <c>detail-type</c>
/// <c>GuardDuty Finding</c>): its id, source, detail type, account, region and time, and the finding itself.
/// </summary>
public sealed record FindingEvent(
    string? Id,
    string? Source,
    string? DetailType,
    string? Account,
    string? Region,
    DateTime Time,
    GuardDutyFinding? Detail);
