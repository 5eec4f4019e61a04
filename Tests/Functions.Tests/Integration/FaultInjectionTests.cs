using System.Diagnostics;
using System.Globalization;
using OrdersPipeline.Emulator;
using OrdersPipeline.Functions.Audit;
using OrdersPipeline.Functions.Processor;
using OrdersPipeline.Functions.Tests.Support;
using OrdersPipeline.Functions.Timing;

namespace OrdersPipeline.Functions.Tests.Integration;

/// <summary>
/// The data path driven hard on the emulator (issue 9): seeded changes through the real table and stream, S3
/// behind a proxy that answers 503 at random and goes down completely for a window of processor invocations,
/// DynamoDB behind a proxy that fails audit writes (500, connection reset before the write, connection reset after
/// the write landed), poison records the processor must reject, processor invocations given too little time, and
/// audited DLQ messages delivered again. Afterwards every change is in S3 with exactly its document or inside an
/// audited range, no object's latest version is older than a settled change, and no DLQ message or range has two
/// audit rows. The seed is <see cref="DefaultSeed"/> unless <c>FAULT_TEST_SEED</c> names another; the run prints
/// its figures.
/// </summary>
[Category("Integration")]
[Category("Fault")]
public sealed class FaultInjectionTests
{
    public const int DefaultSeed = 9;

    private const int Changes = 1_000;
    private const int Keys = 150;

    /// <summary>Stream records per processor invocation: small, so a retry re-sends few records.</summary>
    private const int BatchSize = 10;

    /// <summary>The processor's S3 client: one attempt, so every injected 503 fails the record and the stream
    /// mapping's retry (not the SDK's) has to bring it in, in order.</summary>
    private static readonly SdkCallPolicy ProcessorSdk = new(MaxAttempts: 1, AttemptTimeout: TimeSpan.FromSeconds(1));

    /// <summary>The audit function's DynamoDB client: two attempts, so some messages are reported and come
    /// back.</summary>
    private static readonly SdkCallPolicy AuditSdk = new(MaxAttempts: 2, AttemptTimeout: TimeSpan.FromSeconds(1));

    private static readonly TimeBudgetPolicy ProcessorBudget =
        new(ProcessorSdk, Margin: TimeSpan.FromMilliseconds(200));

    [Test]
    public async Task Under_injected_faults_no_change_is_lost_none_lands_out_of_order_and_no_audit_row_is_duplicated()
    {
        var clock = Stopwatch.StartNew();
        var seed = Seed();
        var emulator = EmulatorFixture.Emulator;
        var resources = await PipelineResources.CreateAsync(emulator, PipelineNames.Unique("ft"));
        using var dynamoDb = emulator.DynamoDb();
        using var s3 = emulator.S3();
        var plan = new FaultPlan(seed, new FaultRates(
            S3Unavailable: 0.2,
            OutageFirstInvocation: 5,
            OutageInvocations: 6,
            AuditWriteFault: 0.2,
            ProcessorTimeout: 0.1,
            ShortRemainingTime: ProcessorBudget.StartReserve - TimeSpan.FromMilliseconds(20),
            ShortRemainingSpread: TimeSpan.FromMilliseconds(60),
            DeadLetterRedelivery: 0.3,
            S3LateWrite: LateWrites(),
            LateWriteDelay: ProcessorSdk.AttemptTimeout * 1.5));
        await using var s3Proxy = FaultInjectingProxy.Start(emulator.Endpoint, plan.S3Rule);
        await using var dynamoDbProxy = FaultInjectingProxy.Start(emulator.Endpoint, plan.DynamoDbRule);
        using var faultyS3 = AwsEmulator.S3(s3Proxy.Endpoint, ProcessorSdk);
        using var faultyDynamoDb = AwsEmulator.DynamoDb(dynamoDbProxy.Endpoint, AuditSdk);
        var log = new CapturedLog();
        var processor = new ProcessorService(faultyS3, resources.ProcessorSettings, TimeProvider.System, log.Log,
            ProcessorBudget);
        var audit = new AuditService(faultyDynamoDb, resources.AuditSettings, TimeProvider.System, log.Log,
            new TimeBudgetPolicy(AuditSdk, Margin: TimeSpan.FromMilliseconds(200)));
        var simulator = new StreamMappingSimulator(emulator, resources, processor.HandleAsync, audit.HandleAsync,
            maxRetryAttempts: 3, batchSize: BatchSize, faults: plan);

        var written = await new FaultWorkload(dynamoDb, resources.Names.OrdersTable, seed)
            .WriteAsync(Changes, Keys, poisonRate: 0.03, deleteRate: 0.02);
        var writeTime = clock.Elapsed;
        TestContext.Progress.WriteLine($"fault test: {written.Total} changes written in {writeTime.TotalSeconds:F1} s");
        var stream = await simulator.DeliverStreamAsync();
        TestContext.Progress.WriteLine($"fault test: stream delivered at {clock.Elapsed.TotalSeconds:F1} s");
        var deadLetters = await simulator.DrainDeadLetterQueueAsync();
        var driveTime = clock.Elapsed - writeTime;
        var result = await Reconciliation.ReadAsync(s3, dynamoDb, resources, stream.Records);
        var settings = resources.ProcessorSettings;
        var builder = new ProcessedDocumentBuilder(settings.KeyPrefix, settings.KeyAttribute);
        var mismatches = result.ContentMismatches(builder);
        var elapsed = clock.Elapsed;

        Print(seed, written, plan, stream, deadLetters, result, mismatches.Count, log, writeTime, driveTime, elapsed);
        Assert.Multiple(() =>
        {
            Assert.That(stream.Records, Has.Count.EqualTo(written.Total), "every write reached the stream");
            Assert.That(result.Lost, Is.Empty, "every change is in S3 or inside an audited range");
            Assert.That(mismatches, Is.Empty, "every object version is exactly the document of its change");
            Assert.That(result.OutOfOrder, Is.Empty, "no object's latest version is older than a settled change");
            Assert.That(result.DuplicateAuditRows, Is.Empty, "one audit row per DLQ message and range");
            Assert.That(result.AuditRows, Has.Count.EqualTo(stream.SentToDeadLetterQueue.Count),
                "one audit row per on-failure record");
            Assert.That(deadLetters.Audited, Is.EqualTo(stream.SentToDeadLetterQueue.Count), "the DLQ drained");
            Assert.That(written.Poison, Is.Positive, "poison records were written");
            Assert.That(stream.Retries, Is.Positive, "the mapping retried batches");
            Assert.That(deadLetters.Redelivered, Is.Positive, "audited messages were delivered again");
            foreach (var kind in new[]
            {
                FaultPlan.S3Unavailable, FaultPlan.S3Outage, FaultPlan.AuditStatus500, FaultPlan.AuditResetBefore,
                FaultPlan.AuditResetAfter, FaultPlan.ProcessorTimeout,
            })
            {
                Assert.That(plan.Count(kind), Is.Positive, $"injected: {kind}");
            }
            Assert.That(elapsed, Is.LessThan(TimeSpan.FromMinutes(3)), "the run stays bounded");
        });
    }

