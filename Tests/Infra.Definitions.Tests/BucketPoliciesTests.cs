using NUnit.Framework;

namespace OrdersPipeline.Infra.Definitions.Tests;

[TestFixture]
public sealed class BucketPoliciesTests
{
    private const string Account = "123456789012";
    private const string TrailArn = "arn:aws:cloudtrail:us-east-1:123456789012:trail/dev-audit-trail-backend";
    private const string TrailBucketArn = "arn:aws:s3:::dev-audit-trail-123456789012-backend";
    private const string LogBucketArn = "arn:aws:s3:::dev-access-logs-123456789012-backend";

    private static (string?, string, string?, string, string, string?)[] Rows(string json) =>
        PolicyJson.Parse(json).Statements.Select(s => (s.Sid, s.Effect, s.Principal, string.Join(",", s.Actions),
            string.Join(",", s.Resources), s.Condition)).ToArray();

    [Test]
    public void The_trail_bucket_policy_is_exactly_cloudtrail_for_this_trail_plus_tls_only()
    {
        Assert.That(Rows(BucketPolicies.AuditTrailBucket(TrailBucketArn, TrailArn, Account)), Is.EqualTo(new[]
        {
            ("CloudTrailAclCheck", "Allow", """{"Service":"cloudtrail.amazonaws.com"}""", "s3:GetBucketAcl",
                TrailBucketArn,
                $$$"""{"StringEquals":{"aws:SourceAccount":"{{{Account}}}"},"ArnEquals":{"aws:SourceArn":["{{{TrailArn}}}"]}}"""),
            ("CloudTrailWrite", "Allow", """{"Service":"cloudtrail.amazonaws.com"}""", "s3:PutObject",
                $"{TrailBucketArn}/AWSLogs/{Account}/*",
                $$$"""{"StringEquals":{"aws:SourceAccount":"{{{Account}}}","s3:x-amz-acl":"bucket-owner-full-control"},"ArnEquals":{"aws:SourceArn":["{{{TrailArn}}}"]}}"""),
            ("DenyInsecureTransport", "Deny", "\"*\"", "s3:*", $"{TrailBucketArn},{TrailBucketArn}/*",
                """{"Bool":{"aws:SecureTransport":"false"}}"""),
        }));
    }

    [Test]
    public void The_access_log_bucket_lets_s3_logging_write_each_source_under_its_own_prefix()
    {
        var sources = BucketPolicies.AccessLogSources(
            new ConfigFixture().With("auditTrail", "true").With("fileIngest", "false").Parse(), Account);

        Assert.That(Rows(BucketPolicies.AccessLogBucket(LogBucketArn, sources, Account)), Is.EqualTo(new[]
        {
            ("ServerAccessLogsFromProcessed", "Allow", """{"Service":"logging.s3.amazonaws.com"}""", "s3:PutObject",
                $"{LogBucketArn}/processed/*",
                $$$"""{"StringEquals":{"aws:SourceAccount":"{{{Account}}}"},"ArnEquals":{"aws:SourceArn":["arn:aws:s3:::dev-processed-data-123456789012-backend"]}}"""),
            ("ServerAccessLogsFromAuditTrail", "Allow", """{"Service":"logging.s3.amazonaws.com"}""", "s3:PutObject",
                $"{LogBucketArn}/audit-trail/*",
                $$$"""{"StringEquals":{"aws:SourceAccount":"{{{Account}}}"},"ArnEquals":{"aws:SourceArn":["arn:aws:s3:::dev-audit-trail-123456789012-backend"]}}"""),
            ("DenyInsecureTransport", "Deny", "\"*\"", "s3:*", $"{LogBucketArn},{LogBucketArn}/*",
                """{"Bool":{"aws:SecureTransport":"false"}}"""),
        }));
    }

    [Test]
    public void Without_a_trail_or_a_drop_bucket_only_the_processed_bucket_is_a_log_source()
    {
        Assert.That(BucketPolicies.AccessLogSources(new ConfigFixture().With("fileIngest", "false").Parse(), Account),
            Is.EqualTo(new[] { new AccessLogSource("processed", "dev-processed-data-123456789012-backend") }));
    }

    [Test]
    public void The_file_door_adds_the_drop_bucket_under_its_own_prefix()
    {
        Assert.That(BucketPolicies.AccessLogSources(new ConfigFixture().Parse(), Account), Is.EqualTo(new[]
        {
            new AccessLogSource("processed", "dev-processed-data-123456789012-backend"),
            new AccessLogSource("order-drop", "dev-order-drop-123456789012-backend"),
        }));
    }
}
