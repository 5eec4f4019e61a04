using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Lambda.Serialization.SystemTextJson;
using Amazon.Lambda.SQSEvents;
using Moq;
using OrdersPipeline.Functions.Audit;
using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Functions.Contracts;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Audit;

public sealed class AuditFunctionTests
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

    private async Task<IReadOnlyList<string>> InvokeAsync(string eventJson)
    {
        var function = new AuditFunction(_dynamoDb.Object, new AuditSettings { AuditTableName = "audit" }, new FixedTime(), _log.Log);
        var response = await function.HandleAsync(Lambda.Event<SQSEvent>(eventJson), Lambda.Context());
        return [.. response.BatchItemFailures.Select(f => f.ItemIdentifier)];
    }

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

    [Test]
    public void Input_that_is_not_json_of_an_sqs_event_fails_in_the_serializer_naming_the_type() =>
        Assert.That(() => Lambda.Event<SQSEvent>("[]"),
            Throws.TypeOf<JsonSerializerException>().With.Message.Contains(nameof(SQSEvent)));

    [TestCase("{}", "not an SQS event")]
    [TestCase("""{"Records":[{"body":"x","eventSource":"aws:sqs"}]}""", "no messageId")]
    [TestCase("""{"Records":[{"messageId":"1","eventSource":"aws:dynamodb"}]}""", "only accepts SQS events")]
    public void An_input_that_is_not_an_sqs_event_fails_the_invocation(string input, string message)
    {
        var function = new AuditFunction(_dynamoDb.Object, new AuditSettings { AuditTableName = "audit" }, new FixedTime(), _log.Log);
        Assert.That(async () => await function.HandleAsync(Lambda.Event<SQSEvent>(input), Lambda.Context()),
            Throws.TypeOf<InvalidEventException>().With.Message.Contains(message));
    }

    [Test]
    public async Task Every_log_line_of_an_invocation_carries_its_request_id()
    {
        PutItemAnswers(r => r.Item["failureType"].S == "RecordAgeExceeded" ? new AmazonDynamoDBException("throttled") : null);
        var function = new AuditFunction(_dynamoDb.Object, new AuditSettings { AuditTableName = "audit" }, new FixedTime(), _log.Log);
        await function.HandleAsync(Fixtures.DlqEvent(), Lambda.Context(requestId: "audit-req"));
        Assert.Multiple(() =>
        {
            Assert.That(_log.Lines, Has.Count.EqualTo(2), "the failed write and the summary");
            Assert.That(_log.Lines.Select(l => l.GetProperty("requestId").GetString()), Is.All.EqualTo("audit-req"));
        });
    }

    [Test]
    public async Task With_the_time_budget_nearly_spent_the_handler_still_answers_for_every_message()
    {
        PutItemAnswers(_ => null);
        var function = new AuditFunction(_dynamoDb.Object, new AuditSettings { AuditTableName = "audit" }, new FixedTime(), _log.Log);
        var response = await function.HandleAsync(Fixtures.DlqEvent(), Lambda.Context(remaining: TimeSpan.FromMilliseconds(1)));
        var reported = response.BatchItemFailures.Select(f => f.ItemIdentifier).ToHashSet();
        var stored = _puts.Select(p => p.Item["dlqMessageId"].S).ToHashSet();
        Assert.That(Fixtures.DlqEvent().Records.Select(m => m.MessageId).Where(id => !reported.Contains(id) && !stored.Contains(id)),
            Is.Empty, "every message is stored or reported");
    }
}
