using System.Text.Json.Serialization;

namespace OrdersPipeline.Functions.Remediation;

/// <summary>What the function did with a finding; serialized by name (<c>"PublicAccessBlockRestored"</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RemediationAction>))]
public enum RemediationAction
{
    /// <summary>The finding was stored in the audit table.</summary>
    Recorded,

    /// <summary>The finding was already in the audit table (the same update delivered again).</summary>
    AlreadyRecorded,

    /// <summary>The processed bucket's public access block had a setting off; all four were turned on.</summary>
    PublicAccessBlockRestored,

    /// <summary>The processed bucket's public access block was already fully on; nothing was changed.</summary>
    AlreadyRestricted,

    /// <summary>The finding is not about this stack's resources; nothing was changed.</summary>
    Ignored,
}

/// <summary>
/// The function's result. Lambda's on-success destination delivers it to the alert topic, wrapped in the
/// invocation record's <c>responsePayload</c>; a failed invocation reaches the topic through the on-failure
/// destination instead.
/// </summary>
public sealed record RemediationReport
{
    [JsonPropertyName("findingId")]
    public required string FindingId { get; init; }

    [JsonPropertyName("findingType")]
    public string? FindingType { get; init; }

    [JsonPropertyName("severity")]
    public double? Severity { get; init; }

    [JsonPropertyName("accountId")]
    public string? AccountId { get; init; }

    [JsonPropertyName("region")]
    public string? Region { get; init; }

    /// <summary>The finding's <c>resource.resourceType</c>.</summary>
    [JsonPropertyName("resourceType")]
    public string? ResourceType { get; init; }

    /// <summary>The role or bucket the finding names, when it names one.</summary>
    [JsonPropertyName("resource")]
    public string? Resource { get; init; }

    [JsonPropertyName("action")]
    public required RemediationAction Action { get; init; }

    [JsonPropertyName("reason")]
    public required string Reason { get; init; }

    /// <summary>The public access block settings that were off and were turned on (PublicAccessBlockRestored
    /// only).</summary>
    [JsonPropertyName("settingsTurnedOn")]
    public IReadOnlyList<string>? SettingsTurnedOn { get; init; }

    /// <summary>The audit item's key (Recorded and AlreadyRecorded only).</summary>
    [JsonPropertyName("auditId")]
    public string? AuditId { get; init; }

    [JsonPropertyName("auditTimestamp")]
    public string? AuditTimestamp { get; init; }

    /// <summary>The stack's environment (the ENVIRONMENT variable).</summary>
    [JsonPropertyName("environment")]
    public required string Environment { get; init; }

    /// <summary>The EventBridge event id.</summary>
    [JsonPropertyName("eventId")]
    public string? EventId { get; init; }
}
