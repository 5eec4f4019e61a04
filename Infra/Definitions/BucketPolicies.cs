using System.Text.Json.Nodes;

namespace OrdersPipeline.Infra.Definitions;

/// <summary>One bucket that sends S3 server access logs to the stack's log bucket, under its own prefix.</summary>
public sealed record AccessLogSource(string Prefix, string BucketName);

/// <summary>Bucket policies beyond TLS-only: the trail bucket's, the access-log bucket's and, with the CDN on, the
/// processed bucket's. Each keeps the <c>DenyInsecureTransport</c> statement every bucket has, and lets one AWS service
/// write (or, for the CDN, read) for this stack only.</summary>
public static class BucketPolicies
{
    public const string S3LoggingServicePrincipal = "logging.s3.amazonaws.com";
    public const string CloudFrontServicePrincipal = "cloudfront.amazonaws.com";
    public const string ProcessedPrefix = "processed";
    public const string AuditTrailPrefix = "audit-trail";
    public const string DropPrefix = "order-drop";
    public const string ConfigHistoryPrefix = "config-history";

    /// <summary>Every bucket whose access is logged, with its prefix. A new bucket is added here and passes its
    /// prefix to <c>BucketDefaults</c>; a mocked-resource test checks the two agree.</summary>
    public static IReadOnlyList<AccessLogSource> AccessLogSources(StackConfig config, string accountId)
    {
        var (names, parts) = (config.Names, config.Parts);
        var sources = new List<AccessLogSource> { new(ProcessedPrefix, names.ProcessedBucket(accountId)) };
        if (parts.AuditTrail)
        {
            sources.Add(new AccessLogSource(AuditTrailPrefix, names.AuditTrailBucket(accountId)));
        }

        if (parts.FileIngest)
        {
            sources.Add(new AccessLogSource(DropPrefix, names.DropBucket(accountId)));
        }

        if (parts.ConfigRecorder)
        {
            sources.Add(new AccessLogSource(ConfigHistoryPrefix, names.ConfigHistoryBucket(accountId)));
        }

        return sources;
    }

    /// <summary>S3's log delivery service may put objects under each source's prefix, for that source bucket in
    /// this account only.</summary>
    public static string AccessLogBucket(string bucketArn, IReadOnlyList<AccessLogSource> sources, string accountId)
    {
        // Every bucket of the stack is in the log bucket's partition.
        var partition = bucketArn.Split(':')[1];
        var statements = new JsonArray();
        foreach (var source in sources)
        {
            statements.Add(PolicyDocuments.ServiceStatement($"ServerAccessLogsFrom{Pascal(source.Prefix)}",
                S3LoggingServicePrincipal, "s3:PutObject", $"{bucketArn}/{source.Prefix}/*",
                PolicyDocuments.SourceCondition(accountId, [$"arn:{partition}:s3:::{source.BucketName}"])));
        }

        statements.Add(PolicyDocuments.TlsOnlyBucketStatement(bucketArn));
        return PolicyDocuments.Document(statements);
    }

    /// <summary>CloudTrail may read the bucket ACL and write log files under <c>AWSLogs/&lt;account&gt;/</c>, for
    /// this trail only.</summary>
    public static string AuditTrailBucket(string bucketArn, string trailArn, string accountId)
    {
        var writeCondition = PolicyDocuments.SourceCondition(accountId, [trailArn]);
        ((JsonObject)writeCondition["StringEquals"]!)["s3:x-amz-acl"] = "bucket-owner-full-control";
        return PolicyDocuments.Document(new JsonArray
        {
            PolicyDocuments.ServiceStatement("CloudTrailAclCheck", PolicyDocuments.CloudTrailServicePrincipal,
                "s3:GetBucketAcl", bucketArn, PolicyDocuments.SourceCondition(accountId, [trailArn])),
            PolicyDocuments.ServiceStatement("CloudTrailWrite", PolicyDocuments.CloudTrailServicePrincipal,
                "s3:PutObject", $"{bucketArn}/AWSLogs/{accountId}/*", writeCondition),
            PolicyDocuments.TlsOnlyBucketStatement(bucketArn),
        });
    }

    /// <summary>The processed bucket with the CDN on (docs/edge-and-network.md): CloudFront may get the processor's
    /// documents, and nothing else in the bucket, when the request comes from this one distribution (its origin access
    /// control signs every request).</summary>
    public static string ProcessedBucket(string bucketArn, string distributionArn) =>
        PolicyDocuments.Document(new JsonArray
        {
            CloudFrontReadStatement(bucketArn, distributionArn),
            PolicyDocuments.TlsOnlyBucketStatement(bucketArn),
        });

    /// <summary><c>s3:GetObject</c> on <c>processed-data/*</c> for <c>cloudfront.amazonaws.com</c>, bound to one
    /// distribution by <c>aws:SourceArn</c>. No <c>s3:ListBucket</c>: a missing key answers 403, so keys cannot be
    /// probed for.</summary>
    public static JsonObject CloudFrontReadStatement(string bucketArn, string distributionArn) =>
        PolicyDocuments.ServiceStatement("CloudFrontReadsProcessedData", CloudFrontServicePrincipal, "s3:GetObject",
            $"{bucketArn}/{PipelineDefaults.ProcessedKeyPrefix}/*", new JsonObject
            {
                ["StringEquals"] = new JsonObject { ["aws:SourceArn"] = distributionArn },
            });

    /// <summary>AWS Config (<c>configRecorder: true</c>) may check the bucket's ACL and existence and write under
    /// <c>AWSLogs/&lt;account&gt;/Config/</c> with the bucket owner in full control, on behalf of this account only
    /// (AWS's documented delivery-channel bucket policy).</summary>
    public static string ConfigHistoryBucket(string bucketArn, string accountId)
    {
        var account = new JsonObject { ["aws:SourceAccount"] = accountId };
        return PolicyDocuments.Document(new JsonArray
        {
            ConfigStatement("ConfigBucketPermissionsCheck", "s3:GetBucketAcl", bucketArn, account.DeepClone()),
            ConfigStatement("ConfigBucketExistenceCheck", "s3:ListBucket", bucketArn, account.DeepClone()),
            ConfigStatement("ConfigBucketDelivery", "s3:PutObject",
                PolicyDocuments.ConfigDeliveryObjects(bucketArn, accountId),
                new JsonObject { ["s3:x-amz-acl"] = "bucket-owner-full-control", ["aws:SourceAccount"] = accountId }),
            PolicyDocuments.TlsOnlyBucketStatement(bucketArn),
        });
    }

    private static JsonObject ConfigStatement(string sid, string action, string resource, JsonNode stringEquals) =>
        PolicyDocuments.ServiceStatement(sid, PolicyDocuments.ConfigServicePrincipal, action, resource,
            new JsonObject { ["StringEquals"] = stringEquals });

    private static string Pascal(string prefix) =>
        string.Concat(prefix.Split('-', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
}
