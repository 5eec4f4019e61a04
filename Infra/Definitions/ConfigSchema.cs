using System.Globalization;

namespace OrdersPipeline.Infra.Definitions;

/// <summary>The typed keys of the <c>orders-pipeline</c> config namespace, their defaults and allowed values.</summary>
public static class ConfigSchema
{
    public const string Namespace = "orders-pipeline";

    public const int MaxEnvironmentLength = 32;
    public const int MaxTeamLength = 32;

    private sealed record Entry(ConfigKey Key, ValueRule Rule);

    private static readonly Entry[] Entries =
    [
        Define(ConfigKeyNames.Environment,
            "Environment name used as the first segment of every resource name (default: the stack name).",
            null, ValueRules.NameSegment(MaxEnvironmentLength)),
        Define(ConfigKeyNames.Team,
            "Owning team, last segment of every resource name and the Team tag (required).",
            null, ValueRules.NameSegment(MaxTeamLength)),
        Define(ConfigKeyNames.BatchSize, "Stream records per processor invocation.",
            Int(PipelineDefaults.BatchSize), ValueRules.IntRange(1, 10_000)),
        Define(ConfigKeyNames.MaxBatchingWindowSeconds, "Seconds the stream mapping may wait to fill a batch.",
            Int(PipelineDefaults.MaxBatchingWindowSeconds), ValueRules.IntRange(0, 300)),
        Define(ConfigKeyNames.MaxRetryAttempts, "Retries of a failed stream batch (-1 = until the record expires).",
            Int(PipelineDefaults.MaxRetryAttempts), ValueRules.IntRange(-1, 10_000)),
        Define(ConfigKeyNames.MaxRecordAgeSeconds, "Oldest stream record the mapping still sends (-1 = no limit).",
            Int(PipelineDefaults.MaxRecordAgeSeconds), ValueRules.IntRangeOrSentinel(-1, 60, 604_800)),
        Define(ConfigKeyNames.ParallelizationFactor, "Concurrent batches per stream shard.",
            Int(PipelineDefaults.ParallelizationFactor), ValueRules.IntRange(1, 10)),
        Define(ConfigKeyNames.ProcessorMemoryMb, "Processor function memory in MB.",
            Int(PipelineDefaults.ProcessorMemoryMb), ValueRules.IntRange(128, 10_240)),
        Define(ConfigKeyNames.ProcessorTimeoutSeconds, "Processor function timeout in seconds.",
            Int(PipelineDefaults.ProcessorTimeoutSeconds), ValueRules.IntRange(1, 900)),
        Define(ConfigKeyNames.ProcessorMaxConcurrency, "Records the processor writes to S3 at once (MAX_CONCURRENCY).",
            Int(PipelineDefaults.ProcessorMaxConcurrency), ValueRules.IntRange(1, 256)),
        Define(ConfigKeyNames.AuditTimeoutSeconds,
            "Audit function timeout in seconds; the dead-letter queue's visibility timeout is 6x this value.",
            Int(PipelineDefaults.AuditTimeoutSeconds), ValueRules.IntRange(1, 900)),
        Define(ConfigKeyNames.LogRetentionDays, "Retention of both functions' log groups (a CloudWatch-allowed value).",
            Int(PipelineDefaults.LogRetentionDays), ValueRules.IntOneOf(LogRetention.AllowedDays)),
        Define(ConfigKeyNames.Architecture, "Instruction set of both functions.",
            PipelineDefaults.Architecture.ToAwsName(),
            ValueRules.OneOf(LambdaArchitectureNames.Arm64, LambdaArchitectureNames.X86_64)),
        Define(ConfigKeyNames.ErrorAlarmThreshold, "Processor errors in 5 minutes that raise the alarm.",
            Int(PipelineDefaults.ErrorAlarmThreshold), ValueRules.IntRange(1, 1_000_000)),
        Define(ConfigKeyNames.IteratorAgeAlarmMs, "Processor iterator age (ms) that raises the alarm.",
            Int(PipelineDefaults.IteratorAgeAlarmMs), ValueRules.IntRange(1_000, 604_800_000)),
        Define(ConfigKeyNames.AlertEmail, "Email address subscribed to the alarm topic (optional).",
            null, ValueRules.Email),
        Define(ConfigKeyNames.Protect, "Protect the tables and the bucket and turn on deletion protection.",
            Bool(PipelineDefaults.Protect), ValueRules.Boolean),
        Define(ConfigKeyNames.ForceDestroy, "Empty the bucket (all versions) when the stack is destroyed.",
            Bool(PipelineDefaults.ForceDestroy), ValueRules.Boolean),
        Define(ConfigKeyNames.NoncurrentVersionExpirationDays, "Days before noncurrent object versions expire.",
            Int(PipelineDefaults.NoncurrentVersionExpirationDays), ValueRules.IntRange(1, 3650)),
        Define(ConfigKeyNames.FunctionsPackageDirectory,
            "Folder holding the published Functions package (optional; default <repo>/artifacts/functions).",
            null, ValueRules.NonEmpty),
        Define(ConfigKeyNames.EmulatorEndpoint,
            "AWS API emulator URL; when set, every service the stack uses is sent there (the local stack sets it).",
            null, ValueRules.HttpUrl),
        Define(ConfigKeyNames.EmulatorAccessKey, "Access key sent to the emulator.",
            PipelineDefaults.EmulatorAccessKey, ValueRules.NonEmpty),
        Define(ConfigKeyNames.EmulatorSecretKey, "Secret key sent to the emulator.",
            PipelineDefaults.EmulatorSecretKey, ValueRules.NonEmpty),
    ];

    private static readonly Dictionary<string, Entry> ByName =
        Entries.ToDictionary(entry => entry.Key.Name, StringComparer.Ordinal);

    public static IReadOnlyList<ConfigKey> Keys { get; } = Entries.Select(entry => entry.Key).ToArray();

    /// <summary>Accepts the short name (<c>team</c>) or the namespaced one (<c>orders-pipeline:team</c>).</summary>
    public static bool IsKnown(string key) => ByName.ContainsKey(ShortName(key));

    /// <summary>Null when <paramref name="value"/> is valid for <paramref name="key"/>; otherwise a message naming the
    /// key, the value and the allowed range.</summary>
    public static string? ValidateValue(string key, string value)
    {
        var name = ShortName(key);
        if (!ByName.TryGetValue(name, out var entry))
        {
            return $"'{FullName(name)}' is not a known key; known keys: {string.Join(", ", ByName.Keys)}.";
        }

        var allowed = entry.Rule(value);
        return allowed is null ? null : Problem(name, value, allowed);
    }

    public static string FullName(string shortName) => $"{Namespace}:{shortName}";

    public static string ShortName(string key) =>
        key.StartsWith(Namespace + ":", StringComparison.Ordinal) ? key[(Namespace.Length + 1)..] : key;

    /// <summary>The message every config problem uses: key, value, allowed range.</summary>
    public static string Problem(string shortName, string value, string allowed) =>
        $"Config '{FullName(shortName)}' has invalid value '{value}': must be {allowed}.";

    private static Entry Define(string name, string description, string? defaultValue, ValueRule rule) =>
        new(new ConfigKey(name, description, defaultValue), rule);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "true" : "false";
}
