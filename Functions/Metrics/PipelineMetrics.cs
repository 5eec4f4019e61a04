using OrdersPipeline.Functions.Configuration;

namespace OrdersPipeline.Functions.Metrics;

/// <summary>The CloudWatch metrics the functions emit, as Embedded Metric Format log lines (one per batch, no SDK
/// call). Every metric carries the dimensions <see cref="EnvironmentDimension"/> and <see cref="FunctionDimension"/>;
/// Infra's dashboard and alarms are built from these names.</summary>
public static class PipelineMetrics
{
    public const string EnvironmentDimension = "Environment";
    public const string FunctionDimension = "Function";

    /// <summary>The audit function also emits its counts per failure type, under this extra dimension.</summary>
    public const string FailureTypeDimension = "FailureType";

    public const string RecordsWritten = "RecordsWritten";
    public const string RecordsFailed = "RecordsFailed";
    public const string RecordsSkipped = "RecordsSkipped";
    public const string RecordsDeferred = "RecordsDeferred";
    public const string BatchDuration = "BatchDuration";
    public const string ProcessingLag = "ProcessingLag";

    public const string MessagesStored = "MessagesStored";
    public const string MessagesAlreadyStored = "MessagesAlreadyStored";
    public const string MessagesFailed = "MessagesFailed";
}

/// <summary>Where the metrics go: the namespace and the Environment dimension, set by Infra from config. The Function
/// dimension is the runtime's own <c>AWS_LAMBDA_FUNCTION_NAME</c>.</summary>
public static class MetricsEnvironment
{
    public static readonly TextVariable Namespace = new("METRICS_NAMESPACE", "OrdersPipeline");
    public static readonly TextVariable Environment = new("METRICS_ENVIRONMENT", "unknown");
    public const string FunctionName = "AWS_LAMBDA_FUNCTION_NAME";
}
