using OrdersPipeline.Functions.Configuration;

namespace OrdersPipeline.Functions.Tests.Remediation;

/// <summary>The GuardDuty finding events in Fixtures/ (AWS's documented EventBridge and finding format, values of a
/// "dev"/"backend" stack in account 123456789012) and the settings of that stack.</summary>
internal static class Samples
{
    /// <summary>CredentialAccess:IAMUser/AnomalousBehavior, severity 5.5, by the processor's role.</summary>
    public const string StackRoleAccessKey = "guardduty-access-key-stack-role.json";

    /// <summary>UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS, severity 8, by an EC2 role of
    /// another workload.</summary>
    public const string OtherRoleAccessKey = "guardduty-access-key-other-role.json";

    /// <summary>Policy:S3/BucketBlockPublicAccessDisabled, severity 2, on the processed bucket.</summary>
    public const string BlockPublicAccessDisabled = "guardduty-s3-block-public-access-disabled.json";

    /// <summary>Policy:S3/BucketAnonymousAccessGranted, severity 8, on the processed bucket.</summary>
    public const string AnonymousAccessGranted = "guardduty-s3-anonymous-access-granted.json";

    /// <summary>Stealth:S3/ServerAccessLoggingDisabled, severity 2, on a bucket of another workload.</summary>
    public const string LoggingDisabledOtherBucket = "guardduty-s3-logging-disabled-other-bucket.json";

    public const string ProcessedBucket = "dev-processed-data-123456789012-backend";
    public const string ProcessorRole = "dev-order-processor-role-backend";
    public const string AuditTable = "dev-audit-table-backend";

    public static readonly string[] StackRoles =
    [
        ProcessorRole, "dev-audit-role-backend", "dev-http-ingest-role-backend", "dev-file-ingest-role-backend",
    ];

    public static RemediationSettings Settings => new()
    {
        ProcessedBucketName = ProcessedBucket,
        StackRoleNames = StackRoles,
        AuditTableName = AuditTable,
        Metrics = new MetricsSettings { Environment = "dev" },
    };
}
