using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Amazon.DynamoDBv2;
using Amazon.S3;
using OrdersPipeline.Functions.Audit;
using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Functions.Contracts;
using OrdersPipeline.Functions.Logging;
using OrdersPipeline.Functions.Metrics;
using OrdersPipeline.Functions.Timing;

namespace OrdersPipeline.Functions.Remediation;

/// <summary>
/// The remediation function (<see cref="Handlers.Remediation"/>, guardDuty: true): one GuardDuty finding from
/// EventBridge in, one safe, reversible action, a <see cref="RemediationReport"/> out (docs/edge-and-network.md, "The
/// remediation function"). An access-key finding on a stack role is stored in the audit table; a finding on the
/// processed bucket turns its public access block fully back on; anything else is ignored. EventBridge invokes it
/// asynchronously, and Lambda's destinations deliver the report (on success) or the failure (on failure, after
/// Lambda's retries) to the alert topic, so the function itself publishes nothing. Input that is not a GuardDuty
/// finding fails the invocation.
/// </summary>
public sealed class RemediationService
{
    public const string GuardDutySource = "aws.guardduty";
    public const string FindingDetailType = "GuardDuty Finding";

    /// <summary>GuardDuty's finding ids are 1 to 300 characters (API reference, <c>GetFindings</c>).</summary>
    public const int MaxFindingIdLength = 300;

    private readonly RemediationSettings _settings;
    private readonly PublicAccessBlockGuard _bucketGuard;
    private readonly AuditWriter _audit;
    private readonly TimeProvider _time;
    private readonly JsonLog _log;
    private readonly TimeBudgetPolicy _budget;
    private readonly EmbeddedMetrics _metrics;

    /// <summary>Cold start in Lambda: configuration from the environment, clients from the SDK defaults.</summary>
    public RemediationService()
        : this(AwsClientFactory.S3(SdkCallPolicy.Default), AwsClientFactory.DynamoDb(SdkCallPolicy.Default),
            RemediationSettings.FromEnvironment(), TimeProvider.System, JsonLog.Console)
    {
    }

    public RemediationService(IAmazonS3 s3, IAmazonDynamoDB dynamoDb, RemediationSettings settings, TimeProvider time,
        JsonLog log, TimeBudgetPolicy? budget = null)
    {
        _settings = settings;
        _bucketGuard = new PublicAccessBlockGuard(s3);
        _audit = new AuditWriter(dynamoDb, settings.AuditTableName);
        _time = time;
        _log = log;
        _budget = budget ?? TimeBudgetPolicy.Default;
        _metrics = new EmbeddedMetrics(settings.Metrics, time);
    }

    public async Task<RemediationReport> HandleAsync(FindingEvent? input, Invocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var started = Stopwatch.GetTimestamp();
        var log = _log.ForRequest(invocation.RequestId);
        GuardDutyFinding finding;
        try
        {
            finding = Validate(input);
        }
        catch (InvalidEventException error)
        {
            log.Write("ERROR", "remediation input rejected", ("eventId", input?.Id), ("error", error.Message));
            WriteMetrics(log, invocation, failed: true, action: null);
            throw;
        }

        var decision = FindingTriage.Decide(finding, _settings.ProcessedBucketName, _settings.StackRoleNames);
        RemediationReport report;
        try
        {
            using var budget = new TimeBudget(invocation.RemainingTime, _budget, _time);
            report = decision.Kind switch
            {
                TriageKind.Record => await RecordAsync(input, finding, decision, budget).ConfigureAwait(false),
                TriageKind.RestrictBucket => await RestrictAsync(input, finding, decision, budget).ConfigureAwait(false),
                _ => Report(input, finding, decision, RemediationAction.Ignored, decision.Reason),
            };
        }
        catch (Exception error)
        {
            log.Write("ERROR", "security finding not handled",
                ("findingId", finding.Id), ("findingType", finding.Type), ("severity", finding.Severity),
                ("decision", decision.Kind.ToString()), ("resource", decision.Resource),
                ("error", $"{error.GetType().Name}: {error.Message}"),
                ("durationMs", Stopwatch.GetElapsedTime(started).TotalMilliseconds));
            WriteMetrics(log, invocation, failed: true, action: null);
            throw;
        }

        log.Write(report.Action == RemediationAction.PublicAccessBlockRestored ? "WARN" : "INFO", "security finding handled",
            ("findingId", report.FindingId), ("findingType", report.FindingType), ("severity", report.Severity),
            ("resourceType", report.ResourceType), ("resource", report.Resource), ("action", report.Action.ToString()),
            ("reason", report.Reason), ("settingsTurnedOn", report.SettingsTurnedOn is { } on ? string.Join(",", on) : null),
            ("auditId", report.AuditId), ("eventId", report.EventId),
            ("durationMs", Stopwatch.GetElapsedTime(started).TotalMilliseconds));
        WriteMetrics(log, invocation, failed: false, report.Action);
        return report;
    }

