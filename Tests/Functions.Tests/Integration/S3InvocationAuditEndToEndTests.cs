using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using OrdersPipeline.Emulator;
using OrdersPipeline.Functions.Audit;
using OrdersPipeline.Functions.Processor;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Integration;

/// <summary>The file ingest function's on-failure record travels the real queue into the audit table as
/// S3InvocationFailed, findable through the failure-type index.</summary>
[Category("Integration")]
public sealed class S3InvocationAuditEndToEndTests
{
    [Test]
    public async Task An_s3_invocation_record_on_the_dlq_is_audited_as_its_own_failure_type()
    {
        var emulator = EmulatorFixture.Emulator;
        var pipeline = await PipelineResources.CreateAsync(emulator, PipelineNames.Unique("s3fail"));
        using var dynamoDb = emulator.DynamoDb();
        var body = SampleEvents.FirstMessageBody("sqs-s3-invocation-failure.json");
        await emulator.Sqs.SendMessageAsync(pipeline.DeadLetterQueueUrl, body);

        var audit = new AuditService(dynamoDb, pipeline.AuditSettings, TimeProvider.System, new CapturedLog().Log);
        var audited = await new StreamMappingSimulator(emulator, pipeline,
                (records, _) => Task.FromResult(new BatchOutcome(records.Count, 0, 0, [])), audit.HandleAsync)
            .DeliverDeadLetterQueueAsync();

        var rows = (await dynamoDb.QueryAsync(new QueryRequest
        {
            TableName = pipeline.Names.AuditTable,
            IndexName = "failure-type-index",
            KeyConditionExpression = "failureType = :type",
            ExpressionAttributeValues = new() { [":type"] = new AttributeValue { S = FailureTypes.S3InvocationFailed } },
        })).Items;
        Assert.Multiple(() =>
        {
            Assert.That(audited, Is.EqualTo(1));
            Assert.That(rows, Has.Count.EqualTo(1));
            Assert.That(rows[0]["s3Key"].S, Is.EqualTo("incoming/partner feed+1.csv"));
            Assert.That(rows[0]["condition"].S, Is.EqualTo("RetriesExhausted"));
            Assert.That(JsonDocument.Parse(rows[0]["dlqMessageBody"].S).RootElement.GetProperty("requestPayload")
                .GetProperty("Records").GetArrayLength(), Is.EqualTo(1), "the whole record is kept");
        });
    }
}
