using OrdersPipeline.Infra.Defaults;
using OrdersPipeline.Infra.Definitions;
using Pulumi;
using Pulumi.Aws.CloudTrail;
using Pulumi.Aws.CloudTrail.Inputs;
using Pulumi.Aws.CloudWatch;
using Pulumi.Aws.CloudWatch.Inputs;
using Pulumi.Aws.DynamoDB;
using Pulumi.Aws.Iam;
using Pulumi.Aws.S3;
using Pulumi.Aws.Sns;

namespace OrdersPipeline.Infra.Components;

/// <summary>What the trail records data events of, and where its alarms go.</summary>
/// <param name="DropBucket">The file-ingest drop bucket, when the file door is on: its objects are data events too.</param>
public sealed record AuditTrailArgs(
    Output<AwsScope> Scope, Output<string> AccountId, Bucket ProcessedBucket, Table OrdersTable, Topic AlertTopic,
    Bucket? DropBucket = null);

/// <summary>The account audit trail (<c>auditTrail: true</c>): a multi-region CloudTrail trail with log file
/// validation and data events on the processed bucket and the orders table, written to its own bucket (see
/// <see cref="BucketDefaults"/>; CloudTrail only for this trail; Glacier after 90 days, expiry after
/// <c>trailLogExpirationDays</c>) and delivered to a log group with metric filters and alarms on unauthorised API
/// calls and bucket policy changes, notifying the alert topic.</summary>
public sealed class AuditTrail : PipelineComponent
{
    public const string TypeToken = "orders-pipeline:protection:AuditTrail";
    public const string LifecycleRuleId = "archive-then-expire";
    public const int GlacierAfterDays = 90;
    public const string GlacierStorageClass = "GLACIER";
    public const string S3ObjectDataResource = "AWS::S3::Object";
    public const string DynamoDbTableDataResource = "AWS::DynamoDB::Table";

    public AuditTrail(string name, StackContext context, AuditTrailArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, context, options)
    {
        var (config, names) = (context.Config, context.Names);
        var expirationDays = config.Get(ConfigSchema.TrailLogExpirationDays);

        var secure = BucketDefaults.Create(this, name, new BucketSpec
        {
            BucketName = args.AccountId.Apply(names.AuditTrailBucket),
            ForceDestroy = ProtectionRules.ForceDestroy(config, StackBucket.AuditTrail),
            KeyArn = context.KeyArn,
            Protect = config.Get(ConfigSchema.Protect),
            AccessLogPrefix = BucketPolicies.AuditTrailPrefix,
            Policy = bucketArn => Output.Tuple(bucketArn, args.Scope).Apply(pair =>
                BucketPolicies.AuditTrailBucket(pair.Item1, pair.Item2.TrailArn(names.AuditTrail), pair.Item2.AccountId)),
        });
        Bucket = secure.Bucket;

        // A log file overwritten or deleted early stays, as a noncurrent version, for the full period.
        _ = LifecycleDefaults.Create(this, name, secure, LifecycleDefaults.Rule(LifecycleRuleId)
            .MovingAfter(GlacierAfterDays, GlacierStorageClass)
            .ExpiringAfter(expirationDays)
            .AbortingIncompleteUploads());

        LogGroup = new LogGroup($"{name}-logs",
            LogGroupDefaults.For(names.AuditTrailLogGroup, config, context.KeyArn), ChildOptions());

        var delivery = new ServiceRole(this, name, new ServiceRoleSpec
        {
            RoleName = names.AuditTrailRole,
            PolicyName = names.AuditTrailPolicy,
            TrustPolicy = args.Scope.Apply(scope =>
                PolicyDocuments.CloudTrailTrustPolicy(scope.TrailArn(names.AuditTrail), scope.AccountId)),
            Statements = LogGroup.Arn.Apply(PolicyDocuments.AuditTrailDeliveryStatements),
        });

        // CloudTrail checks the bucket policy and the delivery role when the trail is created.
        Trail = new Trail($"{name}-trail", new TrailArgs
        {
            Name = names.AuditTrail,
            S3BucketName = Bucket.BucketName,
            IsMultiRegionTrail = true,
            IncludeGlobalServiceEvents = true,
            EnableLogFileValidation = true,
            EnableLogging = true,
            KmsKeyId = context.KeyArn.OrNone(),
            CloudWatchLogsGroupArn = LogGroup.Arn.Apply(arn => $"{arn}:*"),
            CloudWatchLogsRoleArn = delivery.Role.Arn,
            EventSelectors =
            {
                new TrailEventSelectorArgs
                {
                    ReadWriteType = "All",
                    IncludeManagementEvents = true,
                    DataResources =
                    {
                        new TrailEventSelectorDataResourceArgs
                        {
                            Type = S3ObjectDataResource,
                            Values = ObjectDataValues(args),
                        },
                        new TrailEventSelectorDataResourceArgs
                        {
                            Type = DynamoDbTableDataResource,
                            Values = { args.OrdersTable.Arn },
                        },
                    },
                },
            },
        }, ChildOptions(secure.Policy, delivery.Policy));

        Alarms = AuditTrailAlarms.For(names).Select(alarm =>
        {
            var filter = new LogMetricFilter(alarm.FilterName, new LogMetricFilterArgs
            {
                Name = alarm.FilterName,
                LogGroupName = LogGroup.Name,
                Pattern = alarm.Pattern,
                MetricTransformation = new LogMetricFilterMetricTransformationArgs
                {
                    Name = alarm.MetricName,
                    Namespace = AuditTrailAlarms.MetricNamespace,
                    Value = AuditTrailAlarms.MetricValue,
                },
            }, ChildOptions());

            return new MetricAlarm(alarm.AlarmName, new MetricAlarmArgs
            {
                Name = alarm.AlarmName,
                AlarmDescription = alarm.Description,
                Namespace = AuditTrailAlarms.MetricNamespace,
                MetricName = alarm.MetricName,
                Statistic = AlarmDefinitions.Sum,
                Period = PipelineDefaults.AlarmPeriodSeconds,
                EvaluationPeriods = PipelineDefaults.AlarmEvaluationPeriods,
                Threshold = 1,
                ComparisonOperator = AlarmDefinitions.GreaterThanOrEqualToThreshold,
                TreatMissingData = AlarmDefinitions.NotBreaching,
                AlarmActions = { args.AlertTopic.Arn },
                OkActions = { args.AlertTopic.Arn },
            }, ChildOptions(filter));
        }).ToArray();

        RegisterOutputs();
    }

    public Bucket Bucket { get; }

    public LogGroup LogGroup { get; }

    public Trail Trail { get; }

    public IReadOnlyList<MetricAlarm> Alarms { get; }

    private static InputList<string> ObjectDataValues(AuditTrailArgs args)
    {
        var values = new InputList<string> { args.ProcessedBucket.Arn.Apply(arn => $"{arn}/") };
        if (args.DropBucket is { } drop)
        {
            values.Add(drop.Arn.Apply(arn => $"{arn}/"));
        }

        return values;
    }
}
