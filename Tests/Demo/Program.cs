using OrdersPipeline.Demo;
using OrdersPipeline.Emulator;
using OrdersPipeline.Functions.Audit;
using OrdersPipeline.Functions.Logging;
using OrdersPipeline.Functions.Processor;
using OrdersPipeline.Infra.Definitions;

// Runs the data path end to end on a local AWS emulator: orders (written directly, and sent through the HTTP and file
// doors) → orders table → stream → processor → bucket, and failures → DLQ → audit function → audit table. Exit code 0
// when every change is in S3 or audited, and every order the doors accepted or rejected is accounted for.
try
{
    await using var emulator = await AwsEmulator.StartAsync();
    Console.WriteLine($"Emulator: {emulator.Description}");

    var resources = await PipelineResources.CreateAsync(emulator, PipelineNames.Unique("local"));
    Console.WriteLine($"Created table {resources.Names.OrdersTable} (stream NEW_AND_OLD_IMAGES), versioned bucket " +
                      $"{resources.Names.Bucket}, audit table {resources.Names.AuditTable}, DLQ {resources.Names.DeadLetterQueue}");

    using var s3 = emulator.S3();
    using var dynamoDb = emulator.DynamoDb();
    await new OrderWriter(dynamoDb, resources.Names.OrdersTable).WriteSampleOrdersAsync();
    Console.WriteLine($"Wrote orders: 4 inserts, 1 update, 1 delete. Writes of {OrderWriter.PoisonOrderId} are refused (injected failure).");

    var log = args.Contains("--verbose") ? JsonLog.Console : new JsonLog(TextWriter.Null);

    // Both front doors (docs/ingest.md): orders handed to them as the Lambda layer does.
    var ingest = await IngestResources.CreateAsync(emulator, resources);
    var doors = new IngestSender(s3, dynamoDb, resources, ingest, log);
    await doors.SendAsync();
    Console.WriteLine($"Sent orders through the doors (drop bucket {ingest.DropBucket}, ingest log {ingest.IngestLogTable}):");
    doors.Lines.ForEach(Console.WriteLine);
    var store = new PoisonStore(new S3ProcessedObjectStore(s3, resources.Names.Bucket), id => id == OrderWriter.PoisonOrderId);
    var processor = new ProcessorService(store, resources.ProcessorSettings, TimeProvider.System, log);
    var audit = new AuditService(dynamoDb, resources.AuditSettings, TimeProvider.System, log);
    var mappings = new StreamMappingSimulator(emulator, resources, processor.HandleAsync, audit.HandleAsync);

    var delivery = await mappings.DeliverStreamAsync();
    var audited = await mappings.DeliverDeadLetterQueueAsync();
    Console.WriteLine($"Stream: {delivery.Records.Count} records ({string.Join(", ", delivery.Records.GroupBy(r => r.EventName).Select(g => $"{g.Count()} {g.Key}"))}), " +
                      $"{delivery.Invocations} processor invocations, {delivery.SentToDeadLetterQueue.Count} sent to the DLQ, {audited} audited.");

    Console.WriteLine();
    var reconciliation = await Reconciliation.ReadAsync(s3, dynamoDb, resources, delivery.Records);
    Console.WriteLine($"Landed in s3://{resources.Names.Bucket}:");
    // A retry starts again at the lowest failed record, so later records of that batch are written again:
    // the same key and content, one more version each time (at-least-once delivery).
    foreach (var write in reconciliation.Versions
                 .GroupBy(l => (l.Key, EventName: l.Metadata.GetProperty("eventName").GetString(), l.SequenceNumber))
                 .OrderBy(g => g.Key.Key, StringComparer.Ordinal).ThenBy(g => g.Key.SequenceNumber))
    {
        var copies = write.Count() > 1 ? $"  ×{write.Count()} (replayed by retries)" : "";
        Console.WriteLine($"  {write.Key.Key}  {write.Key.EventName,-6}  seq {write.Key.SequenceNumber}  {write.First().Size} bytes" +
                          $"{(write.Any(w => w.IsLatest) ? "  latest" : "")}{copies}");
    }

    Console.WriteLine();
    Console.WriteLine($"Audited in {resources.Names.AuditTable}:");
    foreach (var row in reconciliation.AuditRows)
    {
        Console.WriteLine($"  {row[PipelineDefaults.AuditTableHashKey].S}  {row[PipelineDefaults.AuditFailureTypeAttribute].S}  seq {row.GetValueOrDefault("startSequenceNumber")?.S}.." +
                          $"{row.GetValueOrDefault("endSequenceNumber")?.S}  at {row[PipelineDefaults.AuditTableRangeKey].S}");
    }

    Console.WriteLine();
    Console.WriteLine($"Reconciliation: {reconciliation.Summary}");
    var doorsReconciled = await IngestReconciliation.ReadAsync(s3, ingest.DropBucket, reconciliation, doors.Accepted,
        doors.RejectedByHttp, doors.Files);
    Console.WriteLine($"Doors: {doorsReconciled.Summary}");
    return reconciliation.Lost.Count == 0 && reconciliation.WrittenAndAudited.Count == 0 && doorsReconciled.Complete ? 0 : 1;
}
catch (EmulatorUnavailableException error)
{
    Console.Error.WriteLine(error.Message);
    return 2;
}
