using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Lambda.SQSEvents;
using Moq;
using OrdersPipeline.Functions.Audit;
using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Functions.Contracts;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Mapping;

/// <summary>An SQS event through the Lambda serializer and <see cref="AuditFunction"/> reaches the core as the core's
/// own reading of the same JSON does, and the failed ids come back as the partial-batch response.</summary>
public sealed class AuditMappingTests
{
    private readonly Mock<IAmazonDynamoDB> _dynamoDb = new(MockBehavior.Strict);
    private readonly List<PutItemRequest> _puts = [];

    public AuditMappingTests() =>
        _dynamoDb.Setup(d => d.PutItemAsync(It.IsAny<PutItemRequest>(), It.IsAny<CancellationToken>()))
            .Returns((PutItemRequest request, CancellationToken _) =>
            {
                lock (_puts)
                {
                    _puts.Add(request);
                }

                return request.Item["failureType"].S == "RecordAgeExceeded"
                    ? Task.FromException<PutItemResponse>(new AmazonDynamoDBException("throttled"))
                    : Task.FromResult(new PutItemResponse());
            });

    private AuditService Service() =>
        new(_dynamoDb.Object, new AuditSettings { AuditTableName = "audit" }, new FixedTime(), new CapturedLog().Log);

    private string Items()
    {
        var items = ItemJson.Write(_puts.OrderBy(p => p.Item["dlqMessageId"].S, StringComparer.Ordinal).Select(p => p.Item));
        _puts.Clear();
        return items;
    }

    [TestCase("sqs-dlq-event.json")]
    [TestCase("sqs-s3-invocation-failure.json")]
    public async Task The_package_event_gives_the_items_and_failures_the_core_gives_for_the_same_json(string sample)
    {
        var json = Fixtures.Text(sample);
        var response = await new AuditFunction(Service()).HandleAsync(Lambda.Event<SQSEvent>(json), Lambda.Context());
        var viaPackage = Items();
        var failed = await Service().HandleAsync(QueueFixtures.Read(json), Support.Invocations.Create());

        Assert.Multiple(() =>
        {
            Assert.That(viaPackage, Is.EqualTo(Items()));
            Assert.That(response.BatchItemFailures.Select(f => f.ItemIdentifier), Is.EqualTo(failed));
            Assert.That(Lambda.Response(response), Does.StartWith("""{"batchItemFailures":["""));
        });
    }

    [TestCase("{}", "has no 'Records' array")]
    [TestCase("""{"Records":[null]}""", "Records[0] is null")]
    [TestCase("""{"Records":[{"messageId":"1","eventSource":"aws:dynamodb"}]}""", "only accepts SQS events")]
    public void What_is_not_an_sqs_batch_reaches_the_core_as_it_came(string json, string message) =>
        Assert.That(async () => await new AuditFunction(Service()).HandleAsync(Lambda.Event<SQSEvent>(json), Lambda.Context()),
            Throws.TypeOf<InvalidEventException>().With.Message.Contains(message));

    [Test]
    public void The_context_becomes_the_invocation()
    {
        var invocation = Invocations.From(Lambda.Context(remaining: TimeSpan.FromSeconds(42), requestId: "aws-req-1"));
        Assert.That(invocation, Is.EqualTo(new Invocation("aws-req-1", TimeSpan.FromSeconds(42), "test-function")));
    }
}
