using OrdersPipeline.Infra.Defaults;
using OrdersPipeline.Infra.Definitions;
using Pulumi;
using Pulumi.Aws.S3;

namespace OrdersPipeline.Infra.Components;

/// <summary>The stack's S3 server access-log bucket (always on). Every other bucket made through
/// <see cref="BucketDefaults"/> logs here under its own prefix; the policy lets S3's log delivery write for this
/// stack's source buckets and account only; logs expire after <c>accessLogExpirationDays</c>. It is encrypted with
/// SSE-S3 even with a stack key, because S3 does not deliver access logs to an SSE-KMS bucket.</summary>
public sealed class AccessLogs : PipelineComponent
{
    public const string TypeToken = "orders-pipeline:protection:AccessLogs";
    public const string LifecycleRuleId = "expire-access-logs";

    public AccessLogs(string name, StackContext context, Output<string> accountId, ComponentResourceOptions? options = null)
        : base(TypeToken, name, context, options)
    {
        var config = context.Config;
        var expirationDays = config.Get(ConfigSchema.AccessLogExpirationDays);
        var secure = BucketDefaults.Create(this, name, new BucketSpec
        {
            BucketName = accountId.Apply(context.Names.AccessLogBucket),
            ForceDestroy = ProtectionRules.ForceDestroy(config, StackBucket.AccessLogs),
            KeyArn = null,
            Protect = config.Get(ConfigSchema.Protect),
            IsAccessLogTarget = true,
            Policy = bucketArn => Output.Tuple(bucketArn, accountId).Apply(arns => BucketPolicies.AccessLogBucket(
                arns.Item1, BucketPolicies.AccessLogSources(config, arns.Item2), arns.Item2)),
        });
        Bucket = secure.Bucket;

        _ = LifecycleDefaults.Create(this, name, secure,
            LifecycleDefaults.Rule(LifecycleRuleId).ExpiringAfter(expirationDays));

        RegisterOutputs();
    }

    public Bucket Bucket { get; }
}
