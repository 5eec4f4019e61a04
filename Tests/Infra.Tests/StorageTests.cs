using System.Text.Json;
using NUnit.Framework;

namespace OrdersPipeline.Infra.Tests;

[TestFixture]
[NonParallelizable]
public sealed class StorageTests
{
    private const string BucketName = "dev-processed-data-123456789012-backend";
    private StackRun _run = null!;

    [OneTimeSetUp]
    public async Task RunStack() => _run = await StackRun.WithDefaults().RunAsync();

    [Test]
    public void Bucket_name_carries_the_account_id_and_force_destroy_defaults_on()
    {
        var bucket = _run.Single(ResourceTypes.Bucket, BucketName);

        Assert.That(bucket.String("bucket"), Is.EqualTo(BucketName));
        Assert.That(bucket.Bool("forceDestroy"), Is.True);
    }

    [Test]
    public void Every_bucket_control_targets_the_bucket()
    {
        var controls = new[]
        {
            ResourceTypes.BucketVersioning, ResourceTypes.BucketEncryption, ResourceTypes.BucketPublicAccessBlock,
            ResourceTypes.BucketOwnershipControls, ResourceTypes.BucketPolicy, ResourceTypes.BucketLifecycle,
        };

        // The access-log bucket has its own controls; the processed bucket has exactly one of each.
        Assert.That(controls.Select(type => _run.OfType(type).Count(control => control.String("bucket") == BucketName)),
            Has.All.EqualTo(1));
    }

    [Test]
    public void Versioning_is_enabled()
    {
        var versioning = _run.Single(ResourceTypes.BucketVersioning, BucketName).Object("versioningConfiguration");

        Assert.That(versioning["status"], Is.EqualTo("Enabled"));
    }

    [Test]
    public void Default_encryption_is_sse_s3_with_bucket_key()
    {
        var rule = RegisteredResource.AsObject(_run.Single(ResourceTypes.BucketEncryption, BucketName).List("rules").Single());
        var byDefault = RegisteredResource.AsObject(rule["applyServerSideEncryptionByDefault"]);

        Assert.That(byDefault["sseAlgorithm"], Is.EqualTo("AES256"));
        Assert.That(byDefault.ContainsKey("kmsMasterKeyId"), Is.False);
        Assert.That(rule["bucketKeyEnabled"], Is.EqualTo(true));
    }

    [Test]
    public void All_four_public_access_blocks_are_on()
    {
        var block = _run.Single(ResourceTypes.BucketPublicAccessBlock, BucketName);

        Assert.That(new[] { "blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets" }
            .Select(block.Bool), Has.All.True);
    }

    [Test]
    public void Object_ownership_is_bucket_owner_enforced()
    {
        var rule = _run.Single(ResourceTypes.BucketOwnershipControls, BucketName).Object("rule");

        Assert.That(rule["objectOwnership"], Is.EqualTo("BucketOwnerEnforced"));
    }

    [Test]
    public void Bucket_policy_denies_requests_without_tls()
    {
        using var policy = JsonDocument.Parse(_run.Single(ResourceTypes.BucketPolicy, BucketName).String("policy"));
        var statement = policy.RootElement.GetProperty("Statement").EnumerateArray().Single();
        var arn = MockAws.BucketArn(BucketName);

        Assert.That(statement.GetProperty("Effect").GetString(), Is.EqualTo("Deny"));
        Assert.That(statement.GetProperty("Resource").EnumerateArray().Select(r => r.GetString()),
            Is.EqualTo(new[] { arn, arn + "/*" }));
        Assert.That(statement.GetProperty("Condition").GetProperty("Bool").GetProperty("aws:SecureTransport").GetString(),
            Is.EqualTo("false"));
    }

    [Test]
    public async Task Noncurrent_versions_expire_after_the_configured_days()
    {
        var run = await StackRun.WithDefaults().With("noncurrentVersionExpirationDays", "12").RunAsync();
        var rule = RegisteredResource.AsObject(run.Single(ResourceTypes.BucketLifecycle, BucketName).List("rules").Single());

        Assert.That(rule["status"], Is.EqualTo("Enabled"));
        Assert.That(RegisteredResource.AsObject(rule["noncurrentVersionExpiration"])["noncurrentDays"], Is.EqualTo(12d));
    }
}
