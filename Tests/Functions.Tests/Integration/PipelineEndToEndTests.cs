using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using OrdersPipeline.Emulator;
using OrdersPipeline.Functions.Audit;
using OrdersPipeline.Functions.Processor;
using OrdersPipeline.Functions.Tests.Support;
using OrdersPipeline.Infra.Definitions;

namespace OrdersPipeline.Functions.Tests.Integration;

/// <summary>
/// The data path on the emulator: real table, real stream records, real bucket versions, real queue and audit
/// table. Only the event source mappings are simulated (the emulator cannot run Lambda).
/// </summary>
[Category("Integration")]
public sealed class PipelineEndToEndTests
{
    private AwsEmulator _emulator = null!;
    private PipelineResources _resources = null!;
    private IAmazonS3 _s3 = null!;
    private IAmazonDynamoDB _dynamoDb = null!;

    [SetUp]
    public async Task CreatePipelineAsync()
    {
        _emulator = EmulatorFixture.Emulator;
        _resources = await PipelineResources.CreateAsync(_emulator, PipelineNames.Unique("it"));
        _s3 = _emulator.S3();
        _dynamoDb = _emulator.DynamoDb();
    }

    [TearDown]
    public void DisposeClients()
    {
        _s3?.Dispose();
        _dynamoDb?.Dispose();
    }

