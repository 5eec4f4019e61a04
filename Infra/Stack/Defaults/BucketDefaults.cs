using OrdersPipeline.Infra.Components;
using OrdersPipeline.Infra.Definitions;
using Pulumi;
using Pulumi.Aws.S3;
// The nested input types live beside same-named v6 inline-bucket types (S3.Inputs.BucketVersioningArgs), so
// they are qualified through an alias rather than imported.
using S3Inputs = Pulumi.Aws.S3.Inputs;

namespace OrdersPipeline.Infra.Defaults;

/// <summary>A bucket as every bucket here is: versioned, encrypted (SSE-S3 with bucket keys), private, owner-enforced
/// and TLS only. <see cref="Versioning"/> is what a lifecycle rule on versions waits for.</summary>
internal sealed record SecureBucket(Bucket Bucket, BucketVersioning Versioning);

internal static class BucketDefaults
{
    public const string VersioningStatus = "Enabled";
    public const string SseAlgorithm = "AES256";
    public const string ObjectOwnership = "BucketOwnerEnforced";

    /// <param name="protect">Pulumi protection of the bucket itself.</param>
    /// <param name="forceDestroy">Empty the bucket, every version included, when it is destroyed.</param>
    public static SecureBucket Create(
        PipelineComponent owner, string name, Input<string> bucketName, bool forceDestroy, bool protect)
    {
        var bucket = new Bucket($"{name}-bucket", new BucketArgs
        {
            BucketName = bucketName,
            ForceDestroy = forceDestroy,
        }, owner.ChildOptions(protect: protect));

        var versioning = new BucketVersioning($"{name}-versioning", new BucketVersioningArgs
        {
            Bucket = bucket.BucketName,
            VersioningConfiguration = new S3Inputs.BucketVersioningVersioningConfigurationArgs
            {
                Status = VersioningStatus,
            },
        }, owner.ChildOptions());

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
                                SseAlgorithm = SseAlgorithm,
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
        _ = new BucketPolicy($"{name}-tls-only-policy", new BucketPolicyArgs
        {
            Bucket = bucket.BucketName,
            Policy = bucket.Arn.Apply(PolicyDocuments.TlsOnlyBucketPolicy),
        }, owner.ChildOptions(publicAccessBlock));

        return new SecureBucket(bucket, versioning);
    }
}
