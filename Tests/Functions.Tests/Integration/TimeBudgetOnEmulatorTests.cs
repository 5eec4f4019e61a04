using System.Diagnostics;
using Amazon.DynamoDBv2.Model;
using OrdersPipeline.Emulator;
using OrdersPipeline.Functions.Audit;
using OrdersPipeline.Functions.Processor;
using OrdersPipeline.Functions.Tests.Support;
using OrdersPipeline.Functions.Timing;
using OrdersPipeline.Infra.Definitions;

namespace OrdersPipeline.Functions.Tests.Integration;

/// <summary>
/// The processor's time budget against a real SDK client and a real bucket, through a proxy that makes S3 slow,
/// failing or hung for chosen keys, with a short <c>RemainingTime</c>: the batch ends in time and every record that
/// is not in the bucket is reported.
/// </summary>
[Category("Integration")]
public sealed class TimeBudgetOnEmulatorTests
{
    [Test]
    public async Task With_a_slow_failing_and_hanging_endpoint_the_batch_ends_in_time_and_reports_every_unfinished_record()
    {
        var emulator = EmulatorFixture.Emulator;
        var resources = await PipelineResources.CreateAsync(emulator, PipelineNames.Unique("tb"));
        using var dynamoDb = emulator.DynamoDb();
        using var directS3 = emulator.S3();
        var ids = Enumerable.Range(1, 16).Select(i => $"o-{i:D2}").Append("fail-1").Append("hang-1").ToList();
        foreach (var id in ids)
        {
            await dynamoDb.PutItemAsync(resources.Names.OrdersTable, new Dictionary<string, AttributeValue>
            {
                [PipelineDefaults.OrdersTableHashKey] = new() { S = id },
            });
        }
        var records = await emulator.Streams.ReadNewAsync(resources.StreamArn);

        // Every PUT is slow (200 ms); fail-1 answers 500; hang-1 never answers within the client's timeout.
        await using var proxy = FaultInjectingProxy.Start(emulator.Endpoint, request => request switch
        {
            { Method: "PUT", Path: var path } when path.EndsWith("/fail-1.json") => new ProxyFault(TimeSpan.Zero, Status: 500),
            { Method: "PUT", Path: var path } when path.EndsWith("/hang-1.json") => new ProxyFault(TimeSpan.FromSeconds(30)),
            { Method: "PUT" } => new ProxyFault(TimeSpan.FromMilliseconds(200)),
            _ => ProxyFault.None,
        });
        var sdk = new SdkCallPolicy(MaxAttempts: 1, AttemptTimeout: TimeSpan.FromMilliseconds(500));
        var budget = new TimeBudgetPolicy(sdk, Margin: TimeSpan.FromMilliseconds(200));
        using var slowS3 = AwsEmulator.S3(proxy.Endpoint, sdk);
        var log = new CapturedLog();
        var processor = new ProcessorService(slowS3, resources.ProcessorSettings with { MaxConcurrency = 2 }, TimeProvider.System,
            log.Log, budget);
        var changes = StreamRecordEnvelope.Changes(records);
        var remaining = TimeSpan.FromSeconds(2);

        var clock = Stopwatch.StartNew();
        var outcome = await processor.HandleAsync(changes, Invocations.Create(remaining));
        var elapsed = clock.Elapsed;

        var reported = outcome.FailedSequenceNumbers.ToHashSet();
        var written = (await ProcessedObjects.ReadAllVersionsAsync(directS3, resources.Names.Bucket)).Select(v => v.SequenceNumber).ToHashSet();
        string Sequence(string id) => records.Single(r => r.LambdaRecord["dynamodb"]!["Keys"]![PipelineDefaults.OrdersTableHashKey]!["S"]!
            .GetValue<string>() == id).SequenceNumber;
        Assert.Multiple(() =>
        {
            Assert.That(elapsed, Is.LessThan(remaining), "the batch ends before the deadline");
            Assert.That(records.Select(r => r.SequenceNumber).Where(s => !written.Contains(s) && !reported.Contains(s)), Is.Empty,
                "every record is in the bucket or reported");
            Assert.That(reported, Does.Contain(Sequence("fail-1")).And.Contain(Sequence("hang-1")));
            Assert.That(written, Is.Not.Empty, "writes started while there was time");
            Assert.That(log.WithMessage("stream record deferred"), Is.Not.Empty, "later writes were not started");
            Assert.That(proxy.Requests, Is.LessThan(records.Count), "not every record got a write");
        });
    }

    [Test]
    public async Task With_a_hung_dynamodb_endpoint_the_audit_batch_ends_in_time_and_reports_every_message()
    {
        var emulator = EmulatorFixture.Emulator;
        var resources = await PipelineResources.CreateAsync(emulator, PipelineNames.Unique("tba"));
        var body = SampleEvents.FirstMessageBody("sqs-dlq-event.json");
        var messages = Enumerable.Range(1, 6)
            .Select(i => new QueueMessage($"m-{i}", body, new Dictionary<string, string>(), EventSource: "aws:sqs"))
            .ToList();

        // Every DynamoDB call waits 3 s, longer than the client's 500 ms per attempt.
        await using var proxy = FaultInjectingProxy.Start(emulator.Endpoint, _ => new ProxyFault(TimeSpan.FromSeconds(3)));
        var sdk = new SdkCallPolicy(MaxAttempts: 1, AttemptTimeout: TimeSpan.FromMilliseconds(500));
        using var hungDynamoDb = AwsEmulator.DynamoDb(proxy.Endpoint, sdk);
        var log = new CapturedLog();
        var audit = new AuditService(hungDynamoDb, resources.AuditSettings, TimeProvider.System, log.Log,
            new TimeBudgetPolicy(sdk, Margin: TimeSpan.FromMilliseconds(200)));
        var remaining = TimeSpan.FromSeconds(2);

        var clock = Stopwatch.StartNew();
        var failed = await audit.HandleAsync(messages, Invocations.Create(remaining));
        var elapsed = clock.Elapsed;

        Assert.Multiple(() =>
        {
            Assert.That(elapsed, Is.LessThan(remaining), "the batch ends before the deadline");
            Assert.That(failed, Is.EquivalentTo(messages.Select(m => m.MessageId)),
                "no message was stored in time, so every one is reported");
            Assert.That(log.WithMessage("audit write failed"), Has.Count.EqualTo(6));
        });
    }
}
