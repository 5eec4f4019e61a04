using System.Globalization;

namespace OrdersPipeline.Infra.Definitions;

/// <summary>Environment variables the two handlers read. Values known only at deploy time (names of resources)
/// are added by the components under the names below.</summary>
public static class FunctionEnvironment
{
    public const string BucketName = "BUCKET_NAME";
    public const string KeyAttribute = "KEY_ATTRIBUTE";
    public const string KeyPrefix = "KEY_PREFIX";
    public const string MaxConcurrency = "MAX_CONCURRENCY";
    public const string AuditTableName = "AUDIT_TABLE_NAME";

    /// <summary>The processor's variables except <see cref="BucketName"/>.</summary>
    public static IReadOnlyDictionary<string, string> ProcessorStatic(int maxConcurrency) =>
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [KeyAttribute] = PipelineDefaults.OrdersTableHashKey,
            [KeyPrefix] = PipelineDefaults.ProcessedKeyPrefix,
            [MaxConcurrency] = maxConcurrency.ToString(CultureInfo.InvariantCulture),
        };
}
