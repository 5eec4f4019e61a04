using Amazon.DynamoDBv2.Model;
using OrdersPipeline.Functions.Audit;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Audit;

public sealed class AuditItemMapperTests
{
    private static readonly DateTimeOffset AuditedAt = new(2026, 11, 22, 9, 0, 0, 5, TimeSpan.Zero);
    private readonly IReadOnlyList<QueueMessage> _fixture = QueueFixtures.DlqEvent();

    private static QueueMessage WithBody(QueueMessage message, string body) => message with { Body = body };

    private static Dictionary<string, string> Flatten(Dictionary<string, AttributeValue> item) =>
        item.ToDictionary(p => p.Key, p => p.Value.S ?? "N:" + p.Value.N);

    [Test]
    public void The_retry_exhausted_fixture_maps_every_contract_attribute()
    {
        var item = Flatten(AuditItemMapper.Map(_fixture[0], AuditedAt));
        Assert.That(item, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["auditId"] = "316aa6d0-8154-4e4f-9af7-85d5f4a6bc81",
            ["timestamp"] = "2026-11-19T12:15:06.021Z",
            ["failureType"] = "RetryAttemptsExhausted",
            ["requestId"] = "316aa6d0-8154-4e4f-9af7-85d5f4a6bc81",
            ["functionArn"] = "arn:aws:lambda:us-east-1:123456789012:function:dev-order-processor-lambda-backend",
            ["condition"] = "RetryAttemptsExhausted",
            ["approximateInvokeCount"] = "N:4",
            ["statusCode"] = "N:200",
            ["functionError"] = "Unhandled",
            ["executedVersion"] = "$LATEST",
            ["streamArn"] = "arn:aws:dynamodb:us-east-1:123456789012:table/dev-orders-table-backend/stream/2026-11-20T00:00:00.000",
            ["shardId"] = "shardId-00000001795082400000-1a2b3c4d",
            ["startSequenceNumber"] = "111100000000000000000003",
            ["endSequenceNumber"] = "111100000000000000000003",
            ["batchSize"] = "N:1",
            ["approximateArrivalOfFirstRecord"] = "2026-11-19T12:00:00Z",
            ["approximateArrivalOfLastRecord"] = "2026-11-19T12:00:00Z",
            ["dlqMessageId"] = "5b1a3c4e-0d8f-4a7e-9b2c-111111111111",
            ["dlqMessageBody"] = _fixture[0].Body!,
            ["dlqSentTimestamp"] = "N:1795090506021",
            ["dlqReceiveCount"] = "N:1",
            ["dlqEventSourceArn"] = "arn:aws:sqs:us-east-1:123456789012:dev-orders-dlq-backend",
            ["auditedAt"] = "2026-11-22T09:00:00.005Z",
        }));
    }

    [Test]
    public void The_record_age_fixture_keys_by_its_own_request_id_and_condition()
    {
        var item = Flatten(AuditItemMapper.Map(_fixture[1], AuditedAt));
        Assert.Multiple(() =>
        {
            Assert.That(item["auditId"], Is.EqualTo("9c1d2e3f-aaaa-4bbb-8ccc-1234567890ab"));
            Assert.That(item["failureType"], Is.EqualTo("RecordAgeExceeded"));
            Assert.That(item["timestamp"], Is.EqualTo("2026-11-19T13:00:00.500Z"));
            Assert.That(item["batchSize"], Is.EqualTo("N:10"));
            Assert.That(item["startSequenceNumber"], Is.EqualTo("111100000000000000000010"));
            Assert.That(item["endSequenceNumber"], Is.EqualTo("111100000000000000000019"));
        });
    }

    [TestCase("this is not json")]
    [TestCase("[1,2,3]")]
    [TestCase("{}")]
    [TestCase("""{"requestContext":"a string"}""")]
    [TestCase("")]
    public void An_unparseable_body_is_still_stored_with_its_raw_body_keyed_by_message_id(string body)
    {
        var message = WithBody(_fixture[0], body);
        var item = Flatten(AuditItemMapper.Map(message, AuditedAt));
        Assert.Multiple(() =>
        {
            Assert.That(item["failureType"], Is.EqualTo(FailureTypes.UnparseableMessage));
            Assert.That(item["auditId"], Is.EqualTo(message.MessageId));
            Assert.That(item["timestamp"], Is.EqualTo("2026-11-19T12:15:06.021Z"), "SentTimestamp as ISO-8601 with milliseconds");
            Assert.That(item.GetValueOrDefault("dlqMessageBody"), Is.EqualTo(body.Length == 0 ? null : body));
            Assert.That(item.Keys, Does.Not.Contain("requestId").And.Not.Contain("shardId"));
        });
    }

    [Test]
    public void A_body_without_request_context_is_unknown_keyed_by_message_id_and_keeps_the_batch_info()
    {
        var body = """{"version":"1.0","timestamp":"2026-11-19T14:00:00.000Z","DDBStreamBatchInfo":{"shardId":"s-1","startSequenceNumber":"5","endSequenceNumber":"9","batchSize":5}}""";
        var item = Flatten(AuditItemMapper.Map(WithBody(_fixture[1], body), AuditedAt));
        Assert.Multiple(() =>
        {
            Assert.That(item["failureType"], Is.EqualTo(FailureTypes.Unknown));
            Assert.That(item["auditId"], Is.EqualTo(_fixture[1].MessageId));
            Assert.That(item["timestamp"], Is.EqualTo("2026-11-19T14:00:00.000Z"));
            Assert.That(item["shardId"], Is.EqualTo("s-1"));
            Assert.That(item.Keys, Does.Not.Contain("condition"));
        });
    }

    [Test]
    public void Without_any_sent_timestamp_the_audit_time_keeps_the_range_key_present()
    {
        var message = WithBody(_fixture[0], "garbage") with { Attributes = new Dictionary<string, string>() };
        Assert.That(AuditItemMapper.Map(message, AuditedAt)["timestamp"].S, Is.EqualTo("2026-11-22T09:00:00.005Z"));
    }
}
