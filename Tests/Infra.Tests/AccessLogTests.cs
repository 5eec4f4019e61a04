using NUnit.Framework;
using OrdersPipeline.Infra.Definitions;

namespace OrdersPipeline.Infra.Tests;

[TestFixture]
[NonParallelizable]
public sealed class AccessLogTests
{
    private const string LogBucket = "dev-access-logs-123456789012-backend";
    private StackRun _run = null!;

    [OneTimeSetUp]
    public async Task RunStack() => _run = await StackRun.WithDefaults().With("auditTrail", "true").RunAsync();

    [Test]
    public void Every_bucket_but_the_log_bucket_logs_to_it_under_its_own_prefix()
    {
        var logged = _run.OfType(ResourceTypes.BucketLogging)
            .ToDictionary(logging => logging.String("bucket"), logging => (logging.String("targetBucket"),
                logging.String("targetPrefix")));
        var buckets = _run.OfType(ResourceTypes.Bucket).Select(bucket => bucket.String("bucket")).Where(b => b != LogBucket);

        Assert.That(logged.Keys, Is.EquivalentTo(buckets));
        Assert.That(logged, Is.EquivalentTo(new Dictionary<string, (string, string)>
        {
            ["dev-processed-data-123456789012-backend"] = (LogBucket, "processed/"),
            ["dev-audit-trail-123456789012-backend"] = (LogBucket, "audit-trail/"),
        }));
    }

    [Test]
    public void The_log_bucket_policy_is_exactly_s3_logging_for_each_logged_bucket_plus_tls_only()
    {
        var expected = BucketPolicies.AccessLogBucket(MockAws.BucketArn(LogBucket),
        [
            new AccessLogSource("processed", "dev-processed-data-123456789012-backend"),
            new AccessLogSource("audit-trail", "dev-audit-trail-123456789012-backend"),
        ], MockAws.AccountId);

        Assert.That(_run.Single(ResourceTypes.BucketPolicy, LogBucket).String("policy"), Is.EqualTo(expected));
    }

    // What the log bucket lets S3 write must match what each bucket sends: same bucket, same prefix.
    [Test]
    public void Each_logging_prefix_is_allowed_for_exactly_its_source_bucket()
    {
        var policy = _run.Single(ResourceTypes.BucketPolicy, LogBucket).String("policy");

        foreach (var logging in _run.OfType(ResourceTypes.BucketLogging))
        {
            Assert.That(policy, Does.Contain(
                $"\"Resource\":\"{MockAws.BucketArn(LogBucket)}/{logging.String("targetPrefix")}*\",\"Condition\":"
                + $"{{\"StringEquals\":{{\"aws:SourceAccount\":\"{MockAws.AccountId}\"}},\"ArnEquals\":"
                + $"{{\"aws:SourceArn\":[\"{MockAws.BucketArn(logging.String("bucket"))}\"]}}}}"));
        }
    }

    [Test]
    public void The_log_bucket_is_private_owner_enforced_sse_s3_and_not_logged_into_itself()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_run.Single(ResourceTypes.BucketOwnershipControls, LogBucket).Object("rule")["objectOwnership"],
                Is.EqualTo("BucketOwnerEnforced"));
            Assert.That(new[] { "blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets" }
                .Select(_run.Single(ResourceTypes.BucketPublicAccessBlock, LogBucket).Bool), Has.All.True);
            Assert.That(_run.OfType(ResourceTypes.BucketLogging).Select(l => l.String("bucket")), Has.None.EqualTo(LogBucket));
        });
    }

    [Test]
    public void Access_logs_expire_after_90_days_by_default()
    {
        var rule = RegisteredResource.AsObject(_run.Single(ResourceTypes.BucketLifecycle, LogBucket).List("rules").Single());

        Assert.That(RegisteredResource.AsObject(rule["expiration"])["days"], Is.EqualTo(90d));
        Assert.That(RegisteredResource.AsObject(rule["noncurrentVersionExpiration"])["noncurrentDays"], Is.EqualTo(90d));
    }

    [Test]
    public async Task Access_log_expiry_comes_from_config()
    {
        var run = await StackRun.WithDefaults().With("accessLogExpirationDays", "400").RunAsync();
        var rule = RegisteredResource.AsObject(run.Single(ResourceTypes.BucketLifecycle, LogBucket).List("rules").Single());

        Assert.That(RegisteredResource.AsObject(rule["expiration"])["days"], Is.EqualTo(400d));
    }

    [Test]
    public async Task Access_logging_is_on_without_any_other_control()
    {
        var run = await StackRun.WithDefaults().RunAsync();

        Assert.That(run.Single(ResourceTypes.BucketLogging).String("bucket"),
            Is.EqualTo("dev-processed-data-123456789012-backend"));
        Assert.That(await Pulumi.Utilities.OutputUtilities.GetValueAsync(run.Stack.AccessLogBucketName),
            Is.EqualTo(LogBucket));
    }
}
