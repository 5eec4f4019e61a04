using NUnit.Framework;

namespace OrdersPipeline.Infra.Tests;

/// <summary>The data-protection controls reach the file door's drop bucket as they reach every other bucket.</summary>
[TestFixture]
[NonParallelizable]
public sealed class IngestProtectionTests
{
    private const string DropBucket = "dev-order-drop-123456789012-backend";
    private const string LogBucket = "dev-access-logs-123456789012-backend";
    private StackRun _run = null!;

    [OneTimeSetUp]
    public async Task RunStack() => _run = await StackRun.WithIngest().With("auditTrail", "true").RunAsync();

    [Test]
    public void The_drop_bucket_logs_its_access_under_its_own_prefix_and_only_its_own()
    {
        var logging = _run.OfType(ResourceTypes.BucketLogging).Single(resource => resource.String("bucket") == DropBucket);
        var policy = _run.Single(ResourceTypes.BucketPolicy, LogBucket).String("policy");

        Assert.Multiple(() =>
        {
            Assert.That(logging.String("targetBucket"), Is.EqualTo(LogBucket));
            Assert.That(logging.String("targetPrefix"), Is.EqualTo("order-drop/"));
            Assert.That(policy, Does.Contain($"\"Resource\":\"{MockAws.BucketArn(LogBucket)}/order-drop/*\"")
                .And.Contain($"\"aws:SourceArn\":[\"{MockAws.BucketArn(DropBucket)}\"]"));
        });
    }

    [Test]
    public void The_trail_records_object_data_events_of_the_drop_bucket_too()
    {
        var selector = RegisteredResource.AsObject(_run.Single(ResourceTypes.Trail).List("eventSelectors").Single());
        var objects = RegisteredResource.AsList(selector["dataResources"]).Select(RegisteredResource.AsObject)
            .Single(resource => Equals(resource["type"], "AWS::S3::Object"));

        Assert.That(RegisteredResource.AsList(objects["values"]), Is.EquivalentTo(new object?[]
        {
            MockAws.BucketArn("dev-processed-data-123456789012-backend") + "/",
            MockAws.BucketArn(DropBucket) + "/",
        }));
    }
}
