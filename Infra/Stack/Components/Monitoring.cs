using OrdersPipeline.Infra.Defaults;
using OrdersPipeline.Infra.Definitions;
using Pulumi;
using Pulumi.Aws.CloudWatch;
using Pulumi.Aws.Sns;

namespace OrdersPipeline.Infra.Components;

/// <summary>The alert topic, an optional email subscription, and the pipeline's alarms (see
/// <see cref="AlarmDefinitions"/>), each notifying the topic when it fires and when it recovers.</summary>
public sealed class Monitoring : PipelineComponent
{
    public const string TypeToken = "orders-pipeline:monitoring:Monitoring";

    // The topic is never encrypted with the AWS-managed SNS key, which CloudWatch cannot publish to (TopicDefaults).
    public const string EmailProtocol = "email";

    /// <param name="region">The region the stack runs in, for alarms whose metric carries a Region dimension.</param>
    /// <param name="targets">The resource name each alarm's dimension points at.</param>
    public Monitoring(string name, StackContext context, Output<string> region,
        IReadOnlyDictionary<AlarmTarget, Output<string>> targets, ComponentResourceOptions? options = null)
        : base(TypeToken, name, context, options)
    {
        Topic = new Topic($"{name}-topic", TopicDefaults.Secure(context.Names.AlertTopic, context.KeyArn), ChildOptions());

        if (context.Config.Get(ConfigSchema.AlertEmail) is { } email)
        {
            _ = new TopicSubscription($"{name}-email", new TopicSubscriptionArgs
            {
                Topic = Topic.Arn,
                Protocol = EmailProtocol,
                Endpoint = email,
            }, ChildOptions());
        }

        Alarms = AlarmDefinitions.For(context.Config)
            .Select(alarm => new MetricAlarm(alarm.Name, new MetricAlarmArgs
            {
                Name = alarm.Name,
                AlarmDescription = alarm.Description,
                Namespace = alarm.Namespace,
                MetricName = alarm.MetricName,
                // A percentile (p99) is an extended statistic; the two are exclusive.
                Statistic = IngestAlarmDefinitions.IsPercentile(alarm.Statistic) ? (Input<string>?)null : alarm.Statistic,
                ExtendedStatistic = IngestAlarmDefinitions.IsPercentile(alarm.Statistic) ? alarm.Statistic : (Input<string>?)null,
                Period = alarm.PeriodSeconds,
                EvaluationPeriods = alarm.EvaluationPeriods,
                Threshold = alarm.Threshold,
                ComparisonOperator = alarm.ComparisonOperator,
                TreatMissingData = alarm.TreatMissingData,
                Dimensions = Dimensions(alarm, targets[alarm.Target], region),
                AlarmActions = { Topic.Arn },
                OkActions = { Topic.Arn },
            }, ChildOptions()))
            .ToArray();

        RegisterOutputs();
    }

    public Topic Topic { get; }

    private static InputMap<string> Dimensions(AlarmDefinition alarm, Output<string> target, Output<string> region)
    {
        var dimensions = new InputMap<string> { { alarm.DimensionName, target } };
        foreach (var (dimension, value) in alarm.FixedDimensions)
        {
            dimensions.Add(dimension, value);
        }

        if (alarm.RegionDimension is { } regionDimension)
        {
            dimensions.Add(regionDimension, region);
        }

        return dimensions;
    }

    public IReadOnlyList<MetricAlarm> Alarms { get; }
}
