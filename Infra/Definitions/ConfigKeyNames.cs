namespace OrdersPipeline.Infra.Definitions;

/// <summary>Short names of the keys in the <c>orders-pipeline</c> config namespace.</summary>
public static class ConfigKeyNames
{
    public const string Environment = "environment";
    public const string Team = "team";
    public const string BatchSize = "batchSize";
    public const string MaxBatchingWindowSeconds = "maxBatchingWindowSeconds";
    public const string MaxRetryAttempts = "maxRetryAttempts";
    public const string MaxRecordAgeSeconds = "maxRecordAgeSeconds";
    public const string ParallelizationFactor = "parallelizationFactor";
    public const string ProcessorMemoryMb = "processorMemoryMb";
    public const string ProcessorTimeoutSeconds = "processorTimeoutSeconds";
    public const string ProcessorMaxConcurrency = "processorMaxConcurrency";
    public const string AuditTimeoutSeconds = "auditTimeoutSeconds";
    public const string LogRetentionDays = "logRetentionDays";
    public const string Architecture = "architecture";
    public const string ErrorAlarmThreshold = "errorAlarmThreshold";
    public const string IteratorAgeAlarmMs = "iteratorAgeAlarmMs";
    public const string AlertEmail = "alertEmail";
    public const string Protect = "protect";
    public const string ForceDestroy = "forceDestroy";
    public const string NoncurrentVersionExpirationDays = "noncurrentVersionExpirationDays";
    public const string FunctionsPackageDirectory = "functionsPackageDirectory";
    public const string EmulatorEndpoint = "emulatorEndpoint";
    public const string EmulatorAccessKey = "emulatorAccessKey";
    public const string EmulatorSecretKey = "emulatorSecretKey";
}
