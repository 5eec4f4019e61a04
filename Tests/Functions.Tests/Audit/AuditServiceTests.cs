using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Moq;
using OrdersPipeline.Functions.Audit;
using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Functions.Contracts;
using OrdersPipeline.Functions.Timing;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Audit;

public sealed class AuditServiceTests
{
    private readonly Mock<IAmazonDynamoDB> _dynamoDb = new(MockBehavior.Strict);
    private readonly List<PutItemRequest> _puts = [];
    private readonly CapturedLog _log = new();

    private void PutItemAnswers(Func<PutItemRequest, Exception?> outcome) =>
        _dynamoDb.Setup(d => d.PutItemAsync(It.IsAny<PutItemRequest>(), It.IsAny<CancellationToken>()))
            .Returns((PutItemRequest request, CancellationToken _) =>
            {
                lock (_puts)
                {
                    _puts.Add(request);
                }

                return outcome(request) is { } error ? Task.FromException<PutItemResponse>(error) : Task.FromResult(new PutItemResponse());
            });

    private AuditService Service(TimeProvider? time = null, TimeBudgetPolicy? budget = null) =>
        new(_dynamoDb.Object, new AuditSettings { AuditTableName = "audit" }, time ?? new FixedTime(), _log.Log, budget);

    private Task<IReadOnlyList<string>> InvokeAsync(string eventJson) =>
        Service().HandleAsync(QueueFixtures.Read(eventJson), Invocations.Create());

    [Test]
    public async Task Each_message_becomes_one_conditional_put_into_the_audit_table()
    {
        PutItemAnswers(_ => null);
        var failures = await InvokeAsync(Fixtures.Text("sqs-dlq-event.json"));
        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Empty);
            Assert.That(_puts, Has.Count.EqualTo(2));
            Assert.That(_puts.Select(p => p.TableName), Is.All.EqualTo("audit"));
            Assert.That(_puts.Select(p => p.ConditionExpression), Is.All.EqualTo("attribute_not_exists(auditId)"));
            Assert.That(_puts.Select(p => p.Item["failureType"].S), Is.EquivalentTo(new[] { "RetryAttemptsExhausted", "RecordAgeExceeded" }));
        });
    }

    [Test]
    public async Task A_redelivered_message_whose_item_exists_is_a_success()
    {
        PutItemAnswers(_ => new ConditionalCheckFailedException("exists"));
        var failures = await InvokeAsync(Fixtures.Text("sqs-dlq-event.json"));
        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Empty);
            Assert.That(_log.WithMessage("audit item already stored (redelivery)"), Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task Only_the_message_whose_write_failed_is_reported()
    {
        PutItemAnswers(r => r.Item["failureType"].S == "RecordAgeExceeded" ? new AmazonDynamoDBException("throttled") : null);
        var failures = await InvokeAsync(Fixtures.Text("sqs-dlq-event.json"));
        var error = _log.WithMessage("audit write failed").Single();
        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.EqualTo(new[] { "5b1a3c4e-0d8f-4a7e-9b2c-222222222222" }));
            Assert.That(error.GetProperty("error").GetString(), Does.Contain("throttled"));
            Assert.That(_log.WithMessage("dlq batch audited").Single().GetProperty("stored").GetInt32(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task An_unparseable_body_is_stored_not_reported()
    {
        PutItemAnswers(_ => null);
        var failures = await InvokeAsync("""
            {"Records":[{"messageId":"m-1","body":"<xml/>","attributes":{"SentTimestamp":"1795090506021","ApproximateReceiveCount":"2"},"eventSource":"aws:sqs"}]}
            """);
        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Empty);
            Assert.That(_puts.Single().Item["failureType"].S, Is.EqualTo("UnparseableMessage"));
            Assert.That(_puts.Single().Item["dlqMessageBody"].S, Is.EqualTo("<xml/>"));
            Assert.That(_puts.Single().Item["dlqReceiveCount"].N, Is.EqualTo("2"));
        });
    }

    [TestCase("{}", "not an SQS event: it has no 'Records' array")]
    [TestCase("""{"Records":[null]}""", "Records[0] is null")]
    [TestCase("""{"Records":[{"body":"x","eventSource":"aws:sqs"}]}""", "no messageId")]
    [TestCase("""{"Records":[{"messageId":"1","eventSource":"aws:dynamodb"}]}""", "only accepts SQS events")]
    public void An_input_that_is_not_an_sqs_event_fails_the_invocation(string input, string message)
    {
        Assert.That(async () => await InvokeAsync(input),
            Throws.TypeOf<InvalidEventException>().With.Message.Contains(message));
        Assert.That(_puts, Is.Empty, "nothing of an invalid batch is written");
    }

    [Test]
    public async Task A_message_whose_event_source_is_unknown_is_audited()
    {
        PutItemAnswers(_ => null);
        var failures = await Service().HandleAsync([new QueueMessage("m-1", "body")], Invocations.Create());
        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Empty);
            Assert.That(_puts.Single().Item["dlqMessageId"].S, Is.EqualTo("m-1"));
        });
    }

    [Test]
    public async Task Every_log_line_of_an_invocation_carries_its_request_id()
    {
        PutItemAnswers(r => r.Item["failureType"].S == "RecordAgeExceeded" ? new AmazonDynamoDBException("throttled") : null);
        await Service().HandleAsync(QueueFixtures.DlqEvent(), Invocations.Create(requestId: "audit-req"));
        Assert.Multiple(() =>
        {
            Assert.That(_log.Lines, Has.Count.EqualTo(3), "the failed write, the summary and the metrics");
            Assert.That(_log.Lines.Select(l => l.GetProperty("requestId").GetString()), Is.All.EqualTo("audit-req"));
        });
    }

    [Test]
    public async Task With_the_time_budget_nearly_spent_no_message_is_stored_and_every_one_is_reported()
    {
        PutItemAnswers(_ => null);
        var failures = await Service().HandleAsync(QueueFixtures.DlqEvent(),
            Invocations.Create(remaining: TimeSpan.FromMilliseconds(1)));
        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.EqualTo(QueueFixtures.DlqEvent().Select(m => m.MessageId)));
            Assert.That(_puts, Is.Empty);
            Assert.That(_log.WithMessage("dlq message deferred"), Has.Count.EqualTo(2));
            Assert.That(_log.WithMessage("dlq batch audited").Single().GetProperty("deferred").GetInt32(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_write_still_in_flight_at_the_margin_is_abandoned_and_reported()
    {
        _dynamoDb.Setup(d => d.PutItemAsync(It.IsAny<PutItemRequest>(), It.IsAny<CancellationToken>()))
            .Returns(async (PutItemRequest _, CancellationToken ct) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(5), ct);
                return new PutItemResponse();
            });
        var policy = new TimeBudgetPolicy(new SdkCallPolicy(1, TimeSpan.FromMilliseconds(300)), TimeSpan.FromMilliseconds(200));
        var started = System.Diagnostics.Stopwatch.StartNew();
        var failures = await Service(TimeProvider.System, policy).HandleAsync(QueueFixtures.DlqEvent(),
            Invocations.Create(remaining: TimeSpan.FromSeconds(1)));

        Assert.Multiple(() =>
        {
            Assert.That(started.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)), "the batch ends before the deadline");
            Assert.That(failures, Has.Count.EqualTo(2));
            Assert.That(_log.WithMessage("audit write failed").Select(l => l.GetProperty("error").GetString()),
                Is.All.Contains("deadline margin"));
        });
    }
}
