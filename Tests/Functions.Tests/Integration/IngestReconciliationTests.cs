using OrdersPipeline.Emulator;
using OrdersPipeline.Functions.Audit;
using OrdersPipeline.Functions.Ingest.Files;
using OrdersPipeline.Functions.Ingest.Http;
using OrdersPipeline.Functions.Processor;
using OrdersPipeline.Functions.Tests.Ingest;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Integration;

/// <summary>Orders sent through both doors travel the whole pipeline: every accepted one reaches S3 (or the audit
/// table), every rejected one is a 400 or a line of a rejects file.</summary>
[Category("Integration")]
public sealed class IngestReconciliationTests
{
    [Test]
    public async Task Every_order_the_doors_accept_reaches_s3_and_every_rejected_one_is_accounted_for()
    {
        var emulator = EmulatorFixture.Emulator;
        var pipeline = await PipelineResources.CreateAsync(emulator, PipelineNames.Unique("recon"));
        var ingest = await IngestResources.CreateAsync(emulator, pipeline);
        using var s3 = emulator.S3();
        using var dynamoDb = emulator.DynamoDb();
        var log = new CapturedLog().Log;

        var http = new HttpIngestService(new DynamoDbOrderStore(dynamoDb, pipeline.Names.OrdersTable), TimeProvider.System, log);
        var statuses = new List<int>();
        foreach (var body in new[] { OrderJson.Valid("h-1"), OrderJson.Valid("h-1"), OrderJson.Valid("h-2"), "{\"orderId\":\"h-3\"}" })
        {
            var request = ApiGatewayRequests.PostOrder(body, Guid.NewGuid().ToString());
            statuses.Add((await http.HandleAsync(request, Invocations.Create())).StatusCode);
        }

        var content = OrderJson.Valid("f-1") + "\n" + OrderJson.Valid("f-2") + "\n{\"orderId\":\"f-3\"}\n";
        var notification = await ingest.DropAsync(s3, "recon.ndjson", content);
        var file = new FileIngestService(s3, dynamoDb, ingest.FileIngestSettings(), TimeProvider.System, log, TextWriter.Null);
        await file.HandleAsync([notification], Invocations.Create());

        var processor = new ProcessorService(new S3ProcessedObjectStore(s3, pipeline.Names.Bucket), pipeline.ProcessorSettings,
            TimeProvider.System, log);
        var audit = new AuditService(dynamoDb, pipeline.AuditSettings, TimeProvider.System, log);
        var delivery = await new StreamMappingSimulator(emulator, pipeline, processor.HandleAsync, audit.HandleAsync)
            .DeliverStreamAsync();
        var recon = await Reconciliation.ReadAsync(s3, dynamoDb, pipeline, delivery.Records);
        var doors = await IngestReconciliation.ReadAsync(s3, ingest.DropBucket, recon, ["h-1", "h-2", "f-1", "f-2"],
            rejectedByHttp: statuses.Count(s => s == 400), files: [("incoming/recon.ndjson", 1)]);

        Assert.Multiple(() =>
        {
            Assert.That(statuses, Is.EqualTo(new[] { 201, 200, 201, 400 }));
            Assert.That(doors.InS3, Is.EquivalentTo(new[] { "h-1", "h-2", "f-1", "f-2" }));
            Assert.That(doors.Lost, Is.Empty);
            Assert.That(doors.RejectsInFiles, Is.EqualTo(1));
            Assert.That(doors.Complete, Is.True);
            Assert.That(recon.Lost, Is.Empty);
        });
    }
}
