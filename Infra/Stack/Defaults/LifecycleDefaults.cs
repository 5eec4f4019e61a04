using OrdersPipeline.Infra.Components;
using Pulumi.Aws.S3;
using S3Inputs = Pulumi.Aws.S3.Inputs;

namespace OrdersPipeline.Infra.Defaults;

/// <summary>The lifecycle rules the buckets here use, and the one way a bucket gets them: after versioning is on,
/// since rules on noncurrent versions need it.</summary>
internal static class LifecycleDefaults
{
    public const int AbortIncompleteUploadDays = 7;

    public static BucketLifecycleConfiguration Create(
        PipelineComponent owner, string name, SecureBucket bucket, params S3Inputs.BucketLifecycleConfigurationRuleArgs[] rules)
    {
        var args = new BucketLifecycleConfigurationArgs { Bucket = bucket.Bucket.BucketName };
        args.Rules.AddRange(rules);
        return new BucketLifecycleConfiguration($"{name}-lifecycle", args, owner.ChildOptions(bucket.Versioning));
    }

    /// <summary>An enabled rule over the whole bucket, or over the keys under <paramref name="prefix"/>.</summary>
    public static S3Inputs.BucketLifecycleConfigurationRuleArgs Rule(string id, string? prefix = null) => new()
    {
        Id = id,
        Status = "Enabled",
        Filter = prefix is null
            ? new S3Inputs.BucketLifecycleConfigurationRuleFilterArgs()
            : new S3Inputs.BucketLifecycleConfigurationRuleFilterArgs { Prefix = prefix },
    };

    /// <summary>Objects expire after <paramref name="days"/>, and so does every older version: the buckets are
    /// versioned, so an object overwritten or deleted early still goes when its period ends.</summary>
    public static S3Inputs.BucketLifecycleConfigurationRuleArgs ExpiringAfter(
        this S3Inputs.BucketLifecycleConfigurationRuleArgs rule, int days)
    {
        rule.Expiration = new S3Inputs.BucketLifecycleConfigurationRuleExpirationArgs { Days = days };
        return rule.NoncurrentExpiringAfter(days);
    }

    public static S3Inputs.BucketLifecycleConfigurationRuleArgs NoncurrentExpiringAfter(
        this S3Inputs.BucketLifecycleConfigurationRuleArgs rule, int days)
    {
        rule.NoncurrentVersionExpiration = new S3Inputs.BucketLifecycleConfigurationRuleNoncurrentVersionExpirationArgs
        {
            NoncurrentDays = days,
        };
        return rule;
    }

    public static S3Inputs.BucketLifecycleConfigurationRuleArgs AbortingIncompleteUploads(
        this S3Inputs.BucketLifecycleConfigurationRuleArgs rule)
    {
        rule.AbortIncompleteMultipartUpload = new S3Inputs.BucketLifecycleConfigurationRuleAbortIncompleteMultipartUploadArgs
        {
            DaysAfterInitiation = AbortIncompleteUploadDays,
        };
        return rule;
    }

    public static S3Inputs.BucketLifecycleConfigurationRuleArgs MovingAfter(
        this S3Inputs.BucketLifecycleConfigurationRuleArgs rule, int days, string storageClass)
    {
        rule.Transitions.Add(new S3Inputs.BucketLifecycleConfigurationRuleTransitionArgs
        {
            Days = days,
            StorageClass = storageClass,
        });
        return rule;
    }
}
