using OrdersPipeline.Infra.Definitions;
using Pulumi;
using Pulumi.Aws.S3;
// The nested input types live beside same-named v6 inline-bucket types (S3.Inputs.BucketVersioningArgs), so
// they are qualified through an alias rather than imported.
using S3Inputs = Pulumi.Aws.S3.Inputs;

namespace OrdersPipeline.Infra.Components;

/// <param name="BucketName">Physical bucket name (carries the account id, so it is an output).</param>
/// <param name="ForceDestroy">Empty the bucket, every version included, when it is destroyed.</param>
/// <param name="Protect">Pulumi protection of the bucket.</param>
/// <param name="NoncurrentVersionExpirationDays">Days before a replaced object version is deleted.</param>
public sealed record ProcessedStorageArgs(
    Input<string> BucketName,
    bool ForceDestroy = PipelineDefaults.ForceDestroy,
    bool Protect = PipelineDefaults.Protect,
    int NoncurrentVersionExpirationDays = PipelineDefaults.NoncurrentVersionExpirationDays);

/// <summary>The processed-data bucket: versioned, encrypted, private, owner-enforced, TLS only.</summary>
public sealed class ProcessedStorage : PipelineComponent
{
    public const string TypeToken = "orders-pipeline:storage:ProcessedStorage";

    // Defaults of this component.
    public const string VersioningStatus = "Enabled";
    public const string SseAlgorithm = "AES256";
    public const string ObjectOwnership = "BucketOwnerEnforced";
    public const string LifecycleRuleId = "expire-noncurrent-versions";
    public const int AbortIncompleteUploadDays = 7;

    public ProcessedStorage(
        string name, ProcessedStorageArgs args, ProviderResource provider, ComponentResourceOptions? options = null)
        : base(TypeToken, name, provider, options)
    {
        var bucket = new Bucket($"{name}-bucket", new BucketArgs
        {
            BucketName = args.BucketName,
            ForceDestroy = args.ForceDestroy,
        }, ChildOptions(protect: args.Protect));

        var versioning = new BucketVersioning($"{name}-versioning", new BucketVersioningArgs
        {
            Bucket = bucket.BucketName,
            VersioningConfiguration = new S3Inputs.BucketVersioningVersioningConfigurationArgs { Status = VersioningStatus },
        }, ChildOptions());

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
            }, ChildOptions());

        var publicAccessBlock = new BucketPublicAccessBlock($"{name}-public-access-block",
            new BucketPublicAccessBlockArgs
            {
                Bucket = bucket.BucketName,
                BlockPublicAcls = true,
                BlockPublicPolicy = true,
                IgnorePublicAcls = true,
                RestrictPublicBuckets = true,
            }, ChildOptions());

        _ = new BucketOwnershipControls($"{name}-ownership", new BucketOwnershipControlsArgs
        {
            Bucket = bucket.BucketName,
            Rule = new S3Inputs.BucketOwnershipControlsRuleArgs { ObjectOwnership = ObjectOwnership },
        }, ChildOptions());

        // S3 serialises bucket-level configuration changes; ordering the policy after the block avoids conflicts.
        _ = new BucketPolicy($"{name}-tls-only-policy", new BucketPolicyArgs
        {
            Bucket = bucket.BucketName,
            Policy = bucket.Arn.Apply(arn => PolicyDocuments.TlsOnlyBucketPolicy(arn)),
        }, ChildOptions(publicAccessBlock));

        _ = new BucketLifecycleConfiguration($"{name}-lifecycle", new BucketLifecycleConfigurationArgs
        {
            Bucket = bucket.BucketName,
            Rules =
            {
                new S3Inputs.BucketLifecycleConfigurationRuleArgs
                {
                    Id = LifecycleRuleId,
                    Status = "Enabled",
                    Filter = new S3Inputs.BucketLifecycleConfigurationRuleFilterArgs(),
                    NoncurrentVersionExpiration = new S3Inputs.BucketLifecycleConfigurationRuleNoncurrentVersionExpirationArgs
                    {
                        NoncurrentDays = args.NoncurrentVersionExpirationDays,
                    },
                    AbortIncompleteMultipartUpload =
                        new S3Inputs.BucketLifecycleConfigurationRuleAbortIncompleteMultipartUploadArgs
                        {
                            DaysAfterInitiation = AbortIncompleteUploadDays,
                        },
                },
            },
        }, ChildOptions(versioning));

        BucketName = bucket.BucketName;
        BucketArn = bucket.Arn;

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["bucketName"] = BucketName,
            ["bucketArn"] = BucketArn,
        });
    }

    [Output("bucketName")]
    public Output<string> BucketName { get; }

    [Output("bucketArn")]
    public Output<string> BucketArn { get; }
}