    /// <summary>
    /// <c>FAULT_TEST_LATE_S3_WRITES</c>: the chance that a PutObject lands only after the processor's client gave up
    /// on it (0 unless set). Such a write can overtake the retried, newer change of its key (docs/architecture.md,
    /// "Reliability").
    /// </summary>
    private static double LateWrites()
    {
        var configured = Environment.GetEnvironmentVariable("FAULT_TEST_LATE_S3_WRITES");
        if (string.IsNullOrEmpty(configured))
        {
            return 0;
        }
        if (!double.TryParse(configured, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) ||
            rate is < 0 or > 1)
        {
            Assert.Fail($"FAULT_TEST_LATE_S3_WRITES '{configured}' is not a chance from 0 to 1.");
        }
        return rate;
    }

    private static int Seed()
    {
        var configured = Environment.GetEnvironmentVariable("FAULT_TEST_SEED");
        if (string.IsNullOrEmpty(configured))
        {
            return DefaultSeed;
        }
        if (!int.TryParse(configured, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed))
        {
            Assert.Fail($"FAULT_TEST_SEED '{configured}' is not an integer.");
        }
        return seed;
    }

    private static void Print(
        int seed, WorkloadCounts written, FaultPlan plan, StreamMappingSimulator.DeliveryReport stream,
        StreamMappingSimulator.DeadLetterReport deadLetters, Reconciliation result, int mismatches, CapturedLog log,
        TimeSpan writeTime, TimeSpan driveTime, TimeSpan elapsed)
    {
        var lines = log.Lines;
        int Logged(string message) => lines.Count(l => l.GetProperty("message").GetString() == message);
        var output = TestContext.Progress;
        output.WriteLine($"Fault test, seed {seed} (FAULT_TEST_SEED overrides)" +
            (plan.Rates.S3LateWrite > 0 ? $", late S3 writes {plan.Rates.S3LateWrite}:" : ":"));
        output.WriteLine($"  written: {written.Total} changes ({written.Inserts} inserts, {written.Updates} updates, " +
            $"{written.Deletes} deletes; {written.Poison} poison) in {writeTime.TotalSeconds:F1} s");
        output.WriteLine("  faults injected: " + string.Join(", ",
            plan.Injected.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}")));
        output.WriteLine($"  processor: {stream.Invocations} invocations, {stream.Retries} retries, " +
            $"{Logged("stream record failed")} record failures, {Logged("stream record deferred")} deferred, " +
            $"{stream.SentToDeadLetterQueue.Count} sent to the DLQ");
        output.WriteLine($"  audit: {deadLetters.Invocations} invocations, {deadLetters.Deliveries} deliveries, " +
            $"{deadLetters.Reported} reported and delivered again, {deadLetters.Redelivered} redelivered after " +
            $"auditing, {Logged("audit item already stored (redelivery)")} found already stored, " +
            $"{deadLetters.Audited} audited, {result.AuditRows.Count} rows");
        output.WriteLine($"  reconciled: {result.Changes.Count} changes, {result.ChangesWritten} in S3 " +
            $"({result.Versions.Count} object versions), {result.ChangesAudited} audited " +
            $"({result.WrittenAndAudited.Count} both), {result.Filtered} deletes filtered");
        output.WriteLine($"  {result.Lost.Count} lost, {result.OutOfOrder.Count} out of order, " +
            $"{result.DuplicateAuditRows.Count} duplicate audit rows, {mismatches} content mismatches");
        output.WriteLine($"  elapsed {elapsed.TotalSeconds:F1} s (writes {writeTime.TotalSeconds:F1} s, " +
            $"delivery {driveTime.TotalSeconds:F1} s, reconciliation " +
            $"{(elapsed - writeTime - driveTime).TotalSeconds:F1} s)");
        foreach (var problem in result.Lost.Select(s => $"lost: seq {s}").Concat(result.OutOfOrder)
            .Concat(result.DuplicateAuditRows).Take(20))
        {
            output.WriteLine("  " + problem);
        }
    }
}
