using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using OrdersPipeline.Emulator;
using OrdersPipeline.Functions.Processor;
using OrdersPipeline.Functions.Tests.Support;
using OrdersPipeline.Functions.Timing;

namespace OrdersPipeline.Functions.Tests.Integration;

/// <summary>
/// Conditional writes against the emulator with the real SDK client: that the pinned AWSSDK.S3 sends
/// <c>If-None-Match</c>/<c>If-Match</c> and the emulator answers them as S3 does, that the sequence-number metadata
/// comes back on HEAD, and the late-write race itself (a put held past the client's timeout lands after the retry
/// and the newer change): with conditions it cannot replace the newer change; without them it does.
/// </summary>
[Category("Integration")]
public sealed class ConditionalWritesOnEmulatorTests
{
    private static readonly SdkCallPolicy OneAttempt = new(MaxAttempts: 1, AttemptTimeout: TimeSpan.FromSeconds(1));

    private static PutObjectRequest Put(string bucket, string key, string? ifNoneMatch = null, string? ifMatch = null) =>
        new() { BucketName = bucket, Key = key, ContentBody = "{}", IfNoneMatch = ifNoneMatch, IfMatch = ifMatch };

    [Test]
    public async Task The_sdk_sends_the_conditions_and_the_emulator_answers_412_or_404_as_s3_does()
    {
        var emulator = EmulatorFixture.Emulator;
        var resources = await PipelineResources.CreateAsync(emulator, PipelineNames.Unique("cw"));
        using var s3 = emulator.S3();
        var bucket = resources.Names.Bucket;

        var created = await s3.PutObjectAsync(Put(bucket, "k", ifNoneMatch: "*"));
        var exists = Assert.ThrowsAsync<AmazonS3Exception>(() => s3.PutObjectAsync(Put(bucket, "k", ifNoneMatch: "*")));
        var stale = Assert.ThrowsAsync<AmazonS3Exception>(() => s3.PutObjectAsync(Put(bucket, "k", ifMatch: "\"0123\"")));
        var missing = Assert.ThrowsAsync<AmazonS3Exception>(() => s3.PutObjectAsync(Put(bucket, "nothing", ifMatch: created.ETag)));
        var replaced = await s3.PutObjectAsync(Put(bucket, "k", ifMatch: created.ETag));

        Assert.Multiple(() =>
        {
            Assert.That(created.HttpStatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(exists!.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
            Assert.That(exists.ErrorCode, Is.EqualTo("PreconditionFailed"));
            Assert.That(stale!.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
            Assert.That(missing!.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(replaced.HttpStatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task The_store_writes_the_sequence_number_as_metadata_and_a_replay_writes_no_version()
    {
        var emulator = EmulatorFixture.Emulator;
        var resources = await PipelineResources.CreateAsync(emulator, PipelineNames.Unique("cw"));
        using var s3 = emulator.S3();
        var change = StreamFixtures.Record(Fixtures.Record("111100000000000000000001", "o-1"));
        var document = new ProcessedDocumentBuilder("processed-data", "orderId").Build(change, FixedTime.Default);
        using var budget = new TimeBudget(TimeSpan.FromMinutes(1), TimeBudgetPolicy.Default, TimeProvider.System);

        var first = await new S3ProcessedObjectStore(s3, resources.Names.Bucket).PutAsync(document, change, budget);
        var head = await s3.GetObjectMetadataAsync(resources.Names.Bucket, document.ObjectKey);
        var replay = await new S3ProcessedObjectStore(s3, resources.Names.Bucket).PutAsync(document, change, budget);
        var versions = await ProcessedObjects.ReadAllVersionsAsync(s3, resources.Names.Bucket);

        Assert.Multiple(() =>
        {
            Assert.That(first.Written, Is.True);
            Assert.That(head.Metadata[S3ProcessedObjectStore.SequenceNumberMetadata], Is.EqualTo("111100000000000000000001"));
            Assert.That(replay, Is.EqualTo(PutResult.AlreadyStored("111100000000000000000001", 1)));
            Assert.That(versions, Has.Count.EqualTo(1));
        });
    }

    [TestCase(true, TestName = "With conditional writes a late write cannot replace the newer change")]
    [TestCase(false, TestName = "Without conditional writes a late write replaces the newer change")]
    public async Task A_late_write(bool conditionalWrites)
    {
        var emulator = EmulatorFixture.Emulator;
        var resources = await PipelineResources.CreateAsync(emulator, PipelineNames.Unique("cw"));
        using var s3 = emulator.S3();
        var puts = 0;
        // The first PUT is held past the client's timeout, then forwarded: it lands late.
        var delay = OneAttempt.AttemptTimeout * 3;
        await using var proxy = FaultInjectingProxy.Start(emulator.Endpoint, request =>
            request.Method == "PUT" && Interlocked.Increment(ref puts) == 1 ? new ProxyFault(delay) : ProxyFault.None);
        using var slowS3 = AwsEmulator.S3(proxy.Endpoint, OneAttempt);
        var processor = new ProcessorService(slowS3,
            resources.ProcessorSettings with { ConditionalWrites = conditionalWrites }, TimeProvider.System,
            new CapturedLog().Log, new TimeBudgetPolicy(OneAttempt, TimeSpan.FromMilliseconds(200)));
        var batch = StreamFixtures.Event(
            Fixtures.Record("111100000000000000000001", "o-1"),
            Fixtures.Record("111100000000000000000002", "o-1", "\"v\":{\"N\":\"2\"}", "MODIFY", oldImageAttributes: ""));

        var failed = await processor.HandleAsync(batch, Invocations.Create());
        var retried = await processor.HandleAsync(batch, Invocations.Create()); // Lambda retries the reported records
        await Task.Delay(delay); // the held write lands
        var versions = await ProcessedObjects.ReadAllVersionsAsync(s3, resources.Names.Bucket);
        var latest = versions.Single(v => v.IsLatest).SequenceNumber;

        Assert.Multiple(() =>
        {
            Assert.That(failed.FailedSequenceNumbers, Has.Count.EqualTo(2), "the timed-out write and its successor");
            Assert.That(retried.FailedSequenceNumbers, Is.Empty);
            if (conditionalWrites)
            {
                Assert.That(latest, Is.EqualTo("111100000000000000000002"));
                Assert.That(versions, Has.Count.EqualTo(2), "the late write landed nothing");
            }
            else
            {
                Assert.That(latest, Is.EqualTo("111100000000000000000001"), "the race this issue closes");
                Assert.That(versions, Has.Count.EqualTo(3));
            }
        });
    }
}
