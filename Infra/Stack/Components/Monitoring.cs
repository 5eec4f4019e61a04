using System.Collections.Immutable;
using OrdersPipeline.Infra.Definitions;
using Pulumi;
using Pulumi.Aws.CloudWatch;
using Pulumi.Aws.Sns;

namespace OrdersPipeline.Infra.Components;

/// <param name="TopicName">Physical name of the alert topic.</param>
/// <param name="Alarms">What to watch; see <see cref="AlarmDefinitions"/>.</param>
/// <param name="Targets">The resource name each alarm's dimension points at.</param>
/// <param name="AlertEmail">Subscribed to the topic when set.</param>
public sealed record MonitoringArgs(
    string TopicName,
    IReadOnlyList<AlarmDefinition> Alarms,
    IReadOnlyDictionary<AlarmTarget, Output<string>> Targets,
    string? AlertEmail = null);

/// <summary>The alert topic, an optional email subscription, and the pipeline's alarms, each notifying the topic
/// when it fires and when it recovers.</summary>
public sealed class Monitoring : PipelineComponent
{
    public const string TypeToken = "orders-pipeline:monitoring:Monitoring";

    // Defaults of this component. The topic is deliberately not encrypted with the AWS-managed SNS key:
    // CloudWatch cannot publish to a topic encrypted with it.
    public const string EmailProtocol = "email";

    public Monitoring(string name, MonitoringArgs args, ProviderResource provider, ComponentResourceOptions? options = null)
        : base(TypeToken, name, provider, options)
    {
        var topic = new Topic($"{name}-topic", new TopicArgs { Name = args.TopicName }, ChildOptions());

        if (args.AlertEmail is { } email)
        {
            _ = new TopicSubscription($"{name}-email", new TopicSubscriptionArgs
            {
                Topic = topic.Arn,
                Protocol = EmailProtocol,
                Endpoint = email,
            }, ChildOptions());
        }

        var alarmNames = new List<Output<string>>();
        foreach (var alarm in args.Alarms)
        {
            if (!args.Targets.TryGetValue(alarm.Target, out var dimensionValue))
            {
                throw new ArgumentException($"No resource name given for alarm target {alarm.Target}.", nameof(args));
            }

            var metricAlarm = new MetricAlarm(alarm.Name, new MetricAlarmArgs
            {
                Name = alarm.Name,
                AlarmDescription = alarm.Description,
                Namespace = alarm.Namespace,
                MetricName = alarm.MetricName,
                Statistic = alarm.Statistic,
                Period = alarm.PeriodSeconds,
                EvaluationPeriods = alarm.EvaluationPeriods,
                Threshold = alarm.Threshold,
                ComparisonOperator = alarm.ComparisonOperator,
                TreatMissingData = alarm.TreatMissingData,
                Dimensions = { { alarm.DimensionName, dimensionValue } },
                AlarmActions = { topic.Arn },
                OkActions = { topic.Arn },
            }, ChildOptions());
            alarmNames.Add(metricAlarm.Name);
        }

        TopicArn = topic.Arn;
        AlarmNames = Output.All(alarmNames);

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["topicArn"] = TopicArn,
            ["alarmNames"] = AlarmNames,
        });
    }

    [Output("topicArn")]
    public Output<string> TopicArn { get; }

    [Output("alarmNames")]
    public Output<ImmutableArray<string>> AlarmNames { get; }
}
