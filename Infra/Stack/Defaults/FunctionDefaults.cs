namespace OrdersPipeline.Infra.Defaults;

/// <summary>What a function and its event source mapping look like here.</summary>
internal static class FunctionDefaults
{
    public const string TracingMode = "Active";

    /// <summary>Every mapping reports partial batch failures, so one bad record never fails its whole batch.</summary>
    public const string ReportBatchItemFailures = "ReportBatchItemFailures";
}
