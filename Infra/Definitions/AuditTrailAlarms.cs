namespace OrdersPipeline.Infra.Definitions;

/// <summary>A metric filter on the trail's log group and the alarm on its metric.</summary>
public sealed record SecurityAlarm(
    string FilterName, string Pattern, string MetricName, string AlarmName, string Description);

/// <summary>The trail's security alarms (the CIS AWS Foundations filters for unauthorised API calls and bucket
/// policy changes). Each counts matching events and alarms on one in five minutes, to the alert topic.</summary>
public static class AuditTrailAlarms
{
    public const string MetricNamespace = "orders-pipeline/security";
    public const string MetricValue = "1";

    private const string UnauthorizedApiCalls = "unauthorized-api-calls";
    private const string BucketPolicyChanges = "bucket-policy-changes";

    public const string UnauthorizedApiCallsPattern =
        "{ ($.errorCode = \"*UnauthorizedOperation\") || ($.errorCode = \"AccessDenied*\") }";

    public const string BucketPolicyChangesPattern =
        "{ ($.eventSource = s3.amazonaws.com) && (($.eventName = PutBucketAcl) || ($.eventName = PutBucketPolicy) "
        + "|| ($.eventName = PutBucketCors) || ($.eventName = PutBucketLifecycle) "
        + "|| ($.eventName = PutBucketReplication) || ($.eventName = DeleteBucketPolicy) "
        + "|| ($.eventName = DeleteBucketCors) || ($.eventName = DeleteBucketLifecycle) "
        + "|| ($.eventName = DeleteBucketReplication)) }";

    public static IReadOnlyList<SecurityAlarm> For(ResourceNames names) =>
    [
        new(names.SecurityFilter(UnauthorizedApiCalls), UnauthorizedApiCallsPattern,
            names.SecurityMetric(UnauthorizedApiCalls), names.UnauthorizedApiCallsAlarm,
            "API calls in the account were refused for lack of permission."),
        new(names.SecurityFilter(BucketPolicyChanges), BucketPolicyChangesPattern,
            names.SecurityMetric(BucketPolicyChanges), names.BucketPolicyChangesAlarm,
            "A bucket policy, ACL, CORS, lifecycle or replication setting changed."),
    ];
}
