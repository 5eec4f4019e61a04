namespace OrdersPipeline.Infra.Definitions;

/// <summary>Every default and fixed setting of the pipeline, in one place.</summary>
public static class PipelineDefaults
{
    public const string Project = "orders-pipeline";

    // Configurable (see ConfigSchema for ranges).
    public const int BatchSize = 100;
    public const int MaxBatchingWindowSeconds = 0;
    public const int MaxRetryAttempts = 3;
    public const int MaxRecordAgeSeconds = 3600;
    public const int ParallelizationFactor = 1;
    public const int ProcessorMemoryMb = 512;
    public const int ProcessorTimeoutSeconds = 60;
    public const int ProcessorMaxConcurrency = 16;
    public const int AuditTimeoutSeconds = 30;
    public const int LogRetentionDays = 14;
    public const LambdaArchitecture Architecture = LambdaArchitecture.Arm64;
    public const int ErrorAlarmThreshold = 5;
    public const int IteratorAgeAlarmMs = 60_000;
    public const bool Protect = false;
    public const bool ForceDestroy = true;
    public const int NoncurrentVersionExpirationDays = 30;
    public const string EmulatorEndpoint = "http://127.0.0.1:5000";
    public const string EmulatorAccessKey = "test";
    public const string EmulatorSecretKey = "test";

    // Fixed by the design.
    public const string OrdersTableHashKey = "orderId";
    public const string ProcessedKeyPrefix = "processed-data";
    public const string AuditTableHashKey = "auditId";
    public const string AuditTableRangeKey = "timestamp";
    public const string AuditFailureTypeAttribute = "failureType";
    public const string AuditFailureTypeIndex = "failure-type-index";
    public const string LambdaRuntime = "dotnet10";
    public const int AuditMemoryMb = 256;
    public const int AuditBatchSize = 10;
    public const int QueueMessageRetentionSeconds = 14 * 24 * 60 * 60;
    public const int DeadLetterMaxReceiveCount = 5;
    public const int VisibilityTimeoutMultiplier = 6;
    public const int MaxVisibilityTimeoutSeconds = 43_200;
    public const int AlarmPeriodSeconds = 300;
    public const int AlarmEvaluationPeriods = 1;
}
