using Amazon.S3;
using Amazon.S3.Model;

namespace OrdersPipeline.Functions.Remediation;

/// <summary>
/// Reads a bucket's public access block and, when any of its four settings is off (or the bucket has none), puts
/// one with all four on. It only ever turns settings on: it never touches the bucket policy, ACLs or objects, and
/// never deletes anything. IAM: <c>s3:GetBucketPublicAccessBlock</c>, <c>s3:PutBucketPublicAccessBlock</c>.
/// </summary>
public sealed class PublicAccessBlockGuard(IAmazonS3 s3)
{
    /// <summary>S3's error code when the bucket has no public access block at all.</summary>
    public const string NoConfigurationErrorCode = "NoSuchPublicAccessBlockConfiguration";

    public const string BlockPublicAcls = nameof(PublicAccessBlockConfiguration.BlockPublicAcls);
    public const string IgnorePublicAcls = nameof(PublicAccessBlockConfiguration.IgnorePublicAcls);
    public const string BlockPublicPolicy = nameof(PublicAccessBlockConfiguration.BlockPublicPolicy);
    public const string RestrictPublicBuckets = nameof(PublicAccessBlockConfiguration.RestrictPublicBuckets);

    /// <summary>The settings that were off and are now on; empty when the block was already fully on and nothing was
    /// written.</summary>
    public async Task<IReadOnlyList<string>> EnsureRestrictedAsync(string bucketName, Func<bool> canStartCall,
        CancellationToken cancellationToken)
    {
        EnsureTime(canStartCall);
        PublicAccessBlockConfiguration? current;
        try
        {
            current = (await s3.GetPublicAccessBlockAsync(
                new GetPublicAccessBlockRequest { BucketName = bucketName }, cancellationToken).ConfigureAwait(false))
                .PublicAccessBlockConfiguration;
        }
        catch (AmazonS3Exception error) when (error.ErrorCode == NoConfigurationErrorCode)
        {
            current = null;
        }

        var off = SettingsOff(current);
        if (off.Count == 0)
        {
            return off;
        }

        EnsureTime(canStartCall);
        await s3.PutPublicAccessBlockAsync(new PutPublicAccessBlockRequest
        {
            BucketName = bucketName,
            PublicAccessBlockConfiguration = new PublicAccessBlockConfiguration
            {
                BlockPublicAcls = true,
                IgnorePublicAcls = true,
                BlockPublicPolicy = true,
                RestrictPublicBuckets = true,
            },
        }, cancellationToken).ConfigureAwait(false);
        return off;
    }

    /// <summary>The settings not on, in S3's order; all four when there is no configuration. A setting S3 leaves out
    /// counts as off (S3's default).</summary>
    public static IReadOnlyList<string> SettingsOff(PublicAccessBlockConfiguration? configuration)
    {
        List<string> off = [];
        if (configuration?.BlockPublicAcls != true)
        {
            off.Add(BlockPublicAcls);
        }

        if (configuration?.IgnorePublicAcls != true)
        {
            off.Add(IgnorePublicAcls);
        }

        if (configuration?.BlockPublicPolicy != true)
        {
            off.Add(BlockPublicPolicy);
        }

        if (configuration?.RestrictPublicBuckets != true)
        {
            off.Add(RestrictPublicBuckets);
        }

        return off;
    }

    private static void EnsureTime(Func<bool> canStartCall)
    {
        if (!canStartCall())
        {
            throw new TimeoutException(
                "Not started: the invocation's time budget is nearly spent; Lambda retries the event.");
        }
    }
}
