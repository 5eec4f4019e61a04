using OrdersPipeline.Infra.Defaults;
using OrdersPipeline.Infra.Definitions;
using Pulumi;
using Pulumi.Aws.S3;

namespace OrdersPipeline.Infra.Components;

/// <summary>The processed-data bucket (see <see cref="BucketDefaults"/>), whose replaced object versions expire
/// after the configured number of days, optionally with Object Lock. Because S3 sets Object Lock only when it creates
/// a bucket, every deployment first reads the stack's own previous deployment and refuses a change S3 cannot make
/// (<see cref="ProtectionRules.ObjectLockChange"/>): turning the lock on for an existing bucket, or off for a locked
/// one. With the lock, the bucket keeps its objects on destroy whatever <c>forceDestroy</c> says
/// (<see cref="ProtectionRules.ForceDestroy"/>).</summary>
public sealed class ProcessedStorage : PipelineComponent
{
    public const string TypeToken = "orders-pipeline:storage:ProcessedStorage";
    public const string LifecycleRuleId = "expire-noncurrent-versions";

    /// <param name="accountId">Part of the bucket name, because bucket names are global.</param>
    /// <param name="cloudFrontReader">With the CDN on: builds the distribution that reads the bucket, from the
    /// bucket, and returns the distribution's ARN, which the bucket policy then names
    /// (<see cref="BucketPolicies.ProcessedBucket"/>). It runs between the bucket and its policy: the distribution
    /// needs the bucket, the policy needs the distribution.</param>
    public ProcessedStorage(
        string name, StackContext context, Output<string> accountId,
        Func<Bucket, Output<string>>? cloudFrontReader = null, ComponentResourceOptions? options = null)
        : base(TypeToken, name, context, options)
    {
        var config = context.Config;
        var lockDays = config.Get(ConfigSchema.ProcessedObjectLockDays);
        // The bucket waits for the Object Lock check, so a refused change creates or replaces nothing. It runs on
        // every deployment: a lock turned off is one key's change, and the check is the only thing that sees it.
        InputList<Resource> objectLockCheck = PriorDeployment.ObjectLockCheck(this, name, lockDays);
        var secure = BucketDefaults.Create(this, name, new BucketSpec
        {
            BucketName = accountId.Apply(context.Names.ProcessedBucket),
            ForceDestroy = ProtectionRules.ForceDestroy(config, StackBucket.Processed),
            KeyArn = context.KeyArn,
            WaitFor = objectLockCheck,
            Protect = config.Get(ConfigSchema.Protect),
            AccessLogPrefix = BucketPolicies.ProcessedPrefix,
            ObjectLockDays = lockDays,
            PolicyFromBucket = cloudFrontReader is null
                ? null
                : bucket => Output.Tuple(bucket.Arn, cloudFrontReader(bucket))
                    .Apply(arns => BucketPolicies.ProcessedBucket(arns.Item1, arns.Item2)),
        });
        Bucket = secure.Bucket;
        ObjectLockDays = Output.Create(lockDays);

        _ = LifecycleDefaults.Create(this, name, secure, LifecycleDefaults.Rule(LifecycleRuleId)
            .NoncurrentExpiringAfter(config.Get(ConfigSchema.NoncurrentVersionExpirationDays))
            .AbortingIncompleteUploads());

        RegisterOutputs();
    }

    public Bucket Bucket { get; }

    /// <summary>The Object Lock days the bucket was deployed with; the next deployment reads it back.</summary>
    public Output<int> ObjectLockDays { get; }
}
