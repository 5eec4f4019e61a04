using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Moq;
using OrdersPipeline.Functions.Audit;
using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Audit;

/// <summary>
/// The audit items stored for the AWS-shaped DLQ samples are exactly the committed goldens
/// (Fixtures/pinned/audit/): every attribute, type and value, audited at <see cref="FixedTime.Default"/>.
/// </summary>
public sealed class AuditPinnedTests
{
    [TestCase("sqs-dlq-event.json")]
    [TestCase("sqs-s3-invocation-failure.json")]
    public async Task The_audit_items_of_a_sample_are_the_pinned_ones(string sample)
    {
        var dynamoDb = new Mock<IAmazonDynamoDB>(MockBehavior.Strict);
        var puts = new List<PutItemRequest>();
        dynamoDb.Setup(d => d.PutItemAsync(It.IsAny<PutItemRequest>(), It.IsAny<CancellationToken>()))
            .Callback((PutItemRequest request, CancellationToken _) =>
            {
                lock (puts)
                {
                    puts.Add(request);
                }
            })
            .ReturnsAsync(new PutItemResponse());
        var messages = QueueFixtures.Read(Fixtures.Text(sample))!;

        var failed = await new AuditService(dynamoDb.Object, new AuditSettings { AuditTableName = "audit" }, new FixedTime(),
            new CapturedLog().Log).HandleAsync(messages, Invocations.Create());

        var order = messages.Select(m => m.MessageId).ToList();
        Assert.That(failed, Is.Empty);
        Pinned.Matches($"audit/{Path.GetFileNameWithoutExtension(sample)}.items.json",
            ItemJson.Write(puts.OrderBy(p => order.IndexOf(p.Item["dlqMessageId"].S)).Select(p => p.Item)));
    }
}