    private async Task<RemediationReport> RecordAsync(FindingEvent input, GuardDutyFinding finding,
        TriageDecision decision, TimeBudget budget)
    {
        if (!budget.CanStartWrite)
        {
            throw new TimeoutException("Not started: the invocation's time budget is nearly spent; Lambda retries the event.");
        }

        var item = SecurityFindingItem.Map(input, decision.Resource!, _time.GetUtcNow());
        var stored = await _audit.PutOnceAsync(item, budget.Token).ConfigureAwait(false);
        var report = stored == AuditWriter.Result.AlreadyStored
            ? Report(input, finding, decision, RemediationAction.AlreadyRecorded,
                decision.Reason + "; this update of the finding was already recorded")
            : Report(input, finding, decision, RemediationAction.Recorded, decision.Reason + "; recorded in the audit table");
        return report with { AuditId = item["auditId"].S, AuditTimestamp = item["timestamp"].S };
    }

    private async Task<RemediationReport> RestrictAsync(FindingEvent input, GuardDutyFinding finding,
        TriageDecision decision, TimeBudget budget)
    {
        var turnedOn = await _bucketGuard.EnsureRestrictedAsync(_settings.ProcessedBucketName, () => budget.CanStartWrite,
            budget.Token).ConfigureAwait(false);
        if (turnedOn.Count == 0)
        {
            return Report(input, finding, decision, RemediationAction.AlreadyRestricted,
                decision.Reason + "; its public access block was already fully on, nothing changed");
        }

        var reason = $"{decision.Reason}; {string.Join(", ", turnedOn)} {(turnedOn.Count == 1 ? "was" : "were")} off, " +
            "all four public access block settings turned on";
        return Report(input, finding, decision, RemediationAction.PublicAccessBlockRestored, reason)
            with { SettingsTurnedOn = turnedOn };
    }

    private RemediationReport Report(FindingEvent input, GuardDutyFinding finding, TriageDecision decision,
        RemediationAction action, string reason) => new()
        {
            FindingId = finding.Id!,
            FindingType = finding.Type,
            Severity = finding.Severity,
            AccountId = finding.AccountId,
            Region = finding.Region,
            ResourceType = finding.Resource?.ResourceType,
            Resource = decision.Resource,
            Action = action,
            Reason = reason,
            Environment = _settings.Metrics.Environment,
            EventId = input.Id,
        };

    private void WriteMetrics(JsonLog log, Invocation invocation, bool failed, RemediationAction? action) =>
        _metrics.Write(log, invocation.FunctionName ?? "unknown",
        [
            Metric.Count(RemediationMetrics.FindingsRecorded,
                action is RemediationAction.Recorded or RemediationAction.AlreadyRecorded ? 1 : 0),
            Metric.Count(RemediationMetrics.FindingsRemediated, action == RemediationAction.PublicAccessBlockRestored ? 1 : 0),
            Metric.Count(RemediationMetrics.FindingsAlreadyRestricted, action == RemediationAction.AlreadyRestricted ? 1 : 0),
            Metric.Count(RemediationMetrics.FindingsIgnored, action == RemediationAction.Ignored ? 1 : 0),
            Metric.Count(RemediationMetrics.FindingsFailed, failed ? 1 : 0),
        ]);

    /// <summary>The finding, or a clear error: the input must be a GuardDuty finding event with a finding id.
    /// <c>source</c> and <c>detail-type</c> are checked when present (a hand-made test event may leave them
    /// out).</summary>
    private static GuardDutyFinding Validate([NotNull] FindingEvent? input)
    {
        if (input is null)
        {
            throw new InvalidEventException("The input is not an EventBridge event (it is empty).");
        }

        if (input.Source is { } source && source != GuardDutySource)
        {
            throw new InvalidEventException(
                $"The event's source is '{source}'; the remediation function only accepts {GuardDutySource} events.");
        }

        if (input.DetailType is { } detailType && detailType != FindingDetailType)
        {
            throw new InvalidEventException(
                $"The event's detail-type is '{detailType}'; the remediation function only accepts '{FindingDetailType}'.");
        }

        var finding = input.Detail
            ?? throw new InvalidEventException("The event has no 'detail': there is no GuardDuty finding to act on.");
        if (string.IsNullOrWhiteSpace(finding.Id))
        {
            throw new InvalidEventException("The finding in 'detail' has no 'id', so it cannot be recorded or reported.");
        }

        if (finding.Id.Length > MaxFindingIdLength)
        {
            throw new InvalidEventException(
                $"The finding id is {finding.Id.Length} characters long; GuardDuty's ids are at most {MaxFindingIdLength}.");
        }

        return finding;
    }
}
