using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrdersPipeline.Functions.Remediation;

/// <summary>
/// The <c>detail</c> of an EventBridge "GuardDuty Finding" event: one GuardDuty finding in the JSON form GuardDuty
/// exports it (GuardDuty User Guide, "Finding format"; API reference, <c>Finding</c>). Only the fields the remediation
/// function reads are typed; every other field of every level is kept in <c>AdditionalFields</c>, so the finding
/// written back (<see cref="SecurityFindingItem"/>) is the whole finding. Samples: Tests/Functions.Tests/Fixtures/
/// guardduty-*.json.
/// </summary>
public sealed class GuardDutyFinding
{
    [JsonPropertyName("schemaVersion")]
    public string? SchemaVersion { get; init; }

    [JsonPropertyName("accountId")]
    public string? AccountId { get; init; }

    [JsonPropertyName("region")]
    public string? Region { get; init; }

    [JsonPropertyName("partition")]
    public string? Partition { get; init; }

    /// <summary>The finding id. GuardDuty aggregates later occurrences of the same activity into the same id and sends
    /// the finding again with a later <see cref="UpdatedAt"/>.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("arn")]
    public string? Arn { get; init; }

    /// <summary>e.g. <c>Policy:S3/BucketAnonymousAccessGranted</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>A number from 1.0 to 10.0 (8 and 5.5 both occur): Low below 4, Medium below 7, High below 9,
    /// Critical from 9.</summary>
    [JsonPropertyName("severity")]
    public double? Severity { get; init; }

    [JsonPropertyName("title")]
    public string? Title { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>ISO 8601 UTC, e.g. <c>2026-11-24T08:51:02.137Z</c>; kept as sent.</summary>
    [JsonPropertyName("createdAt")]
    public string? CreatedAt { get; init; }

    [JsonPropertyName("updatedAt")]
    public string? UpdatedAt { get; init; }

    [JsonPropertyName("resource")]
    public FindingResource? Resource { get; init; }

    [JsonPropertyName("service")]
    public FindingService? Service { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalFields { get; set; }
}

/// <summary>The resource the finding is about: <c>resourceType</c> says which of the detail objects applies
/// (<c>AccessKey</c>, <c>S3Bucket</c>, <c>Instance</c>, <c>Lambda</c>, ...).</summary>
public sealed class FindingResource
{
    [JsonPropertyName("resourceType")]
    public string? ResourceType { get; init; }

    /// <summary>The credentials involved. On an <c>S3Bucket</c> finding it names the caller, not the resource.</summary>
    [JsonPropertyName("accessKeyDetails")]
    public AccessKeyDetails? AccessKeyDetails { get; init; }

    [JsonPropertyName("s3BucketDetails")]
    public List<S3BucketDetail>? S3BucketDetails { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalFields { get; set; }
}

/// <summary>
/// The IAM identity whose credentials were used. For a role, <c>userType</c> is <c>AssumedRole</c>, <c>userName</c>
/// is the role's name and <c>principalId</c> is <c>&lt;role id&gt;:&lt;session name&gt;</c> (the role's unique id,
/// <c>AROA…</c>, not its name); <c>accessKeyId</c> is a temporary <c>ASIA…</c> key.
/// </summary>
public sealed class AccessKeyDetails
{
    [JsonPropertyName("accessKeyId")]
    public string? AccessKeyId { get; init; }

    [JsonPropertyName("principalId")]
    public string? PrincipalId { get; init; }

    [JsonPropertyName("userName")]
    public string? UserName { get; init; }

    [JsonPropertyName("userType")]
    public string? UserType { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalFields { get; set; }
}

/// <summary>One bucket of an S3 finding (<c>owner</c>, <c>createdAt</c>, <c>publicAccess</c>, ... stay in
/// <c>AdditionalFields</c>: the function reads the bucket's public access block from S3 itself).</summary>
public sealed class S3BucketDetail
{
    [JsonPropertyName("arn")]
    public string? Arn { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary><c>Destination</c> or <c>Source</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalFields { get; set; }
}

/// <summary>What GuardDuty observed: the API call, how often and when.</summary>
public sealed class FindingService
{
    [JsonPropertyName("action")]
    public FindingAction? Action { get; init; }

    /// <summary>How many occurrences GuardDuty has aggregated into this finding.</summary>
    [JsonPropertyName("count")]
    public long? Count { get; init; }

    [JsonPropertyName("eventFirstSeen")]
    public string? EventFirstSeen { get; init; }

    [JsonPropertyName("eventLastSeen")]
    public string? EventLastSeen { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalFields { get; set; }
}

/// <summary><c>actionType</c> is e.g. <c>AWS_API_CALL</c>, with the call in <c>awsApiCallAction</c>.</summary>
public sealed class FindingAction
{
    [JsonPropertyName("actionType")]
    public string? ActionType { get; init; }

    [JsonPropertyName("awsApiCallAction")]
    public AwsApiCallAction? AwsApiCallAction { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalFields { get; set; }
}

public sealed class AwsApiCallAction
{
    /// <summary>The API operation, e.g. <c>PutBucketPublicAccessBlock</c>.</summary>
    [JsonPropertyName("api")]
    public string? Api { get; init; }

    /// <summary>The service's DNS name, e.g. <c>s3.amazonaws.com</c>.</summary>
    [JsonPropertyName("serviceName")]
    public string? ServiceName { get; init; }

    [JsonPropertyName("callerType")]
    public string? CallerType { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalFields { get; set; }
}
