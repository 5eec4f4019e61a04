using System.Collections.Concurrent;
using System.Text;
using Amazon.Lambda.DynamoDBEvents;
using Amazon.Lambda.Serialization.SystemTextJson;
using OrdersPipeline.Emulator;
using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Functions.Contracts;
using OrdersPipeline.Functions.Processor;
using OrdersPipeline.Functions.Tests.Support;
using OrdersPipeline.Functions.Timing;

namespace OrdersPipeline.Functions.Tests.Processor;

/// <summary>
/// A DynamoDB stream event read by the Lambda serializer and mapped by <see cref="ProcessorFunction"/> reaches the core
/// as the core tests' reader (<see cref="StreamEventJson"/>) reads the same JSON: the same documents, byte for byte;
/// and the failed sequence numbers come back as the partial-batch response.
/// </summary>
public sealed class ProcessorMappingTests
{
    private static readonly ProcessorSettings Settings = new() { BucketName = "test-bucket", MaxConcurrency = 4 };

    /// <summary>Keeps every document it is given (key and body); fails the keys the test names.</summary>
    private sealed class RecordingStore(Func<string, bool>? fails = null) : IProcessedObjectStore
    {
        private readonly ConcurrentQueue<string> _documents = new();

        public IReadOnlyList<string> Documents => [.. _documents.Order(StringComparer.Ordinal)];

        public Task<PutResult> PutAsync(ProcessedDocument document, ChangeRecord change, TimeBudget budget)
        {
            if (fails?.Invoke(document.ObjectKey) == true)
            {
                return Task.FromException<PutResult>(new IOException($"Injected failure for {document.ObjectKey}"));
            }
            _documents.Enqueue(document.ObjectKey + "\n" + Encoding.UTF8.GetString(document.Content.Span));
            return Task.FromResult(PutResult.Stored);
        }
    }

    private static string Nested(int levels)
    {
        var value = "{\"S\":\"leaf\"}";
        for (var i = 0; i < levels; i++)
        {
            value = i % 2 == 0 ? $"{{\"M\":{{\"k\":{value}}}}}" : $"{{\"L\":[{value}]}}";
        }
        return value;
    }

    private static IEnumerable<string> Events() =>
    [
        Fixtures.Text("ddb-stream-event.json"),
        Fixtures.Event(
            Fixtures.Record("1", "o-1", "\"s\":{\"S\":\"a\\\"b Zürich \ud83d\ude00 \\n\"},\"n\":{\"N\":\"-1.50E-130\"}," +
                "\"b\":{\"B\":\"aGk/+w==\"},\"bs\":{\"BS\":[\"AAEC\",\"\"]},\"e\":{\"M\":{}},\"l\":{\"L\":[]},\"ss\":{\"SS\":[]}," +
                "\"deep\":" + Nested(32)),
            Fixtures.Record("2", "o-2", "\"tags\":{\"SS\":[\"a\",\"b\"]}", "MODIFY", "\"tags\":{\"SS\":[\"b\",\"a\"]}"),
            Fixtures.Record("3", "o-3").Replace("1795082400", "1795132799.999", StringComparison.Ordinal)),
    ];

    [TestCaseSource(nameof(Events))]
    public async Task The_package_event_builds_the_same_documents_as_the_core_reader(string json)
    {
        var throughPackage = new RecordingStore();
        var function = new ProcessorFunction(throughPackage, Settings, new FixedTime(), new CapturedLog().Log);
        var response = await function.HandleAsync(Lambda.Event<DynamoDBEvent>(json), Lambda.Context());

        var throughCore = new RecordingStore();
        var service = new ProcessorService(throughCore, Settings, new FixedTime(), new CapturedLog().Log);
        var outcome = await service.HandleAsync(StreamEventJson.Read(json), Support.Invocations.Create());

        Assert.Multiple(() =>
        {
            Assert.That(response.BatchItemFailures, Is.Empty);
            Assert.That(outcome.FailedSequenceNumbers, Is.Empty);
            Assert.That(throughPackage.Documents, Is.Not.Empty);
            Assert.That(throughPackage.Documents, Is.EqualTo(throughCore.Documents));
        });
    }

