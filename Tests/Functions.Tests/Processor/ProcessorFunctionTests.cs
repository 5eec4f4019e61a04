using System.Text.Json;
using Amazon.Lambda.DynamoDBEvents;
using Amazon.Lambda.Serialization.SystemTextJson;
using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Functions.Contracts;
using OrdersPipeline.Functions.Processor;
using OrdersPipeline.Functions.Timing;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Processor;

public sealed class ProcessorFunctionTests
{
    private static readonly ProcessorSettings Settings = new() { BucketName = "test-bucket", MaxConcurrency = 8 };

    private static async Task<IReadOnlyList<string>> InvokeAsync(RecordingS3 s3, string eventJson, CapturedLog? log = null,
        ProcessorSettings? settings = null)
    {
        var function = new ProcessorFunction(s3.Mock.Object, settings ?? Settings, new FixedTime(), (log ?? new CapturedLog()).Log);
        var response = await function.HandleAsync(Lambda.Event<DynamoDBEvent>(eventJson), Lambda.Context());
        return [.. response.BatchItemFailures.Select(f => f.ItemIdentifier)];
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

    [Test]
    public void Input_that_is_not_json_fails_in_the_serializer_naming_the_event_type() =>
        Assert.That(() => Lambda.Event<DynamoDBEvent>("not json at all"),
            Throws.TypeOf<JsonSerializerException>().With.Message.Contains(nameof(DynamoDBEvent)));

    [TestCase("""{"hello":"world"}""", "no 'Records' array")]
    [TestCase("""{"Records":[{"eventSource":"aws:sqs","messageId":"1"}]}""", "only accepts DynamoDB stream events")]
    [TestCase("""{"Records":[{"eventName":"INSERT","eventSource":"aws:dynamodb","dynamodb":{}}]}""", "no dynamodb.SequenceNumber")]
    public void An_input_that_is_not_a_stream_event_fails_the_invocation_with_a_clear_message(string input, string message)
    {
        var s3 = new RecordingS3();
        var function = new ProcessorFunction(s3.Mock.Object, Settings, new FixedTime(), new CapturedLog().Log);
        Assert.That(async () => await function.HandleAsync(Lambda.Event<DynamoDBEvent>(input), Lambda.Context()),
            Throws.TypeOf<InvalidEventException>().With.Message.Contains(message));
        Assert.That(s3.Puts, Is.Empty);
    }

    [Test]
    public async Task An_empty_batch_succeeds_with_no_failures()
    {
        var s3 = new RecordingS3();
        Assert.That(await InvokeAsync(s3, """{"Records":[]}"""), Is.Empty);
    }

    [Test]
    public async Task Every_log_line_of_an_invocation_carries_its_request_id()
    {
        var s3 = new RecordingS3(fails: key => key.Contains("/o-2.json"));
        var log = new CapturedLog();
        var function = new ProcessorFunction(s3.Mock.Object, Settings, new FixedTime(), log.Log);
        await function.HandleAsync(Lambda.Event<DynamoDBEvent>(Fixtures.Event(
            Fixtures.Record($"{1:D21}", "o-1"), Fixtures.Record($"{2:D21}", "o-2"))), Lambda.Context(requestId: "req-1"));
        await function.HandleAsync(Lambda.Event<DynamoDBEvent>(Fixtures.Event(Fixtures.Record($"{3:D21}", "o-3"))),
            Lambda.Context(requestId: "req-2"));

        Assert.Multiple(() =>
        {
            Assert.That(log.Lines, Has.Count.EqualTo(5), "one failed record, then a summary and a metrics line per invocation");
            Assert.That(log.Lines.Select(l => l.GetProperty("requestId").GetString()),
                Is.EqualTo(new[] { "req-1", "req-1", "req-1", "req-2", "req-2" }));
        });
    }

    [Test]
    public async Task With_the_time_budget_nearly_spent_no_write_starts_and_every_record_is_reported()
    {
        var s3 = new RecordingS3();
        var log = new CapturedLog();
        var function = new ProcessorFunction(s3.Mock.Object, Settings, new FixedTime(), log.Log);
        var streamEvent = Lambda.Event<DynamoDBEvent>(Fixtures.Event(
            [.. Enumerable.Range(1, 3).Select(i => Fixtures.Record($"{i:D21}", $"o-{i}"))]));

        var response = await function.HandleAsync(streamEvent, Lambda.Context(remaining: TimeSpan.FromMilliseconds(1)));

        var summary = log.WithMessage("stream batch processed").Single();
        Assert.Multiple(() =>
        {
            Assert.That(response.BatchItemFailures.Select(f => f.ItemIdentifier),
                Is.EqualTo(Enumerable.Range(1, 3).Select(i => $"{i:D21}")), "every record is reported, in stream order");
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
        var function = new ProcessorFunction(s3.Mock.Object, Settings with { MaxConcurrency = 2 }, TimeProvider.System,
            new CapturedLog().Log, policy);
        var streamEvent = Lambda.Event<DynamoDBEvent>(Fixtures.Event(
            [.. Enumerable.Range(1, 4).Select(i => Fixtures.Record($"{i:D21}", $"o-{i}"))]));

        var started = System.Diagnostics.Stopwatch.StartNew();
        var response = await function.HandleAsync(streamEvent, Lambda.Context(remaining: TimeSpan.FromSeconds(1)));

        Assert.Multiple(() =>
        {
            Assert.That(started.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)), "the batch ends before the deadline");
            Assert.That(response.BatchItemFailures, Has.Count.EqualTo(4));
            Assert.That(s3.Puts, Is.Empty);
        });
    }

    [Test]
    public async Task An_event_built_in_code_with_package_attribute_values_writes_the_same_documents_as_one_read_from_json()
    {
        var json = Fixtures.Text("ddb-stream-event.json");
        var fromJson = new RecordingS3();
        await InvokeAsync(fromJson, json);

        // The same event through the package's own object model: the images become AttributeValue dictionaries.
        var packageEvent = Lambda.Event<DynamoDBEvent>(json);
        foreach (var record in packageEvent.Records)
        {
            var raw = (RawStreamRecord)record.Dynamodb;
            record.Dynamodb = new DynamoDBEvent.StreamRecord
            {
                ApproximateCreationDateTime = raw.ApproximateCreationDateTime,
                Keys = ToPackage(raw.RawKeys),
                NewImage = ToPackage(raw.RawNewImage),
                OldImage = ToPackage(raw.RawOldImage),
                SequenceNumber = raw.SequenceNumber,
                SizeBytes = raw.SizeBytes,
                StreamViewType = raw.StreamViewType,
            };
        }
        var fromObjects = new RecordingS3();
        var function = new ProcessorFunction(fromObjects.Mock.Object, Settings, new FixedTime(), new CapturedLog().Log);
        var response = await function.HandleAsync(packageEvent, Lambda.Context());

        Assert.Multiple(() =>
        {
            Assert.That(response.BatchItemFailures, Is.Empty);
            Assert.That(fromObjects.Puts.OrderBy(p => p.Body, StringComparer.Ordinal),
                Is.EqualTo(fromJson.Puts.OrderBy(p => p.Body, StringComparer.Ordinal)));
        });
    }

    private static Dictionary<string, DynamoDBEvent.AttributeValue>? ToPackage(JsonElement? image) =>
        image?.EnumerateObject().ToDictionary(p => p.Name, p => ToPackage(p.Value));

    private static DynamoDBEvent.AttributeValue ToPackage(JsonElement value)
    {
        var tag = value.EnumerateObject().Single();
        var content = tag.Value;
        return tag.Name switch
        {
            "S" => new() { S = content.GetString() },
            "N" => new() { N = content.GetString() },
            "BOOL" => new() { BOOL = content.GetBoolean() },
            "NULL" => new() { NULL = content.GetBoolean() },
            "M" => new() { M = ToPackage((JsonElement?)content) },
            "L" => new() { L = [.. content.EnumerateArray().Select(ToPackage)] },
            "SS" => new() { SS = [.. content.EnumerateArray().Select(e => e.GetString()!)] },
            "NS" => new() { NS = [.. content.EnumerateArray().Select(e => e.GetString()!)] },
            "B" => new() { B = new MemoryStream(content.GetBytesFromBase64()) },
            "BS" => new() { BS = [.. content.EnumerateArray().Select(e => new MemoryStream(e.GetBytesFromBase64()))] },
            _ => throw new AssertionException($"unexpected tag {tag.Name} in the fixture"),
        };
    }
}
