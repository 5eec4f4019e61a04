using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Functions.Contracts;
using OrdersPipeline.Functions.Processor;
using OrdersPipeline.Functions.Tests.Support;
using OrdersPipeline.Functions.Timing;

namespace OrdersPipeline.Functions.Tests.Processor;

public sealed class ProcessorServiceTests
{
    private static readonly ProcessorSettings Settings = new() { BucketName = "test-bucket", MaxConcurrency = 8 };

    private static async Task<IReadOnlyList<string>> InvokeAsync(RecordingS3 s3, IReadOnlyList<ChangeRecord>? records,
        CapturedLog? log = null, ProcessorSettings? settings = null)
    {
        var service = new ProcessorService(s3.Mock.Object, settings ?? Settings, new FixedTime(), (log ?? new CapturedLog()).Log);
        var outcome = await service.HandleAsync(records, Invocations.Create());
        return outcome.FailedSequenceNumbers;
    }

    [Test]
    public async Task The_fixture_batch_writes_inserts_and_modifies_and_skips_the_remove()
    {
        var s3 = new RecordingS3();
        var log = new CapturedLog();
        var failures = await InvokeAsync(s3, StreamFixtures.FixtureEvent(), log);

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
        var failures = await InvokeAsync(s3, StreamFixtures.Event(
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
        var failures = await InvokeAsync(s3, StreamFixtures.Event(
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
                Is.EqualTo("NewImage.total: '12,50' is not a valid number."));
            Assert.That(errors.Single(e => e.GetProperty("key").GetString() == "odd").GetProperty("error").GetString(),
                Does.StartWith("NewImage.when: an attribute value must have a type tag."),
                "an unknown tag reaches the core as a value with no type set");
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

        var failures = await InvokeAsync(s3, StreamFixtures.Event(records));

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
        var log = new CapturedLog();
        var failures = await InvokeAsync(s3, StreamFixtures.Event(
            Fixtures.Record("000000000000000000001", "k"),
            Fixtures.Record("000000000000000000002", "k"),
            Fixtures.Record("000000000000000000003", "other"),
            Fixtures.Record("000000000000000000004", "k")), log);

        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.EqualTo(new[] { "000000000000000000002", "000000000000000000004" }));
            Assert.That(s3.Puts.Count(p => p.Key.EndsWith("/k.json")), Is.EqualTo(1));
            Assert.That(s3.Puts.Count(p => p.Key.EndsWith("/other.json")), Is.EqualTo(1));
            Assert.That(log.WithMessage("stream record failed").Select(e => e.GetProperty("error").GetString()), Does.Contain(
                "not written: an earlier record of the same key (000000000000000000002) failed"));
        });
    }

    [Test]
    public async Task Concurrency_one_writes_one_object_at_a_time()
    {
        var s3 = new RecordingS3(delay: _ => TimeSpan.FromMilliseconds(5));
        await InvokeAsync(s3, StreamFixtures.Event([.. Enumerable.Range(1, 6).Select(i => Fixtures.Record($"{i:D21}", $"o-{i}"))]),
            settings: Settings with { MaxConcurrency = 1 });
        Assert.That(s3.MaxConcurrentPuts, Is.EqualTo(1));
    }

    private static IEnumerable<TestCaseData> NotStreamEvents()
    {
        yield return new TestCaseData(null, "no 'Records' array").SetName("no records");
        yield return new TestCaseData(new ChangeRecord[] { null! }, "Records[0] is null").SetName("a null record");
        yield return new TestCaseData(
            StreamEventJson("""{"Records":[{"eventSource":"aws:sqs","messageId":"1"}]}"""),
            "only accepts DynamoDB stream events").SetName("another event source");
        yield return new TestCaseData(
            StreamEventJson("""{"Records":[{"eventName":"INSERT","eventSource":"aws:dynamodb","dynamodb":{}}]}"""),
            "no dynamodb.SequenceNumber").SetName("no sequence number");
        yield return new TestCaseData(
            StreamEventJson("""{"Records":[{"eventName":"INSERT","eventSource":"aws:dynamodb"}]}"""),
            "no dynamodb.SequenceNumber").SetName("no dynamodb section");
    }

    private static IReadOnlyList<ChangeRecord> StreamEventJson(string json) => Emulator.StreamEventJson.Read(json);

