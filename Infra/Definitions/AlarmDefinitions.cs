using OrdersPipeline.Functions.Metrics;

namespace OrdersPipeline.Infra.Definitions;

/// <summary>What an alarm's single dimension points at; the component fills in the resource's name.</summary>
public enum AlarmTarget
{
    ProcessorFunction,
    AuditFunction,
    DeadLetterQueue,
    RedriveQueue,

    // Ingest (only when its door is on).
    HttpIngestFunction,
    FileIngestFunction,
    OrdersApi,

    // Edge and network (only when its control is on).
    WebAcl,

    // Threat detection (guardDuty: true).
    RemediationFunction,
}

/// <summary>One CloudWatch alarm, everything but the dimension value (a resource name known at deploy time).</summary>
public sealed record AlarmDefinition(
    string Name,
    string Description,
    string Namespace,
    string MetricName,
    string Statistic,
    int PeriodSeconds,
    int EvaluationPeriods,
    double Threshold,
    string ComparisonOperator,
    string TreatMissingData,
    string DimensionName,
    AlarmTarget Target)
{
    /// <summary>Dimensions with values known from config (the Environment of the functions' own metrics).</summary>
    public IReadOnlyDictionary<string, string> FixedDimensions { get; init; } = new Dictionary<string, string>();

    /// <summary>A dimension whose value is the region the stack runs in, known at deploy time (WAF's regional
    /// metrics carry one); null for none.</summary>
    public string? RegionDimension { get; init; }
}

/// <summary>The pipeline's alarms. Every one notifies the alert topic on ALARM and on OK.</summary>
public static class AlarmDefinitions
{
    public const string LambdaNamespace = "AWS/Lambda";
    public const string SqsNamespace = "AWS/SQS";
    public const string FunctionNameDimension = "FunctionName";
    public const string QueueNameDimension = "QueueName";
    public const string GreaterThanOrEqualToThreshold = "GreaterThanOrEqualToThreshold";
    public const string NotBreaching = "notBreaching";
    public const string Sum = "Sum";
    public const string Maximum = "Maximum";

    public static IReadOnlyList<AlarmDefinition> For(StackConfig config)
    {
        var names = config.Names;
        return
        [
            Lambda(names.ProcessorErrorsAlarm, "Processor invocations failed.", "Errors", Sum,
                config.Get(ConfigSchema.ErrorAlarmThreshold), AlarmTarget.ProcessorFunction),
            Lambda(names.ProcessorIteratorAgeAlarm, "The processor is falling behind the orders stream.",
                "IteratorAge", Maximum, config.Get(ConfigSchema.IteratorAgeAlarmMs), AlarmTarget.ProcessorFunction),
            Queue(names.DeadLetterDepthAlarm, "Stream batches failed and are waiting in the dead-letter queue.",
                AlarmTarget.DeadLetterQueue),
            Lambda(names.AuditErrorsAlarm, "The audit function failed.", "Errors", Sum, 1, AlarmTarget.AuditFunction),
            Queue(names.RedriveDepthAlarm, "Failure records could not be audited and were moved to the redrive queue.",
                AlarmTarget.RedriveQueue),
            // The processor's own metric: time from the change in the table to its document in S3, worst record.
            OwnMetric(config, names.ProcessingLagAlarm,
                "Documents reach S3 later than the configured lag after their change.", PipelineMetrics.WriteLagMax,
                Maximum, config.Get(ConfigSchema.ProcessingLagAlarmMs), AlarmTarget.ProcessorFunction),
            // Any card number masked means a writer put one in the table (docs/security.md, "Card numbers").
            OwnMetric(config, names.CardNumbersMaskedAlarm,
                "The processor masked a payment card number that reached the orders table.",
                PipelineMetrics.CardNumbersMasked, Sum, 1, AlarmTarget.ProcessorFunction),
            .. IngestAlarmDefinitions.For(config),
            .. ApiFirewallAlarms.For(config),
            .. ThreatAlarms(config),
        ];
    }

    /// <summary>The remediation function's errors (guardDuty: true): a finding it could not act on.</summary>
    private static IEnumerable<AlarmDefinition> ThreatAlarms(StackConfig config) =>
        config.Parts.GuardDuty
            ? [Lambda(config.Names.RemediationErrorsAlarm, "The GuardDuty remediation function failed on a finding.",
                "Errors", Sum, 1, AlarmTarget.RemediationFunction)]
            : [];

    /// <summary>An alarm on a metric the functions emit themselves: the stack's namespace, and both dimensions the
    /// functions write (Function from the target, Environment fixed).</summary>
    internal static AlarmDefinition OwnMetric(StackConfig config, string name, string description, string metric,
        string statistic, double threshold, AlarmTarget target) =>
        new(name, description, config.Get(ConfigSchema.MetricsNamespace), metric, statistic,
            PipelineDefaults.AlarmPeriodSeconds, PipelineDefaults.AlarmEvaluationPeriods, threshold,
            GreaterThanOrEqualToThreshold, NotBreaching, EmbeddedMetrics.FunctionDimension, target)
        {
            FixedDimensions = new Dictionary<string, string>
            {
                [EmbeddedMetrics.EnvironmentDimension] = config.Get(ConfigSchema.Environment),
            },
        };

    internal static AlarmDefinition Lambda(
        string name, string description, string metric, string statistic, double threshold, AlarmTarget target) =>
        new(name, description, LambdaNamespace, metric, statistic, PipelineDefaults.AlarmPeriodSeconds,
            PipelineDefaults.AlarmEvaluationPeriods, threshold, GreaterThanOrEqualToThreshold, NotBreaching,
            FunctionNameDimension, target);

    private static AlarmDefinition Queue(string name, string description, AlarmTarget target) =>
        new(name, description, SqsNamespace, "ApproximateNumberOfMessagesVisible", Maximum,
            PipelineDefaults.AlarmPeriodSeconds, PipelineDefaults.AlarmEvaluationPeriods, 1,
            GreaterThanOrEqualToThreshold, NotBreaching, QueueNameDimension, target);
}
