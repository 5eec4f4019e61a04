using OrdersPipeline.Functions.Configuration;

namespace OrdersPipeline.Infra.Definitions;

/// <summary>The settings the design fixes (not configurable). Configurable values and their defaults are declared
/// in <see cref="ConfigSchema"/>; what a table, bucket, queue, log group or function looks like is in Infra/Stack/Defaults.</summary>
public static class PipelineDefaults
{
    public const string Project = "orders-pipeline";

    /// <summary>The orders table's key is the attribute the processor names its objects by.</summary>
    public static readonly string OrdersTableHashKey = ProcessorEnvironment.KeyAttribute.Default;

    public static readonly string ProcessedKeyPrefix = ProcessorEnvironment.KeyPrefix.Default;

    public const string AuditTableHashKey = "auditId";
    public const string AuditTableRangeKey = "timestamp";
    public const string AuditFailureTypeAttribute = "failureType";
    public const string AuditFailureTypeIndex = "failure-type-index";
    public const int AuditMemoryMb = 256;
    public const int AuditBatchSize = 10;
    public const int DeadLetterMaxReceiveCount = 5;
    public const int VisibilityTimeoutMultiplier = 6;
    public const int MaxVisibilityTimeoutSeconds = 43_200;
    public const int AlarmPeriodSeconds = 300;
    public const int AlarmEvaluationPeriods = 1;

    // Ingest (docs/ingest.md).
    public const string IngestLogHashKey = Functions.Ingest.Files.IngestLogItem.HashKey;
    public const string IngestLogRangeKey = Functions.Ingest.Files.IngestLogItem.RangeKey;
    public const string DropIncomingPrefix = Functions.Ingest.Files.DropLayout.IncomingPrefix;
    public const string DropRejectsPrefix = Functions.Ingest.Files.DropLayout.RejectsPrefix;
    public const string OrdersApiStage = "v1";
    public const string OrdersApiPath = "orders";
    public const int HttpIngestMemoryMb = 256;
    public const int HttpIngestTimeoutSeconds = 10;
    public const int FileIngestMemoryMb = 1024;
    public const int FileIngestTimeoutSeconds = 900;
    public const int FileIngestMaximumRetryAttempts = 2;

    // Threat detection (docs/edge-and-network.md). The remediation function makes two S3 calls and one DynamoDB
    // write per finding: 30 s is ample, and above the functions' minimum time budget.
    public const int RemediationMemoryMb = 256;
    public const int RemediationTimeoutSeconds = 30;
    public const int RemediationMaximumRetryAttempts = 2;

    /// <summary>A finding Lambda could not hand to the function within 6 hours (throttling) goes to the on-failure
    /// destination (the alert topic) rather than being acted on late.</summary>
    public const int RemediationMaximumEventAgeSeconds = 21_600;
}
