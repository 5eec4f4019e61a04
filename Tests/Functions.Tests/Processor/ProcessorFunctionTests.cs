using System.Text.Json;
using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Functions.Contracts;
using OrdersPipeline.Functions.Processor;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Processor;

public sealed class ProcessorFunctionTests
{
    private static readonly ProcessorSettings Settings = new() { BucketName = "test-bucket", MaxConcurrency = 8 };

    private static async Task<IReadOnlyList<string>> InvokeAsync(RecordingS3 s3, string eventJson, CapturedLog? log = null,
        ProcessorSettings? settings = null)
    {
        var function = new ProcessorFunction(s3.Mock.Object, settings ?? Settings, new FixedTime(), (log ?? new CapturedLog()).Log);
        await using var response = await function.HandleAsync(Fixtures.AsStream(eventJson));
        var parsed = await JsonSerializer.DeserializeAsync(response, FunctionsJsonContext.Default.BatchResponse);
        return [.. parsed!.BatchItemFailures.Select(f => f.ItemIdentifier)];
    }

    [Test]
    public async Task The_fixture_batch_writes_inserts_and_modifies_and_skips_the_remove()
    {
        var s3 = new RecordingS3();
        var log = new CapturedLog();
        var failures = await InvokeAsync(s3, Fixtures.Text("ddb-stream-event.json"), log);

        var summary = log.WithMessage("stream batch processed").Single();
        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Empty);
            Assert.That(s3.Puts.Select(p => p.Key), Is.EquivalentTo(new[]
            {
                "processed-data/2026/11/19/o-1001.json", "processed-data/2026/11/19/o-1001.json", "processed-data/2026/11/19/o-2002.json",
            }));
            Assert.That(summary.GetProperty("records").GetInt32(), Is.EqualTo(4));
            Assert.That(summary.GetProperty("written").GetInt32(), Is.EqualTo(3));
            Assert.That(summary.GetProperty("skippedRemoves").GetInt32(), Is.EqualTo(1));
            Assert.That(summary.GetProperty("failed").GetInt32(), Is.EqualTo(0));
        });
    }

    [Test]
    public async Task Records_whose_writes_fail_are_reported_exactly_and_the_others_are_written()
    {
        var s3 = new RecordingS3(fails: key => key.Contains("/o-2.json") || key.Contains("/o-4.json"));
        var failures = await InvokeAsync(s3, Fixtures.Event(
            [.. Enumerable.Range(1, 5).Select(i => Fixtures.Record($"{i:D21}", $"o-{i}"))]));

        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.EqualTo(new[] { $"{2:D21}", $"{4:D21}" }));
            Assert.That(s3.Puts.Select(p => p.Key[^8..]), Is.EquivalentTo(new[] { "o-1.json", "o-3.json", "o-5.json" }));
        });
    }

    [Test]
    public async Task A_poison_record_fails_alone_and_is_logged_with_its_sequence_number_key_and_error()
    {
        var s3 = new RecordingS3();
        var log = new CapturedLog();
        var failures = await InvokeAsync(s3, Fixtures.Event(
            Fixtures.Record("100000000000000000001", "good-1"),
            Fixtures.Record("100000000000000000002", "poison", "\"total\":{\"N\":\"12,50\"}"),
            Fixtures.Record("100000000000000000003", "odd", "\"when\":{\"DATE\":\"today\"}"),
            Fixtures.Record("100000000000000000004", "good-2")), log);

        var errors = log.WithMessage("stream record failed");
        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.EqualTo(new[] { "100000000000000000002", "100000000000000000003" }));
            Assert.That(s3.Puts, Has.Count.EqualTo(2));
            Assert.That(errors.Select(e => e.GetProperty("sequenceNumber").GetString()),
                Is.EquivalentTo(new[] { "100000000000000000002", "100000000000000000003" }));
            Assert.That(errors.Single(e => e.GetProperty("key").GetString() == "poison").GetProperty("error").GetString(),
                Does.Contain("NewImage.total").And.Contain("not a valid number"));
        });
    }

    [Test]
    public async Task Five_writes_of_one_key_land_in_stream_order_while_other_keys_run_concurrently()
    {
        // Earlier writes of "hot" are slowest, so any reordering would show; other keys keep the pool busy.
        var s3 = new RecordingS3(delay: key => key.Contains("/hot.json") ? TimeSpan.FromMilliseconds(40) : TimeSpan.FromMilliseconds(20));
        var hot = Enumerable.Range(1, 5).Select(i => Fixtures.Record($"{i * 10:D21}", "hot", $"\"version\":{{\"N\":\"{i}\"}}"));
        var others = Enumerable.Range(1, 12).Select(i => Fixtures.Record($"{i * 10 + 5:D21}", $"cold-{i}"));
        var records = hot.Zip(others.Chunk(2), (h, o) => new[] { h }.Concat(o)).SelectMany(x => x).Concat(others.Skip(10)).ToArray();

        var failures = await InvokeAsync(s3, Fixtures.Event(records));

        var versions = s3.Puts.Where(p => p.Key.EndsWith("/hot.json"))
            .Select(p => JsonDocument.Parse(p.Body).RootElement.GetProperty("data").GetProperty("version").GetInt32());
        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Empty);
            Assert.That(versions, Is.EqualTo(new[] { 1, 2, 3, 4, 5 }));
            Assert.That(s3.Puts, Has.Count.EqualTo(17));
            Assert.That(s3.MaxConcurrentPuts, Is.GreaterThan(1).And.LessThanOrEqualTo(Settings.MaxConcurrency));
        });
    }

    [Test]
    public async Task After_a_failure_later_records_of_the_same_key_are_not_written_and_are_reported()
    {
        var calls = 0;
        var s3 = new RecordingS3(fails: key => key.Contains("/k.json") && Interlocked.Increment(ref calls) == 2);
        var failures = await InvokeAsync(s3, Fixtures.Event(
            Fixtures.Record("000000000000000000001", "k"),
            Fixtures.Record("000000000000000000002", "k"),
            Fixtures.Record("000000000000000000003", "other"),
            Fixtures.Record("000000000000000000004", "k")));

        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.EqualTo(new[] { "000000000000000000002", "000000000000000000004" }));
            Assert.That(s3.Puts.Count(p => p.Key.EndsWith("/k.json")), Is.EqualTo(1));
            Assert.That(s3.Puts.Count(p => p.Key.EndsWith("/other.json")), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Concurrency_one_writes_one_object_at_a_time()
    {
        var s3 = new RecordingS3(delay: _ => TimeSpan.FromMilliseconds(5));
        await InvokeAsync(s3, Fixtures.Event([.. Enumerable.Range(1, 6).Select(i => Fixtures.Record($"{i:D21}", $"o-{i}"))]),
            settings: Settings with { MaxConcurrency = 1 });
        Assert.That(s3.MaxConcurrentPuts, Is.EqualTo(1));
    }

    [TestCase("not json at all", "not a DynamoDB stream event")]
    [TestCase("""{"hello":"world"}""", "no 'Records' array")]
    [TestCase("""{"Records":[{"eventSource":"aws:sqs","messageId":"1"}]}""", "only accepts DynamoDB stream events")]
    [TestCase("""{"Records":[{"eventName":"INSERT","eventSource":"aws:dynamodb","dynamodb":{}}]}""", "no dynamodb.SequenceNumber")]
    public void An_input_that_is_not_a_stream_event_fails_the_invocation_with_a_clear_message(string input, string message)
    {
        var s3 = new RecordingS3();
        var function = new ProcessorFunction(s3.Mock.Object, Settings, new FixedTime(), new CapturedLog().Log);
        Assert.That(async () => await function.HandleAsync(Fixtures.AsStream(input)),
            Throws.TypeOf<InvalidEventException>().With.Message.Contains(message));
        Assert.That(s3.Puts, Is.Empty);
    }

    [Test]
    public async Task An_empty_batch_succeeds_with_no_failures()
    {
        var s3 = new RecordingS3();
        Assert.That(await InvokeAsync(s3, """{"Records":[]}"""), Is.Empty);
    }
}
