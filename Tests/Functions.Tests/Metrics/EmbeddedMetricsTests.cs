using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Moq;
using OrdersPipeline.Emulator;
using OrdersPipeline.Functions.Audit;
using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Functions.Metrics;
using OrdersPipeline.Functions.Processor;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Metrics;

/// <summary>Each invocation writes one Embedded Metric Format line with the batch's metrics.</summary>
public sealed class EmbeddedMetricsTests
{
    private static readonly MetricsSettings Metrics = new() { Namespace = "Test/Orders", Environment = "dev", FunctionName = "dev-fn" };

    /// <summary>The EMF line, checked against the format: every declared metric has a root value.</summary>
    private static JsonElement EmfLine(CapturedLog log)
    {
        var line = log.WithMessage("metrics").Single();
        var directive = line.GetProperty("_aws").GetProperty("CloudWatchMetrics").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(line.GetProperty("_aws").GetProperty("Timestamp").GetInt64(), Is.EqualTo(FixedTime.Default.ToUnixTimeMilliseconds()));
            Assert.That(directive.GetProperty("Namespace").GetString(), Is.EqualTo("Test/Orders"));
            Assert.That(directive.GetProperty("Dimensions").GetRawText(), Is.EqualTo("""[["Environment","Function"]]"""));
            Assert.That(line.GetProperty("Environment").GetString(), Is.EqualTo("dev"));
            Assert.That(line.GetProperty("Function").GetString(), Is.EqualTo("dev-fn"));
            foreach (var metric in directive.GetProperty("Metrics").EnumerateArray())
            {
                Assert.That(line.TryGetProperty(metric.GetProperty("Name").GetString()!, out var value), Is.True);
                Assert.That(value.ValueKind, Is.EqualTo(JsonValueKind.Number));
                Assert.That(metric.GetProperty("Unit").GetString(), Is.AnyOf("Count", "Milliseconds"));
            }
        });
        return line;
    }

    [Test]
    public async Task The_processor_reports_written_failed_skipped_deferred_duration_and_lag()
    {
        var s3 = new RecordingS3(fails: key => key.Contains("/bad.json"));
        var log = new CapturedLog();
        var settings = new ProcessorSettings { BucketName = "test-bucket", Metrics = Metrics };
        var function = new ProcessorService(s3.Mock.Object, settings, new FixedTime(), log.Log);
        // Created 10 s and 20 s before the fixed "now" (2026-11-22T10:01:03.123Z).
        var now = FixedTime.Default.ToUnixTimeMilliseconds() / 1000m;
        var json = Fixtures.Event(
            Fixtures.Record("1", "a").Replace("1795082400", (now - 10).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Fixtures.Record("2", "b").Replace("1795082400", (now - 20).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Fixtures.Record("3", "bad"),
            Fixtures.Record("4", "gone", eventName: "REMOVE", oldImageAttributes: ""));

        await function.HandleAsync(StreamEventJson.Read(json), Invocations.Create());

        var line = EmfLine(log);
        Assert.Multiple(() =>
        {
            Assert.That(line.GetProperty("RecordsWritten").GetInt32(), Is.EqualTo(2));
            Assert.That(line.GetProperty("RecordsFailed").GetInt32(), Is.EqualTo(1));
            Assert.That(line.GetProperty("RecordsSkipped").GetInt32(), Is.EqualTo(1));
            Assert.That(line.GetProperty("RecordsDeferred").GetInt32(), Is.EqualTo(0));
            Assert.That(line.GetProperty("BatchDuration").GetDouble(), Is.GreaterThan(0));
            Assert.That(line.GetProperty("WriteLagMax").GetDouble(), Is.EqualTo(20_000));
            Assert.That(line.GetProperty("WriteLagAverage").GetDouble(), Is.EqualTo(15_000));
            Assert.That(line.GetProperty("requestId").GetString(), Is.Not.Empty);
        });
    }

    [Test]
    public async Task Without_written_records_there_is_no_lag_metric_and_deferred_records_are_counted()
    {
        var log = new CapturedLog();
        var function = new ProcessorService(new RecordingS3().Mock.Object,
            new ProcessorSettings { BucketName = "test-bucket", Metrics = Metrics }, new FixedTime(), log.Log);
        await function.HandleAsync(StreamEventJson.Read(Fixtures.Event(Fixtures.Record("1", "a"))),
            Invocations.Create(remaining: TimeSpan.FromMilliseconds(1)));
        var line = EmfLine(log);
        Assert.Multiple(() =>
        {
            Assert.That(line.GetProperty("RecordsDeferred").GetInt32(), Is.EqualTo(1));
            Assert.That(line.TryGetProperty("WriteLagMax", out _), Is.False);
        });
    }

    [Test]
    public async Task The_audit_function_reports_stored_already_stored_failed_and_each_failure_type()
    {
        var dynamoDb = new Mock<IAmazonDynamoDB>(MockBehavior.Strict);
        dynamoDb.Setup(d => d.PutItemAsync(It.IsAny<PutItemRequest>(), It.IsAny<CancellationToken>()))
            .Returns((PutItemRequest request, CancellationToken _) => request.Item["dlqMessageId"].S switch
            {
                "m-2" => Task.FromException<PutItemResponse>(new ConditionalCheckFailedException("exists")),
                "m-3" => Task.FromException<PutItemResponse>(new AmazonDynamoDBException("throttled")),
                _ => Task.FromResult(new PutItemResponse()),
            });
        var log = new CapturedLog();
        var function = new AuditService(dynamoDb.Object, new AuditSettings { AuditTableName = "audit", Metrics = Metrics },
            new FixedTime(), log.Log);
        var body = QueueFixtures.DlqEvent()[0].Body;
        var noAttributes = new Dictionary<string, string>();
        QueueMessage[] messages =
        [
            new("m-1", body, noAttributes, EventSource: "aws:sqs"),
            new("m-2", "not a failure record", noAttributes, EventSource: "aws:sqs"),
            new("m-3", body, noAttributes, EventSource: "aws:sqs"),
            new("m-4", "also not one", noAttributes, EventSource: "aws:sqs"),
        ];

        await function.HandleAsync(messages, Invocations.Create());

        var line = EmfLine(log);
        Assert.Multiple(() =>
        {
            Assert.That(line.GetProperty("MessagesStored").GetInt32(), Is.EqualTo(2));
            Assert.That(line.GetProperty("MessagesAlreadyStored").GetInt32(), Is.EqualTo(1));
            Assert.That(line.GetProperty("MessagesFailed").GetInt32(), Is.EqualTo(1));
            Assert.That(line.GetProperty("MessagesDeferred").GetInt32(), Is.EqualTo(0));
            Assert.That(line.GetProperty(PipelineMetrics.FailureTypePrefix + "RetryAttemptsExhausted").GetInt32(), Is.EqualTo(1));
            Assert.That(line.GetProperty(PipelineMetrics.FailureTypePrefix + FailureTypes.UnparseableMessage).GetInt32(), Is.EqualTo(2));
        });
    }

    [Test]
    public void Without_a_function_name_in_the_environment_the_context_names_the_function()
    {
        var log = new CapturedLog();
        new EmbeddedMetrics(Metrics with { FunctionName = null }, new FixedTime()).Write(log.Log, "from-context", [Metric.Count("X", 1)]);
        Assert.That(log.WithMessage("metrics").Single().GetProperty("Function").GetString(), Is.EqualTo("from-context"));
    }
}
