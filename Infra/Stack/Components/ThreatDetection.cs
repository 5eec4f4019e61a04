using OrdersPipeline.Infra.Defaults;
using OrdersPipeline.Infra.Definitions;
using Pulumi;
using Pulumi.Aws.CloudWatch;
using Pulumi.Aws.GuardDuty;
using Pulumi.Aws.Lambda;
using Pulumi.Aws.Lambda.Inputs;
using Pulumi.Aws.Sns;

namespace OrdersPipeline.Infra.Components;

/// <summary>Where findings go: the remediation function and the alert topic; the scope names the stack's alarms in
/// the topic policy.</summary>
public sealed record ThreatDetectionArgs(LambdaFunction Remediation, Topic AlertTopic, Output<AwsScope> Scope);

/// <summary>
/// GuardDuty (<c>guardDuty: true</c>, account-level): the account's detector in this region (created only when the
/// region has none, and kept on destroy), or the existing one named by <c>guardDutyDetectorId</c>; an EventBridge rule that sends findings of at least
/// <c>guardDutySeverityThreshold</c> (<see cref="GuardDutyFindings.EventPattern"/>) to the alert topic and to the
/// remediation function; the topic policy and the Lambda permission that let EventBridge deliver them, for this rule
/// only; and the function's asynchronous-invocation settings, whose destinations send its report, on success and on
/// failure, to the alert topic.
/// </summary>
public sealed class ThreatDetection : PipelineComponent
{
    public const string TypeToken = "orders-pipeline:threat:ThreatDetection";
    public const string AlertTopicTargetId = "alert-topic";
    public const string RemediationTargetId = "remediation-function";
    public const string InvokeAction = "lambda:InvokeFunction";

    public ThreatDetection(string name, StackContext context, ThreatDetectionArgs args,
        ComponentResourceOptions? options = null)
        : base(TypeToken, name, context, options)
    {
        var (config, names) = (context.Config, context.Names);

        // An account has one detector per region and a second CreateDetector fails, so an existing one is used as is.
        if (config.Get(ConfigSchema.GuardDutyDetectorId) is { } existing)
        {
            DetectorId = Output.Create(existing);
        }
        else
        {
            // The detector waits for the lookup, which stops the deployment naming guardDutyDetectorId when the
            // region already has one. Kept on destroy: deleting a detector deletes its findings.
            var created = KeptChildOptions();
            created.DependsOn = PriorDeployment.DetectorCheck(this, name);
            Detector = new Detector($"{name}-detector", new DetectorArgs
            {
                Enable = true,
                FindingPublishingFrequency = GuardDutyFindings.FindingPublishingFrequency,
            }, created);
            _ = new DetectorFeature($"{name}-s3-protection", new DetectorFeatureArgs
            {
                DetectorId = Detector.Id,
                Name = GuardDutyFindings.S3DataEventsFeature,
                Status = GuardDutyFindings.FeatureEnabled,
            }, KeptChildOptions());
            DetectorId = Detector.Id;
        }

        Rule = new EventRule($"{name}-findings-rule", new EventRuleArgs
        {
            Name = names.GuardDutyFindingsRule,
            Description = "GuardDuty findings of severity "
                          + $"{config.Get(ConfigSchema.GuardDutySeverityThreshold)} or more, to the alert topic "
                          + "and the remediation function.",
            EventPattern = GuardDutyFindings.EventPattern(config.Get(ConfigSchema.GuardDutySeverityThreshold)),
        }, ChildOptions());

        // A topic policy replaces SNS's default one; TopicPolicies.AlertTopic keeps the alarms publishing.
        TopicPolicy = new TopicPolicy($"{name}-alert-topic-policy", new TopicPolicyArgs
        {
            Arn = args.AlertTopic.Arn,
            Policy = Output.Tuple(args.AlertTopic.Arn, args.Scope, Rule.Arn).Apply(values =>
                TopicPolicies.AlertTopic(values.Item1, values.Item2.AccountId,
                    values.Item2.AlarmArn(names.AlarmNamePattern), values.Item3)),
        }, ChildOptions());

        _ = new EventTarget($"{name}-alert-topic-target", new EventTargetArgs
        {
            Rule = Rule.Name,
            TargetId = AlertTopicTargetId,
            Arn = args.AlertTopic.Arn,
        }, ChildOptions(TopicPolicy));

        InvokePermission = new Permission($"{name}-events-invoke-permission", new PermissionArgs
        {
            Action = InvokeAction,
            Function = args.Remediation.Function.Name,
            Principal = PolicyDocuments.EventsServicePrincipal,
            SourceArn = Rule.Arn,
        }, ChildOptions());

        _ = new EventTarget($"{name}-remediation-target", new EventTargetArgs
        {
            Rule = Rule.Name,
            TargetId = RemediationTargetId,
            Arn = args.Remediation.Function.Arn,
        }, ChildOptions(InvokePermission));

        // Lambda publishes the function's report with the function's role, which may publish to the topic.
        InvokeConfig = new FunctionEventInvokeConfig($"{name}-remediation-invoke-config",
            new FunctionEventInvokeConfigArgs
            {
                FunctionName = args.Remediation.Function.Name,
                MaximumRetryAttempts = PipelineDefaults.RemediationMaximumRetryAttempts,
                MaximumEventAgeInSeconds = PipelineDefaults.RemediationMaximumEventAgeSeconds,
                DestinationConfig = new FunctionEventInvokeConfigDestinationConfigArgs
                {
                    OnSuccess = new FunctionEventInvokeConfigDestinationConfigOnSuccessArgs
                    {
                        Destination = args.AlertTopic.Arn,
                    },
                    OnFailure = new FunctionEventInvokeConfigDestinationConfigOnFailureArgs
                    {
                        Destination = args.AlertTopic.Arn,
                    },
                },
            }, ChildOptions(args.Remediation.Policy));

        RegisterOutputs();
    }

    /// <summary>Null when the stack uses the account's existing detector.</summary>
    public Detector? Detector { get; }

    /// <summary>The detector in use: the one created here or <c>guardDutyDetectorId</c>.</summary>
    public Output<string> DetectorId { get; }

    public EventRule Rule { get; }

    public TopicPolicy TopicPolicy { get; }

    public Permission InvokePermission { get; }

    public FunctionEventInvokeConfig InvokeConfig { get; }
}