    [Test]
    public async Task Inserts_and_updates_land_as_object_versions_and_deletes_write_nothing()
    {
        await PutOrderAsync("o-1", ("total", new AttributeValue { N = "12345678901234567890.123456789012345678" }));
        await PutOrderAsync("o-2", ("total", new AttributeValue { N = "5" }));
        await PutOrderAsync("a/b c", ("total", new AttributeValue { N = "1" }));
        await _dynamoDb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = _resources.Names.OrdersTable,
            Key = new() { [PipelineDefaults.OrdersTableHashKey] = new AttributeValue { S = "o-1" } },
            UpdateExpression = "SET paid = :p",
            ExpressionAttributeValues = new() { [":p"] = new AttributeValue { BOOL = true } },
        });
        await _dynamoDb.DeleteItemAsync(_resources.Names.OrdersTable,
            new() { [PipelineDefaults.OrdersTableHashKey] = new AttributeValue { S = "o-2" } });

        var report = await Simulator().DeliverStreamAsync();

        var versions = await ProcessedObjects.ReadAllVersionsAsync(_s3, _resources.Names.Bucket);
        var o1 = versions.Where(v => v.Key.EndsWith("/o-1.json")).ToList();
        var latest = o1.Single(v => v.IsLatest).Body;
        Assert.Multiple(() =>
        {
            Assert.That(report.Records.Select(r => r.EventName), Is.EqualTo(new[] { "INSERT", "INSERT", "INSERT", "MODIFY", "REMOVE" }));
            Assert.That(report.SentToDeadLetterQueue, Is.Empty);
            Assert.That(o1, Has.Count.EqualTo(2), "one version per change of o-1");
            Assert.That(versions.Count(v => v.Key.EndsWith("/o-2.json")), Is.EqualTo(1), "the delete writes nothing");
            Assert.That(versions.Count(v => v.Key.EndsWith("/a%2Fb%20c.json")), Is.EqualTo(1));
            Assert.That(versions.Select(v => v.Key), Is.All.Match(@"^processed-data/\d{4}/\d{2}/\d{2}/[^/]+\.json$"));
            Assert.That(latest.GetProperty("data").GetProperty("paid").GetBoolean(), Is.True);
            Assert.That(latest.GetProperty("data").GetProperty("total").GetRawText(), Is.EqualTo("12345678901234567890.123456789012345678"));
            Assert.That(latest.GetProperty("previous").TryGetProperty("paid", out _), Is.False);
            Assert.That(latest.GetProperty("metadata").GetProperty("changedAttributes")[0].GetString(), Is.EqualTo("paid"));
            Assert.That(latest.GetProperty("metadata").GetProperty("sourceTable").GetString(), Is.EqualTo(_resources.Names.OrdersTable));
            Assert.That(latest.GetProperty("metadata").GetProperty("sequenceNumber").GetString(),
                Is.EqualTo(report.Records.Single(r => r.EventName == "MODIFY").SequenceNumber));
        });
    }

    [Test]
    public async Task Records_whose_writes_keep_failing_are_audited_and_nothing_is_lost()
    {
        for (var i = 1; i <= 4; i++)
        {
            await PutOrderAsync($"o-{i}", ("total", new AttributeValue { N = $"{i}.5" }));
        }

        await PutOrderAsync("poison-1", ("total", new AttributeValue { N = "1" }));
        await PutOrderAsync("poison-2", ("total", new AttributeValue { N = "2" }));
        await PutOrderAsync("o-1", ("total", new AttributeValue { N = "9" }));
        await PutOrderAsync("poison-1", ("total", new AttributeValue { N = "3" }));

        // Writes of "poison-*" always fail, as if S3 refused them; everything else goes to the real bucket.
        var simulator = Simulator(id => id.StartsWith("poison-", StringComparison.Ordinal));

        var report = await simulator.DeliverStreamAsync();
        var audited = await simulator.DeliverDeadLetterQueueAsync();
        var auditRows = await AuditRowsAsync("RetryAttemptsExhausted");
        var reconciliation = await Reconciliation.ReadAsync(_s3, _dynamoDb, _resources, report.Records);

        Assert.Multiple(() =>
        {
            Assert.That(report.SentToDeadLetterQueue, Has.Count.EqualTo(3), "poison-1 twice, poison-2 once");
            Assert.That(audited, Is.EqualTo(3));
            Assert.That(auditRows, Has.Count.EqualTo(3));
            Assert.That(auditRows.Select(r => r["startSequenceNumber"].S), Is.EquivalentTo(report.SentToDeadLetterQueue));
            Assert.That(auditRows.Select(r => r["endSequenceNumber"].S), Is.EquivalentTo(report.SentToDeadLetterQueue));
            Assert.That(auditRows.Select(r => r["streamArn"].S), Is.All.EqualTo(_resources.StreamArn));
            Assert.That(reconciliation.AuditRows, Has.Count.EqualTo(3), "the audit table holds only these rows");
            Assert.That(reconciliation.Written, Has.Count.EqualTo(reconciliation.Changes.Count - 3));
            Assert.That(reconciliation.ChangesAudited, Is.EqualTo(3));
            Assert.That(reconciliation.Lost, Is.Empty, "every change is in S3 or audited");
            Assert.That(reconciliation.WrittenAndAudited, Is.Empty, "nothing is both written and audited");
        });
    }

    [Test]
    public async Task A_redelivered_dead_letter_is_audited_once()
    {
        var body = SampleEvents.FirstMessageBody("sqs-dlq-event.json");
        await _emulator.Sqs.SendMessageAsync(_resources.DeadLetterQueueUrl, body);
        await _emulator.Sqs.SendMessageAsync(_resources.DeadLetterQueueUrl, body);
        await _emulator.Sqs.SendMessageAsync(_resources.DeadLetterQueueUrl, "not a failure record");

        var audited = await Simulator().DeliverDeadLetterQueueAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(audited, Is.EqualTo(3), "all three messages succeed and leave the queue");
            Assert.That(await AuditRowsAsync("RetryAttemptsExhausted"), Has.Count.EqualTo(1));
            var unparseable = await AuditRowsAsync(FailureTypes.UnparseableMessage);
            Assert.That(unparseable.Single()["dlqMessageBody"].S, Is.EqualTo("not a failure record"));
        });
    }

    /// <param name="isPoison">Record ids whose writes always fail (<see cref="PoisonStore"/>); none by default.</param>
    private StreamMappingSimulator Simulator(Func<string, bool>? isPoison = null)
    {
        var log = new CapturedLog().Log;
        var store = new PoisonStore(new S3ProcessedObjectStore(_s3, _resources.Names.Bucket), isPoison ?? (_ => false));
        var processor = new ProcessorService(store, _resources.ProcessorSettings, TimeProvider.System, log);
        var audit = new AuditService(_dynamoDb, _resources.AuditSettings, TimeProvider.System, log);
        return new StreamMappingSimulator(_emulator, _resources, processor.HandleAsync, audit.HandleAsync);
    }

    private Task PutOrderAsync(string orderId, params (string Name, AttributeValue Value)[] attributes)
    {
        var item = new Dictionary<string, AttributeValue> { [PipelineDefaults.OrdersTableHashKey] = new() { S = orderId } };
        foreach (var (name, value) in attributes)
        {
            item[name] = value;
        }

        return _dynamoDb.PutItemAsync(_resources.Names.OrdersTable, item);
    }

    private async Task<List<Dictionary<string, AttributeValue>>> AuditRowsAsync(string failureType)
    {
        var response = await _dynamoDb.QueryAsync(new QueryRequest
        {
            TableName = _resources.Names.AuditTable,
            IndexName = PipelineDefaults.AuditFailureTypeIndex,
            KeyConditionExpression = "#type = :type",
            ExpressionAttributeNames = new() { ["#type"] = PipelineDefaults.AuditFailureTypeAttribute },
            ExpressionAttributeValues = new() { [":type"] = new AttributeValue { S = failureType } },
        });
        return response.Items ?? [];
    }
}
