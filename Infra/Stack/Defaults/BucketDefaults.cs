using OrdersPipeline.Infra.Components;
using OrdersPipeline.Infra.Definitions;
using Pulumi;
using Pulumi.Aws.S3;
// The nested input types live beside same-named v6 inline-bucket types (S3.Inputs.BucketVersioningArgs), so
// they are qualified through an alias rather than imported.
using S3Inputs = Pulumi.Aws.S3.Inputs;

namespace OrdersPipeline.Infra.Defaults;

/// <summary>What a bucket needs beyond the defaults every bucket gets.</summary>
internal sealed record BucketSpec
{
    public required Input<string> BucketName { get; init; }

    /// <summary>Empty the bucket, every version included, when it is destroyed
    /// (<see cref="ProtectionRules.ForceDestroy"/>).</summary>
    public required bool ForceDestroy { get; init; }

    /// <summary>The stack key the bucket's objects are encrypted with (SSE-KMS); null for SSE-S3: with
    /// <c>encryption: aws-managed</c>, and for the access-log bucket, to which S3 delivers logs only under SSE-S3.
    /// Required, so no bucket is made without deciding it.</summary>
    public required Output<string>? KeyArn { get; init; }

    /// <summary>Pulumi protection of the bucket itself.</summary>
    public bool Protect { get; init; }

    /// <summary>Where this bucket's S3 server access logs go in the stack's access-log bucket
    /// (<see cref="BucketPolicies.AccessLogSources"/> lists the same prefix).</summary>
    public string? AccessLogPrefix { get; init; }

    /// <summary>The access-log bucket itself: S3 delivers server access logs only to a bucket encrypted with
    /// SSE-S3, and a bucket does not log into itself.</summary>
    public bool IsAccessLogTarget { get; init; }

    /// <summary>Object Lock (governance mode) default retention in days; 0: off. S3 sets it only at creation.</summary>
    public int ObjectLockDays { get; init; }

    /// <summary>What the bucket waits for before it is created or changed (a check that may fail the deployment).</summary>
    public InputList<Resource>? WaitFor { get; init; }

    /// <summary>The bucket policy from the bucket's ARN; the TLS-only policy when null. A custom policy keeps
    /// the <c>DenyInsecureTransport</c> statement.</summary>
    public Func<Output<string>, Output<string>>? Policy { get; init; }

    /// <summary>The bucket policy from the bucket itself, instead of <see cref="Policy"/>: for a policy that names a
    /// reader built from the bucket (a CloudFront distribution needs the bucket's domain name, and the policy its
    /// ARN), which is why the reader is built here, between the bucket and its policy.</summary>
    public Func<Bucket, Output<string>>? PolicyFromBucket { get; init; }
}

/// <summary>A bucket as every bucket here is: versioned, encrypted (SSE-KMS with the stack key when there is one,
/// else SSE-S3; bucket keys either way), private, owner-enforced, TLS only, and access-logged. <see cref="Versioning"/>
/// is what a lifecycle rule on versions waits for; <see cref="Policy"/> what a service writing to it waits for.</summary>
internal sealed record SecureBucket(Bucket Bucket, BucketVersioning Versioning, BucketPolicy Policy);

internal static class BucketDefaults
{
    public const string VersioningStatus = "Enabled";
    public const string SseAlgorithm = "AES256";
    public const string KmsSseAlgorithm = "aws:kms";
    public const string ObjectOwnership = "BucketOwnerEnforced";
    public const string ObjectLockMode = "GOVERNANCE";

