using System.Globalization;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using OrdersPipeline.Functions.Audit;
using OrdersPipeline.Functions.Processor;
using OrdersPipeline.Functions.Serialization;
using OrdersPipeline.Functions.Text;

namespace OrdersPipeline.Functions.Remediation;

/// <summary>
/// Maps an access-key finding on a stack role to its audit item (docs/contracts.md, "Security finding item"): the
/// audit table's keys and <c>failureType</c> <c>security-finding</c>, the finding's identifying fields, and the whole
/// finding as JSON. Pure: the storage time comes in as an argument.
/// </summary>
/// <remarks>
/// Idempotency: <c>auditId</c> is <c>guardduty:&lt;finding id&gt;</c> and <c>timestamp</c> the finding's
/// <c>updatedAt</c>. GuardDuty sends a finding again each time it aggregates a new occurrence, with a later
/// <c>updatedAt</c>: each update becomes its own item under the same <c>auditId</c> (query the hash key for the
/// finding's history), while a redelivery of the same update (EventBridge and Lambda deliver at least once) meets
/// the conditional put and stores nothing.
/// </remarks>
public static class SecurityFindingItem
{
    public const string AuditIdPrefix = "guardduty:";

    /// <summary>Bound on the stored finding JSON. With every other attribute bounded by
    /// <see cref="MaxTextBytes"/>, the item stays well under DynamoDB's 400 KB (<see cref="DynamoDbLimits.MaxItemBytes"/>).
    /// </summary>
    public const int MaxFindingJsonBytes = 300 * 1024;

    /// <summary>Bound on every other text attribute taken from the finding (UTF-8 bytes).</summary>
    public const int MaxTextBytes = 2 * 1024;

    /// <summary>Longer than any ISO 8601 timestamp; a longer <c>updatedAt</c> is not used as the key.</summary>
    private const int MaxTimestampLength = 64;

    public static string AuditId(string findingId) => AuditIdPrefix + findingId;

    /// <summary>The range key: the finding's <c>updatedAt</c> as sent, else <c>createdAt</c>, else the event's time,
    /// else <paramref name="auditedAt"/>.</summary>
    public static string Timestamp(FindingEvent input, DateTimeOffset auditedAt)
    {
        var finding = FindingOf(input);
        return Usable(finding.UpdatedAt) ?? Usable(finding.CreatedAt)
            ?? (input.Time != default ? StreamRecordFields.Iso8601(Utc(input.Time), alwaysMilliseconds: true) : null)
            ?? StreamRecordFields.Iso8601(auditedAt, alwaysMilliseconds: true);
    }

    public static Dictionary<string, AttributeValue> Map(FindingEvent input, string roleName, DateTimeOffset auditedAt)
    {
        var finding = FindingOf(input);
        var key = finding.Resource?.AccessKeyDetails;
        var call = finding.Service?.Action;
        var item = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            ["auditId"] = new() { S = AuditId(finding.Id!) },
            ["timestamp"] = new() { S = Timestamp(input, auditedAt) },
            [FailureTypes.AttributeName] = new() { S = FailureTypes.SecurityFinding },
        };

        Put(item, "findingId", finding.Id);
        Put(item, "findingType", finding.Type);
        Put(item, "findingArn", finding.Arn);
        if (finding.Severity is { } severity)
        {
            item["severity"] = new() { N = severity.ToString("R", CultureInfo.InvariantCulture) };
        }

        Put(item, "title", finding.Title);
        Put(item, "description", finding.Description);
        Put(item, "accountId", finding.AccountId);
        Put(item, "region", finding.Region);
        Put(item, "roleName", roleName);
        Put(item, "userType", key?.UserType);
        Put(item, "principalId", key?.PrincipalId);
        Put(item, "accessKeyId", key?.AccessKeyId);
        Put(item, "actionType", call?.ActionType);
        Put(item, "api", call?.AwsApiCallAction?.Api);
        Put(item, "apiServiceName", call?.AwsApiCallAction?.ServiceName);
        if (finding.Service?.Count is { } count)
        {
            item["findingCount"] = new() { N = count.ToString(CultureInfo.InvariantCulture) };
        }

        Put(item, "findingCreatedAt", finding.CreatedAt);
        Put(item, "findingUpdatedAt", finding.UpdatedAt);
        Put(item, "eventFirstSeen", finding.Service?.EventFirstSeen);
        Put(item, "eventLastSeen", finding.Service?.EventLastSeen);
        Put(item, "eventId", input.Id);
        PutFindingJson(item, finding);
        item["auditedAt"] = new() { S = StreamRecordFields.Iso8601(auditedAt, alwaysMilliseconds: true) };
        return item;
    }

    /// <summary>The whole finding (every field, typed or not); a finding over <see cref="MaxFindingJsonBytes"/> keeps
    /// its first bytes, with <c>findingJsonTruncated</c> and the full size in <c>findingJsonBytes</c>.</summary>
    private static void PutFindingJson(Dictionary<string, AttributeValue> item, GuardDutyFinding finding)
    {
        var json = JsonSerializer.Serialize(finding, CoreJsonContext.Default.GuardDutyFinding);
        var bytes = Encoding.UTF8.GetByteCount(json);
        item["findingJson"] = new() { S = Utf8Prefix.Of(json, MaxFindingJsonBytes) };
        item["findingJsonBytes"] = new() { N = bytes.ToString(CultureInfo.InvariantCulture) };
        if (bytes > MaxFindingJsonBytes)
        {
            item["findingJsonTruncated"] = new() { BOOL = true };
        }
    }

    /// <summary>The event's finding; the remediation function validated that there is one before it maps.</summary>
    private static GuardDutyFinding FindingOf(FindingEvent input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Detail ?? throw new ArgumentException("The event has no finding ('detail') to map.", nameof(input));
    }

    private static string? Usable(string? timestamp) =>
        timestamp is { Length: > 0 and <= MaxTimestampLength } ? timestamp : null;

    private static DateTimeOffset Utc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Local => new DateTimeOffset(time.ToUniversalTime(), TimeSpan.Zero),
        _ => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc), TimeSpan.Zero),
    };

    private static void Put(Dictionary<string, AttributeValue> item, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            item[name] = new() { S = Utf8Prefix.Of(value, MaxTextBytes) };
        }
    }
}
