using Amazon.DynamoDBv2.Model;
using OrdersPipeline.Demo;
using OrdersPipeline.Emulator;
using OrdersPipeline.Functions.Audit;
using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Functions.Logging;
using OrdersPipeline.Functions.Processor;

// Runs the data path end to end on a local AWS emulator: orders table → stream → processor → bucket, and
// failures → DLQ → audit function → audit table. Exit code 0 when every change is in S3 or audited.
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
    var store = new RefusingStore(new S3ProcessedObjectStore(s3, resources.Names.Bucket), id => id == OrderWriter.PoisonOrderId);
    var processor = new ProcessorFunction(store, new ProcessorSettings { BucketName = resources.Names.Bucket }, TimeProvider.System, log);
    var audit = new AuditFunction(dynamoDb, new AuditSettings { AuditTableName = resources.Names.AuditTable }, TimeProvider.System, log);
    var mappings = new StreamMappingSimulator(emulator, resources, processor.HandleAsync, audit.HandleAsync);

    var delivery = await mappings.DeliverStreamAsync();
    var audited = await mappings.DeliverDeadLetterQueueAsync();
    Console.WriteLine($"Stream: {delivery.Records.Count} records ({string.Join(", ", delivery.Records.GroupBy(r => r.EventName).Select(g => $"{g.Count()} {g.Key}"))}), " +
                      $"{delivery.Invocations} processor invocations, {delivery.SentToDeadLetterQueue.Count} sent to the DLQ, {audited} audited.");

    Console.WriteLine();
    Console.WriteLine($"Landed in s3://{resources.Names.Bucket}:");
    var landed = await ProcessedObjects.ReadAllVersionsAsync(s3, resources.Names.Bucket);
    // A retry starts again at the lowest failed record, so later records of that batch are written again:
    // the same key and content, one more version each time (at-least-once delivery).
    foreach (var write in landed.GroupBy(l => (l.Key, EventName: l.Metadata.GetProperty("eventName").GetString(), l.SequenceNumber))
                 .OrderBy(g => g.Key.Key, StringComparer.Ordinal).ThenBy(g => g.Key.SequenceNumber))
    {
        var copies = write.Count() > 1 ? $"  ×{write.Count()} (replayed by retries)" : "";
        Console.WriteLine($"  {write.Key.Key}  {write.Key.EventName,-6}  seq {write.Key.SequenceNumber}  {write.First().Size} bytes" +
                          $"{(write.Any(w => w.IsLatest) ? "  latest" : "")}{copies}");
    }
    var written = landed.Select(l => l.SequenceNumber).ToHashSet();

    Console.WriteLine();
    Console.WriteLine($"Audited in {resources.Names.AuditTable}:");
    var auditedSequences = new HashSet<string>();
    var rows = (await dynamoDb.ScanAsync(new ScanRequest { TableName = resources.Names.AuditTable })).Items ?? [];
    foreach (var row in rows)
    {
        auditedSequences.Add(row.GetValueOrDefault("startSequenceNumber")?.S ?? "");
        Console.WriteLine($"  {row["auditId"].S}  {row["failureType"].S}  seq {row.GetValueOrDefault("startSequenceNumber")?.S}..{row.GetValueOrDefault("endSequenceNumber")?.S}  at {row["timestamp"].S}");
    }

    var changes = delivery.Records.Where(r => r.EventName is "INSERT" or "MODIFY").Select(r => r.SequenceNumber).ToList();
    var lost = changes.Where(s => !written.Contains(s) && !auditedSequences.Contains(s)).ToList();
    Console.WriteLine();
    Console.WriteLine($"Reconciliation: {changes.Count} changes, {changes.Count(written.Contains)} in S3, " +
                      $"{changes.Count(auditedSequences.Contains)} audited, {lost.Count} lost; " +
                      $"{delivery.Records.Count - changes.Count} REMOVE record(s) write nothing.");
    return lost.Count == 0 ? 0 : 1;
}
catch (EmulatorUnavailableException error)
{
    Console.Error.WriteLine(error.Message);
    return 2;
}