    public static SecureBucket Create(PipelineComponent owner, string name, BucketSpec spec)
    {
        var context = owner.Context;
        if (!spec.IsAccessLogTarget && (spec.AccessLogPrefix is null || context.AccessLogBucket is null))
        {
            throw new InvalidOperationException(
                $"Bucket '{name}' needs an access-log prefix and the stack's access-log bucket, created first.");
        }

        if (spec.IsAccessLogTarget && spec.KeyArn is not null)
        {
            throw new InvalidOperationException(
                $"Bucket '{name}' is the access-log bucket: S3 delivers server access logs only to an SSE-S3 bucket.");
        }

        if (spec.Policy is not null && spec.PolicyFromBucket is not null)
        {
            throw new InvalidOperationException($"Bucket '{name}' has two policies; give Policy or PolicyFromBucket.");
        }

        var bucketOptions = owner.ChildOptions(protect: spec.Protect);
        if (spec.WaitFor is not null)
        {
            bucketOptions.DependsOn = spec.WaitFor;
        }

        var bucket = new Bucket($"{name}-bucket", new BucketArgs
        {
            BucketName = spec.BucketName,
            ForceDestroy = spec.ForceDestroy,
            ObjectLockEnabled = spec.ObjectLockDays > 0 ? true : null,
        }, bucketOptions);

        var versioning = new BucketVersioning($"{name}-versioning", new BucketVersioningArgs
        {
            Bucket = bucket.BucketName,
            VersioningConfiguration = new S3Inputs.BucketVersioningVersioningConfigurationArgs
            {
                Status = VersioningStatus,
            },
        }, owner.ChildOptions());

        var keyArn = spec.KeyArn;
        _ = new BucketServerSideEncryptionConfiguration($"{name}-encryption",
            new BucketServerSideEncryptionConfigurationArgs
            {
                Bucket = bucket.BucketName,
                Rules =
                {
                    new S3Inputs.BucketServerSideEncryptionConfigurationRuleArgs
                    {
                        ApplyServerSideEncryptionByDefault =
                            new S3Inputs.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs
                            {
                                SseAlgorithm = keyArn is null ? SseAlgorithm : KmsSseAlgorithm,
                                KmsMasterKeyId = keyArn.OrNone(),
                            },
                        BucketKeyEnabled = true,
                    },
                },
            }, owner.ChildOptions());

        var publicAccessBlock = new BucketPublicAccessBlock($"{name}-public-access-block",
            new BucketPublicAccessBlockArgs
            {
                Bucket = bucket.BucketName,
                BlockPublicAcls = true,
                BlockPublicPolicy = true,
                IgnorePublicAcls = true,
                RestrictPublicBuckets = true,
            }, owner.ChildOptions());

        _ = new BucketOwnershipControls($"{name}-ownership", new BucketOwnershipControlsArgs
        {
            Bucket = bucket.BucketName,
            Rule = new S3Inputs.BucketOwnershipControlsRuleArgs { ObjectOwnership = ObjectOwnership },
        }, owner.ChildOptions());

        // S3 serialises bucket-level configuration changes; ordering the policy after the block avoids conflicts.
        // The logical name stays "-tls-only-policy" for every bucket, so existing stacks keep their policy resource.
        var policy = new BucketPolicy($"{name}-tls-only-policy", new BucketPolicyArgs
        {
            Bucket = bucket.BucketName,
            Policy = spec.Policy?.Invoke(bucket.Arn) ?? spec.PolicyFromBucket?.Invoke(bucket)
                ?? bucket.Arn.Apply(PolicyDocuments.TlsOnlyBucketPolicy),
        }, owner.ChildOptions(publicAccessBlock));

        if (!spec.IsAccessLogTarget)
        {
            _ = new BucketLogging($"{name}-access-logging", new BucketLoggingArgs
            {
                Bucket = bucket.BucketName,
                TargetBucket = context.AccessLogBucket!,
                TargetPrefix = $"{spec.AccessLogPrefix}/",
            }, owner.ChildOptions(policy));
        }

        if (spec.ObjectLockDays > 0)
        {
            _ = new BucketObjectLockConfiguration($"{name}-object-lock", new BucketObjectLockConfigurationArgs
            {
                Bucket = bucket.BucketName,
                Rule = new S3Inputs.BucketObjectLockConfigurationRuleArgs
                {
                    DefaultRetention = new S3Inputs.BucketObjectLockConfigurationRuleDefaultRetentionArgs
                    {
                        Mode = ObjectLockMode,
                        Days = spec.ObjectLockDays,
                    },
                },
            }, owner.ChildOptions(versioning));
        }

        return new SecureBucket(bucket, versioning, policy);
    }
}
