namespace OrdersPipeline.Infra.Definitions;

/// <summary>The validated stack configuration. <see cref="Parse"/> is the only way in, and it rejects every
/// invalid value at once, before any resource is registered.</summary>
public sealed record PipelineSettings
{
    public required string Environment { get; init; }
    public required string Team { get; init; }
    public required int BatchSize { get; init; }
    public required int MaxBatchingWindowSeconds { get; init; }
    public required int MaxRetryAttempts { get; init; }
    public required int MaxRecordAgeSeconds { get; init; }
    public required int ParallelizationFactor { get; init; }
    public required int ProcessorMemoryMb { get; init; }
    public required int ProcessorTimeoutSeconds { get; init; }
    public required int ProcessorMaxConcurrency { get; init; }
    public required int AuditTimeoutSeconds { get; init; }
    public required int LogRetentionDays { get; init; }
    public required LambdaArchitecture Architecture { get; init; }
    public required int ErrorAlarmThreshold { get; init; }
    public required int IteratorAgeAlarmMs { get; init; }
    public required string? AlertEmail { get; init; }
    public required bool Protect { get; init; }
    public required bool ForceDestroy { get; init; }
    public required int NoncurrentVersionExpirationDays { get; init; }
    public required string? FunctionsPackageDirectory { get; init; }
    public required EmulatorSettings? Emulator { get; init; }

    public ResourceNames Names => new(Environment, Team);

    public IReadOnlyDictionary<string, string> Tags => PipelineTags.For(Environment, Team);

    /// <summary>The dead-letter queue's visibility timeout: 6x the audit timeout, so a message is not redelivered
    /// while the audit function may still be working on it.</summary>
    public int DeadLetterVisibilityTimeoutSeconds =>
        QueueRules.VisibilityTimeoutFor(AuditTimeoutSeconds);

    /// <param name="readKey">Reads a key of the <c>orders-pipeline</c> namespace by short name; null when unset.</param>
    /// <param name="stackName">The default environment.</param>
    /// <exception cref="ConfigValidationException">Any value is invalid; lists every problem.</exception>
    public static PipelineSettings Parse(Func<string, string?> readKey, string stackName)
    {
        ArgumentNullException.ThrowIfNull(readKey);
        var reader = new SettingsReader(readKey);

        var environment = reader.Text(
            ConfigKeyNames.Environment, defaultValue: stackName, defaultSource: "the stack name");
        var team = reader.RequiredText(ConfigKeyNames.Team);
        var auditTimeout = reader.Int(ConfigKeyNames.AuditTimeoutSeconds, PipelineDefaults.AuditTimeoutSeconds);
        var emulatorEndpoint = reader.OptionalText(ConfigKeyNames.EmulatorEndpoint);
        var emulatorAccessKey = reader.Text(ConfigKeyNames.EmulatorAccessKey, PipelineDefaults.EmulatorAccessKey);
        var emulatorSecretKey = reader.Text(ConfigKeyNames.EmulatorSecretKey, PipelineDefaults.EmulatorSecretKey);

        var settings = new PipelineSettings
        {
            Environment = environment,
            Team = team,
            BatchSize = reader.Int(ConfigKeyNames.BatchSize, PipelineDefaults.BatchSize),
            MaxBatchingWindowSeconds =
                reader.Int(ConfigKeyNames.MaxBatchingWindowSeconds, PipelineDefaults.MaxBatchingWindowSeconds),
            MaxRetryAttempts = reader.Int(ConfigKeyNames.MaxRetryAttempts, PipelineDefaults.MaxRetryAttempts),
            MaxRecordAgeSeconds = reader.Int(ConfigKeyNames.MaxRecordAgeSeconds, PipelineDefaults.MaxRecordAgeSeconds),
            ParallelizationFactor =
                reader.Int(ConfigKeyNames.ParallelizationFactor, PipelineDefaults.ParallelizationFactor),
            ProcessorMemoryMb = reader.Int(ConfigKeyNames.ProcessorMemoryMb, PipelineDefaults.ProcessorMemoryMb),
            ProcessorTimeoutSeconds =
                reader.Int(ConfigKeyNames.ProcessorTimeoutSeconds, PipelineDefaults.ProcessorTimeoutSeconds),
            ProcessorMaxConcurrency =
                reader.Int(ConfigKeyNames.ProcessorMaxConcurrency, PipelineDefaults.ProcessorMaxConcurrency),
            AuditTimeoutSeconds = auditTimeout,
            LogRetentionDays = reader.Int(ConfigKeyNames.LogRetentionDays, PipelineDefaults.LogRetentionDays),
            Architecture = reader.Architecture(ConfigKeyNames.Architecture, PipelineDefaults.Architecture),
            ErrorAlarmThreshold =
                reader.Int(ConfigKeyNames.ErrorAlarmThreshold, PipelineDefaults.ErrorAlarmThreshold),
            IteratorAgeAlarmMs = reader.Int(ConfigKeyNames.IteratorAgeAlarmMs, PipelineDefaults.IteratorAgeAlarmMs),
            AlertEmail = reader.OptionalText(ConfigKeyNames.AlertEmail),
            Protect = reader.Bool(ConfigKeyNames.Protect, PipelineDefaults.Protect),
            ForceDestroy = reader.Bool(ConfigKeyNames.ForceDestroy, PipelineDefaults.ForceDestroy),
            NoncurrentVersionExpirationDays = reader.Int(ConfigKeyNames.NoncurrentVersionExpirationDays,
                PipelineDefaults.NoncurrentVersionExpirationDays),
            FunctionsPackageDirectory = reader.OptionalText(ConfigKeyNames.FunctionsPackageDirectory),
            Emulator = emulatorEndpoint is null
                ? null
                : new EmulatorSettings(new Uri(emulatorEndpoint, UriKind.Absolute), emulatorAccessKey,
                    emulatorSecretKey),
        };

        // Rules across keys run only on keys that are valid on their own, so one mistake gives one message.
        if (reader.AllValid(ConfigKeyNames.Environment, ConfigKeyNames.Team))
        {
            reader.AddProblems(settings.Names.Validate());
        }

        if (reader.AllValid(ConfigKeyNames.AuditTimeoutSeconds))
        {
            reader.AddProblems(QueueRules.ValidateAuditTimeout(auditTimeout));
        }

        reader.ThrowIfInvalid();
        return settings;
    }
}