    [Test]
    public async Task The_response_names_the_failed_and_poison_records_in_stream_order()
    {
        var store = new RecordingStore(fails: key => key.EndsWith("/o-2.json", StringComparison.Ordinal));
        var function = new ProcessorFunction(store, Settings, new FixedTime(), new CapturedLog().Log);
        var json = Fixtures.Event(
            Fixtures.Record($"{1:D21}", "o-1"),
            Fixtures.Record($"{2:D21}", "o-2"),
            Fixtures.Record($"{3:D21}", "o-3", "\"when\":{\"DATE\":\"today\"}"),
            Fixtures.Record($"{4:D21}", "o-4", "\"n\":{\"N\":\"01\"}"),
            Fixtures.Record($"{5:D21}", "o-5", eventName: "REMOVE", oldImageAttributes: ""));

        var response = await function.HandleAsync(Lambda.Event<DynamoDBEvent>(json), Lambda.Context());

        Assert.Multiple(() =>
        {
            Assert.That(response.BatchItemFailures.Select(f => f.ItemIdentifier),
                Is.EqualTo(new[] { $"{2:D21}", $"{3:D21}", $"{4:D21}" }));
            Assert.That(store.Documents, Has.Count.EqualTo(1));
            Assert.That(Lambda.Response(response), Is.EqualTo(
                $$"""{"batchItemFailures":[{"itemIdentifier":"{{2:D21}}"},{"itemIdentifier":"{{3:D21}}"},{"itemIdentifier":"{{4:D21}}"}]}"""));
        });
    }

    [Test]
    public void An_unknown_type_tag_reaches_the_core_as_a_value_with_nothing_set()
    {
        var record = Lambda.Event<DynamoDBEvent>(Fixtures.Event(Fixtures.Record("1", "o-1", "\"when\":{\"DATE\":\"today\"}"))).Records[0];
        var value = StreamRecordMapping.From(record).NewImage!["when"];
        Assert.That(new object?[] { value.S, value.N, value.B, value.BOOL, value.NULL, value.M, value.L, value.SS, value.NS, value.BS },
            Is.All.Null);
    }

    [Test]
    public void The_creation_time_is_read_by_the_package_in_utc()
    {
        var record = Lambda.Event<DynamoDBEvent>(Fixtures.Event(Fixtures.Record("1", "o-1"))).Records[0];
        var mapped = StreamRecordMapping.From(record);
        Assert.Multiple(() =>
        {
            Assert.That(mapped.ApproximateCreationDateTime, Is.EqualTo(new DateTime(2026, 11, 19, 10, 0, 0, DateTimeKind.Utc)));
            Assert.That(mapped.ApproximateCreationDateTime!.Value.Kind, Is.EqualTo(DateTimeKind.Utc));
            Assert.That(mapped.EventSourceArn, Does.StartWith("arn:aws:dynamodb:us-east-1:123456789012:table/"));
        });
    }

    [TestCase("""{"hello":"world"}""", "no 'Records' array")]
    [TestCase("""{"Records":[null]}""", "Records[0] is null")]
    [TestCase("""{"Records":[{"eventSource":"aws:sqs","messageId":"1"}]}""", "only accepts DynamoDB stream events")]
    [TestCase("""{"Records":[{"eventName":"INSERT","eventSource":"aws:dynamodb","dynamodb":{}}]}""", "no dynamodb.SequenceNumber")]
    public void An_input_that_is_not_a_stream_event_reaches_the_core_as_it_came(string json, string message)
    {
        var function = new ProcessorFunction(new RecordingStore(), Settings, new FixedTime(), new CapturedLog().Log);
        Assert.That(async () => await function.HandleAsync(Lambda.Event<DynamoDBEvent>(json), Lambda.Context()),
            Throws.TypeOf<InvalidEventException>().With.Message.Contains(message));
    }

    [Test]
    public void Input_that_is_not_json_fails_in_the_serializer_naming_the_event_type() =>
        Assert.That(() => Lambda.Event<DynamoDBEvent>("not json at all"),
            Throws.TypeOf<JsonSerializerException>().With.Message.Contains(nameof(DynamoDBEvent)));

    [Test]
    public void The_serializer_reads_an_item_nested_to_dynamodbs_limit() =>
        Assert.That(() => Lambda.Event<DynamoDBEvent>(Fixtures.Event(Fixtures.Record("1", "o-1", "\"deep\":" + Nested(33)))),
            Throws.Nothing, "a record just past the limit is still read, and then fails alone in the core");
}