    [TestCaseSource(nameof(NotStreamEvents))]
    public void An_input_that_is_not_a_stream_event_fails_the_invocation_with_a_clear_message(
        IReadOnlyList<ChangeRecord>? records, string message)
    {
        var s3 = new RecordingS3();
        var service = new ProcessorService(s3.Mock.Object, Settings, new FixedTime(), new CapturedLog().Log);
        Assert.That(async () => await service.HandleAsync(records, Invocations.Create()),
            Throws.TypeOf<InvalidEventException>().With.Message.Contains(message));
        Assert.That(s3.Puts, Is.Empty);
    }

    [Test]
    public async Task An_empty_batch_succeeds_with_no_failures()
    {
        var s3 = new RecordingS3();
        Assert.That(await InvokeAsync(s3, StreamFixtures.Event()), Is.Empty);
    }

    [Test]
    public async Task Every_log_line_of_an_invocation_carries_its_request_id()
    {
        var s3 = new RecordingS3(fails: key => key.Contains("/o-2.json"));
        var log = new CapturedLog();
        var service = new ProcessorService(s3.Mock.Object, Settings, new FixedTime(), log.Log);
        await service.HandleAsync(StreamFixtures.Event(
            Fixtures.Record($"{1:D21}", "o-1"), Fixtures.Record($"{2:D21}", "o-2")), Invocations.Create(requestId: "req-1"));
        await service.HandleAsync(StreamFixtures.Event(Fixtures.Record($"{3:D21}", "o-3")), Invocations.Create(requestId: "req-2"));

        Assert.Multiple(() =>
        {
            Assert.That(log.Lines, Has.Count.EqualTo(5), "one failed record, then a summary and a metrics line per invocation");
            Assert.That(log.Lines.Select(l => l.GetProperty("requestId").GetString()),
                Is.EqualTo(new[] { "req-1", "req-1", "req-1", "req-2", "req-2" }));
        });
    }

