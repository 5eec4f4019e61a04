using System.Text.Json;
using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Functions.Processor;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Processor;

/// <summary>The batch loop and the service with conditional writes: a replayed batch writes nothing, is not
/// reported, and says so in its log lines and metrics.</summary>
public sealed class ConditionalBatchTests
{
    private static readonly ProcessorSettings Settings = new() { BucketName = "test-bucket", MaxConcurrency = 4 };

    private static IReadOnlyList<ChangeRecord> Batch() => StreamFixtures.Event(
        Fixtures.Record("101", "o-1"),
        Fixtures.Record("102", "o-2"),
        Fixtures.Record("103", "o-1", "\"v\":{\"N\":\"2\"}", "MODIFY", oldImageAttributes: ""));

    [Test]
    public async Task A_replayed_batch_writes_nothing_reports_nothing_and_counts_its_records_as_already_stored()
    {
        var bucket = new ConditionalBucket();
        var log = new CapturedLog();
        var service = new ProcessorService(bucket.Mock.Object, Settings, new FixedTime(), log.Log);
        var first = await service.HandleAsync(Batch(), Invocations.Create());
        var puts = bucket.Calls.Count;

        var replay = await service.HandleAsync(Batch(), Invocations.Create());

        var metrics = log.WithMessage("metrics").Last();
        Assert.Multiple(() =>
        {
            Assert.That(first.Written, Is.EqualTo(3));
            Assert.That(puts, Is.EqualTo(3), "one request per change");
            Assert.That(replay.FailedSequenceNumbers, Is.Empty);
            Assert.That(replay.Written, Is.Zero);
            Assert.That(replay.AlreadyStored, Is.EqualTo(3));
            Assert.That(bucket.Calls, Has.Count.EqualTo(puts), "the replay sent no request");
            Assert.That(log.WithMessage("stream record already stored").Select(l => l.GetProperty("sequenceNumber").GetString()),
                Is.EquivalentTo(new[] { "101", "102", "103" }));
            Assert.That(log.WithMessage("stream record already stored").Select(l => l.GetProperty("level").GetString()),
                Has.All.EqualTo("INFO"));
            Assert.That(metrics.GetProperty("RecordsAlreadyStored").GetDouble(), Is.EqualTo(3));
            Assert.That(metrics.GetProperty("RecordsWritten").GetDouble(), Is.Zero);
            Assert.That(log.WithMessage("stream batch processed").Last().GetProperty("alreadyStored").GetInt32(), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task A_condition_failure_in_a_batch_is_counted_logged_at_info_and_the_record_is_written()
    {
        var bucket = new ConditionalBucket();
        bucket.Store("processed-data/2026/11/19/o-1.json", "50"); // an older change, written elsewhere
        var log = new CapturedLog();
        var service = new ProcessorService(bucket.Mock.Object, Settings, new FixedTime(), log.Log);

        var outcome = await service.HandleAsync(Batch(), Invocations.Create());

        var retried = log.WithMessage("stream record written after a condition failure").Single();
        var metrics = log.WithMessage("metrics").Single();
        Assert.Multiple(() =>
        {
            Assert.That(outcome.FailedSequenceNumbers, Is.Empty);
            Assert.That(outcome.Written, Is.EqualTo(3));
            Assert.That(outcome.ConditionFailures, Is.EqualTo(1));
            Assert.That(retried.GetProperty("level").GetString(), Is.EqualTo("INFO"));
            Assert.That(retried.GetProperty("sequenceNumber").GetString(), Is.EqualTo("101"));
            Assert.That(metrics.GetProperty("ConditionalWriteConflicts").GetDouble(), Is.EqualTo(1));
            Assert.That(bucket.Current("processed-data/2026/11/19/o-1.json")!.SequenceNumber, Is.EqualTo("103"));
        });
    }

    [Test]
    public async Task A_record_whose_conditional_write_gives_up_is_reported_with_the_later_records_of_its_key()
    {
        var bucket = new ConditionalBucket();
        var n = 0;
        bucket.BeforePut = key =>
        {
            if (key.EndsWith("/o-1.json", StringComparison.Ordinal))
            {
                bucket.Store(key, $"{n++}");
            }
        };
        var log = new CapturedLog();
        var service = new ProcessorService(bucket.Mock.Object, Settings, new FixedTime(), log.Log);

        var outcome = await service.HandleAsync(Batch(), Invocations.Create());

        Assert.Multiple(() =>
        {
            Assert.That(outcome.FailedSequenceNumbers, Is.EqualTo(new[] { "101", "103" }));
            Assert.That(outcome.Written, Is.EqualTo(1));
            Assert.That(log.WithMessage("stream record failed").First().GetProperty("error").GetString(),
                Does.Contain(nameof(ConditionalWriteException)));
        });
    }
}
