using NUnit.Framework;
using Pulumi;

namespace OrdersPipeline.Infra.Tests;

[TestFixture]
[NonParallelizable]
public sealed class ObjectLockTests
{
    private const string BucketName = "dev-processed-data-123456789012-backend";

    private static StackRun Locked(int days = 30) => StackRun.WithDefaults()
        .With("processedObjectLockDays", $"{days}")
        .With("forceDestroy", "false");

    // The refusal is raised while the deployment runs (it needs the previous outputs). The bucket waits on it as a
    // dependency, so Pulumi reports it as the plain message; resources that take the bucket's name then fail too,
    // each quoting the same message. The test engine hands every reported error over as a RunException.
    private static RunException ConfigErrorOf(Exception? raised)
    {
        var errors = raised is AggregateException aggregate
            ? aggregate.Flatten().InnerExceptions.OfType<RunException>().ToArray()
            : raised is RunException single ? [single] : [];
        var plain = errors.Where(error => error.Message.StartsWith("Config '", StringComparison.Ordinal)).ToArray();

        Assert.That(plain, Has.Length.EqualTo(1), $"{raised}");
        Assert.That(errors.Select(error => error.Message), Has.All.Contain(plain[0].Message));
        return plain[0];
    }

    [Test]
    public async Task A_new_stack_creates_the_processed_bucket_with_governance_object_lock()
    {
        var run = await Locked().RunAsync();

        var bucket = run.Single(ResourceTypes.Bucket, BucketName);
        var retention = RegisteredResource.AsObject(
            run.Single(ResourceTypes.BucketObjectLock, BucketName).Object("rule")["defaultRetention"]);

        Assert.Multiple(() =>
        {
            Assert.That(bucket.Bool("objectLockEnabled"), Is.True);
            Assert.That(bucket.Bool("forceDestroy"), Is.False);
            Assert.That(retention["mode"], Is.EqualTo("GOVERNANCE"));
            Assert.That(retention["days"], Is.EqualTo(30d));
            Assert.That(retention.ContainsKey("years"), Is.False);
        });
    }

    [Test]
    public async Task Without_object_lock_no_bucket_is_locked_and_the_previous_deployment_is_still_read()
    {
        var run = await StackRun.WithDefaults().RunAsync();

        Assert.That(run.OfType(ResourceTypes.BucketObjectLock), Is.Empty);
        Assert.That(run.OfType(ResourceTypes.Bucket).Where(bucket => bucket.Has("objectLockEnabled")), Is.Empty);
        // Turning the lock off is one key's change; only the previous deployment shows it.
        Assert.That(run.OfType(ResourceTypes.StackReference), Has.Count.EqualTo(1));
    }

    [Test]
    public void Turning_object_lock_off_with_the_default_force_destroy_is_refused()
    {
        var run = StackRun.WithDefaults()
            .WithPriorOutput("processedBucketName", BucketName)
            .WithPriorOutput("processedObjectLockDays", 30d);

        var error = ConfigErrorOf(Assert.CatchAsync(() => run.RunAsync()));

        Assert.That(error.Message, Does.Contain("cannot turn off"));
    }

    [Test]
    public async Task The_stack_reads_its_own_previous_deployment()
    {
        var run = await Locked().RunAsync();

        Assert.That(run.Single(ResourceTypes.StackReference).String("name"), Is.EqualTo("organization/orders-pipeline/dev"));
    }

    // Only the locked bucket keeps its objects: the others follow forceDestroy, so destroy does not stop at them.
    [Test]
    public async Task With_object_lock_and_the_default_force_destroy_only_the_processed_bucket_keeps_its_objects()
    {
        var run = await StackRun.WithDefaults().With("processedObjectLockDays", "30")
            .With("auditTrail", "true").With("configRules", "true").With("configRecorder", "true").RunAsync();

        var kept = run.OfType(ResourceTypes.Bucket).Where(bucket => !bucket.Bool("forceDestroy"))
            .Select(bucket => bucket.String("bucket"));
        Assert.That(kept, Is.EqualTo(new[] { BucketName }));
        // Processed, access logs, trail, Config history (WithDefaults has the file door off).
        Assert.That(run.OfType(ResourceTypes.Bucket).Count(), Is.EqualTo(4));
    }

    [Test]
    public void Turning_object_lock_on_for_an_existing_bucket_is_refused_and_the_bucket_is_not_touched()
    {
        var run = Locked().WithPriorOutput("processedBucketName", BucketName);

        var error = ConfigErrorOf(Assert.CatchAsync(() => run.RunAsync()));

        Assert.That(error.Message, Does.Contain("already exists without Object Lock")
            .And.Contain("only when it creates a bucket"));
        Assert.That(run.Mocks.Registered.Where(r => r.Type == ResourceTypes.Bucket && r.Name == "processed-bucket"),
            Is.Empty);
    }

    [Test]
    public void Turning_object_lock_off_for_a_locked_bucket_is_refused()
    {
        var run = StackRun.WithDefaults().With("forceDestroy", "false")
            .WithPriorOutput("processedBucketName", BucketName)
            .WithPriorOutput("processedObjectLockDays", 30d);

        var error = ConfigErrorOf(Assert.CatchAsync(() => run.RunAsync()));

        Assert.That(error.Message, Does.Contain("cannot turn off"));
    }

    [Test]
    public async Task A_locked_bucket_may_change_its_retention()
    {
        var run = await Locked(days: 60)
            .WithPriorOutput("processedBucketName", BucketName)
            .WithPriorOutput("processedObjectLockDays", 30d)
            .RunAsync();

        var retention = RegisteredResource.AsObject(
            run.Single(ResourceTypes.BucketObjectLock, BucketName).Object("rule")["defaultRetention"]);
        Assert.That(retention["days"], Is.EqualTo(60d));
    }

    [Test]
    public async Task The_stack_exports_its_lock_days_for_the_next_deployment()
    {
        var run = await Locked(days: 45).RunAsync();

        Assert.That(await Pulumi.Utilities.OutputUtilities.GetValueAsync(run.Stack.ProcessedObjectLockDays),
            Is.EqualTo(45));
    }
}