    [Test]
    public async Task The_outcome_counts_the_batch_and_names_the_failed_records_in_stream_order()
    {
        var s3 = new RecordingS3(fails: key => key.Contains("/o-3.json"));
        var service = new ProcessorService(s3.Mock.Object, Settings, new FixedTime(), new CapturedLog().Log);
        var outcome = await service.HandleAsync(StreamFixtures.Event(
            Fixtures.Record($"{1:D21}", "o-1"),
            Fixtures.Record($"{2:D21}", "o-2", eventName: "REMOVE", oldImageAttributes: ""),
            Fixtures.Record($"{3:D21}", "o-3"),
            Fixtures.Record($"{4:D21}", "o-4", "\"n\":{\"N\":\"01\"}")), Invocations.Create());

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Received, Is.EqualTo(4));
            Assert.That(outcome.Written, Is.EqualTo(1));
            Assert.That(outcome.SkippedRemoves, Is.EqualTo(1));
            Assert.That(outcome.Failed, Is.EqualTo(2));
            Assert.That(outcome.Deferred, Is.Zero);
            Assert.That(outcome.FailedSequenceNumbers, Is.EqualTo(new[] { $"{3:D21}", $"{4:D21}" }));
        });
    }

    [Test]
    public async Task With_the_time_budget_nearly_spent_no_write_starts_and_every_record_is_reported()
    {
        var s3 = new RecordingS3();
        var log = new CapturedLog();
        var service = new ProcessorService(s3.Mock.Object, Settings, new FixedTime(), log.Log);
        var records = StreamFixtures.Event([.. Enumerable.Range(1, 3).Select(i => Fixtures.Record($"{i:D21}", $"o-{i}"))]);

        var outcome = await service.HandleAsync(records, Invocations.Create(remaining: TimeSpan.FromMilliseconds(1)));

        var summary = log.WithMessage("stream batch processed").Single();
        Assert.Multiple(() =>
        {
            Assert.That(outcome.FailedSequenceNumbers, Is.EqualTo(Enumerable.Range(1, 3).Select(i => $"{i:D21}")),
                "every record is reported, in stream order");
            Assert.That(s3.Puts, Is.Empty, "no write starts with less than one worst-case call left");
            Assert.That(log.WithMessage("stream record deferred"), Has.Count.EqualTo(3));
            Assert.That(summary.GetProperty("deferred").GetInt32(), Is.EqualTo(3));
            Assert.That(summary.GetProperty("written").GetInt32(), Is.EqualTo(0));
        });
    }

    [Test]
    public async Task Writes_still_in_flight_at_the_margin_are_abandoned_and_reported()
    {
        // Each write takes 5 s; the budget allows starting writes for about 500 ms and cancels at 800 ms.
        var policy = new TimeBudgetPolicy(new SdkCallPolicy(1, TimeSpan.FromMilliseconds(300)), TimeSpan.FromMilliseconds(200));
        var s3 = new RecordingS3(delay: _ => TimeSpan.FromSeconds(5));
        var log = new CapturedLog();
        var service = new ProcessorService(s3.Mock.Object, Settings with { MaxConcurrency = 2 }, TimeProvider.System,
            log.Log, policy);
        var records = StreamFixtures.Event([.. Enumerable.Range(1, 4).Select(i => Fixtures.Record($"{i:D21}", $"o-{i}"))]);

        var started = System.Diagnostics.Stopwatch.StartNew();
        var outcome = await service.HandleAsync(records, Invocations.Create(remaining: TimeSpan.FromSeconds(1)));

        Assert.Multiple(() =>
        {
            Assert.That(started.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)), "the batch ends before the deadline");
            Assert.That(outcome.FailedSequenceNumbers, Has.Count.EqualTo(4));
            Assert.That(s3.Puts, Is.Empty);
            Assert.That(log.WithMessage("stream record failed").Select(e => e.GetProperty("error").GetString()),
                Does.Contain("abandoned at the invocation's deadline margin; it is reported and retried"));
        });
    }

    [Test]
    public async Task Records_built_in_code_with_sdk_attribute_values_write_the_same_documents_as_ones_read_from_json()
    {
        var fromJson = new RecordingS3();
        await InvokeAsync(fromJson, StreamFixtures.FixtureEvent());

        // The fixture's records typed out with the SDK's object model, as a DynamoDB client would return the items.
        const string Arn = "arn:aws:dynamodb:us-east-1:123456789012:table/dev-orders-table-backend/stream/2026-11-20T00:00:00.000";
        static Dictionary<string, AttributeValue> Order(bool paid) => new()
        {
            ["orderId"] = new() { S = "o-1001" },
            ["customerId"] = new() { S = "c-42" },
            ["total"] = new() { N = "129.90" },
            ["quantity"] = new() { N = "3" },
            ["paid"] = new() { BOOL = paid },
            ["coupon"] = new() { NULL = true },
            ["items"] = new() { L = [new() { M = new() { ["sku"] = new() { S = "A-1" }, ["price"] = new() { N = "43.30" } } }] },
            ["tags"] = new() { SS = ["gift", "express"] },
        };
        static Dictionary<string, AttributeValue> Key(string id) => new() { ["orderId"] = new() { S = id } };
        static DateTime At(long seconds) => DateTime.UnixEpoch.AddSeconds(seconds);
        ChangeRecord[] records =
        [
            new("7de3041dd709b024af6f29e4fa13d34c", "INSERT", "aws:dynamodb", Arn, "111100000000000000000001",
                At(1795082400), Key("o-1001"), Order(paid: false), null, "NEW_AND_OLD_IMAGES"),
            new("c4ca4238a0b923820dcc509a6f75849b", "MODIFY", "aws:dynamodb", Arn, "111100000000000000000002",
                At(1795086000), Key("o-1001"), Order(paid: true), Order(paid: false), "NEW_AND_OLD_IMAGES"),
            new("eccbc87e4b5ce2fe28308fd9f2a7baf3", "INSERT", "aws:dynamodb", Arn, "111100000000000000000003",
                At(1795089600), Key("o-2002"), new()
                {
                    ["orderId"] = new() { S = "o-2002" },
                    ["ledgerAmount"] = new() { N = "12345678901234567890.123456789012345678" },
                    ["attachment"] = new() { B = new MemoryStream("hello world"u8.ToArray()) },
                    ["scores"] = new() { NS = ["1", "2.5", "-0.001"] },
                    ["blobs"] = new() { BS = [new MemoryStream([0, 1, 2]), new MemoryStream([3, 4, 5])] },
                    ["address"] = new() { M = new() { ["city"] = new() { S = "Zürich" }, ["zip"] = new() { S = "8001" } } },
                }, null, "NEW_AND_OLD_IMAGES"),
            new("a87ff679a2f3e71d9181a67b7542122c", "REMOVE", "aws:dynamodb", Arn, "111100000000000000000004",
                At(1795093200), Key("o-0999"), null, new() { ["orderId"] = new() { S = "o-0999" }, ["total"] = new() { N = "5" } },
                "NEW_AND_OLD_IMAGES"),
        ];
        var fromObjects = new RecordingS3();
        var failures = await InvokeAsync(fromObjects, records);

        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Empty);
            Assert.That(fromObjects.Puts, Has.Count.EqualTo(3));
            Assert.That(fromObjects.Puts.OrderBy(p => p.Body, StringComparer.Ordinal),
                Is.EqualTo(fromJson.Puts.OrderBy(p => p.Body, StringComparer.Ordinal)));
        });
    }
}
