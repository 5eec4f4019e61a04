using System.Globalization;
using OrdersPipeline.Functions.Metrics;

namespace OrdersPipeline.Infra.Definitions;

/// <summary>The alarms of the ingest doors (docs/ingest.md, "Alarms"), each only when its door is on: the API's 5xx
/// rate, 4xx count and p99 latency; each ingest function's errors; files the file door logged FAILED.</summary>
public static class IngestAlarmDefinitions
{
    public const string ApiGatewayNamespace = "AWS/ApiGateway";
    public const string ApiNameDimension = "ApiName";
    public const string StageDimension = "Stage";
    public const string Average = "Average";
    public const string P99 = "p99";

    public static IReadOnlyList<AlarmDefinition> For(StackConfig config)
    {
        var names = config.Names;
        var alarms = new List<AlarmDefinition>();
        if (config.Parts.HttpIngest)
        {
            // 5XXError averaged over the requests is the share answered 5xx.
            alarms.Add(Api(names.Api5xxAlarm, "The orders API answers too many requests with 5xx.", "5XXError", Average,
                config.Get(ConfigSchema.Api5xxRateAlarmPercent) / 100.0));
            alarms.Add(Api(names.Api4xxAlarm, "A spike of 4xx answers from the orders API (bad requests, keys, throttling).",
                "4XXError", AlarmDefinitions.Sum, config.Get(ConfigSchema.Api4xxAlarmThreshold)));
            alarms.Add(Api(names.ApiLatencyAlarm, "The orders API's p99 latency is above the limit.", "Latency", P99,
                config.Get(ConfigSchema.ApiLatencyP99AlarmMs)));
            alarms.Add(Errors(names.HttpIngestErrorsAlarm, "The HTTP ingest function failed.",
                AlarmTarget.HttpIngestFunction));
        }

        if (config.Parts.FileIngest)
        {
            alarms.Add(Errors(names.FileIngestErrorsAlarm, "The file ingest function failed.", AlarmTarget.FileIngestFunction));
            alarms.Add(AlarmDefinitions.OwnMetric(config, names.FailedFilesAlarm,
                "A dropped file was logged FAILED in the ingest log.", IngestMetrics.FilesFailed, AlarmDefinitions.Sum,
                1, AlarmTarget.FileIngestFunction));
        }

        return alarms;
    }

    /// <summary>True for a percentile statistic (<c>p99</c>), which CloudWatch takes as an extended statistic.</summary>
    public static bool IsPercentile(string statistic) =>
        statistic.Length > 1 && statistic[0] == 'p' &&
        double.TryParse(statistic[1..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);

    private static AlarmDefinition Api(string name, string description, string metric, string statistic, double threshold) =>
        new(name, description, ApiGatewayNamespace, metric, statistic, PipelineDefaults.AlarmPeriodSeconds,
            PipelineDefaults.AlarmEvaluationPeriods, threshold, AlarmDefinitions.GreaterThanOrEqualToThreshold,
            AlarmDefinitions.NotBreaching, ApiNameDimension, AlarmTarget.OrdersApi)
        {
            FixedDimensions = new Dictionary<string, string> { [StageDimension] = PipelineDefaults.OrdersApiStage },
        };

    private static AlarmDefinition Errors(string name, string description, AlarmTarget target) =>
        AlarmDefinitions.Lambda(name, description, "Errors", AlarmDefinitions.Sum, 1, target);
}
