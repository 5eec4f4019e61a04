using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using OrdersPipeline.Emulator;
using OrdersPipeline.Functions;
using OrdersPipeline.Functions.Audit;
using OrdersPipeline.Functions.Logging;

namespace OrdersPipeline.Benchmarks;

/// <summary>
/// (d) The audit function's core on the emulator: messages/s of <see cref="AuditService.HandleAsync"/> on SQS batches
/// of 10 <see cref="QueueMessage"/>s (the DLQ mapping's batch size; the service starts a batch's writes together, so its
/// concurrency is 10) against raw conditional <c>PutItem</c>s of the same items at the same concurrency, alternating;
/// and its CPU per message: single-thread CPU of mapping each message (no I/O), and the whole process's CPU during
/// the service's runs (SDK and HTTP included) per message.
/// </summary>
internal sealed record AuditResult(
    int Messages, int Concurrency, Stats Raw, Stats Function, Stats PairedRatio, Stats CpuMicrosPerMessage,
    Stats BytesPerMessage, Stats ProcessCpuMicrosPerMessage, string Emulator) : IReportSection
{
    public const double RatioTarget = 0.9;

    public double Ratio => Function.Median / Raw.Median;

    public void WriteText(StringBuilder text)
    {
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"(d) audit service, {Messages} messages in batches of 10, concurrency {Concurrency}, on {Emulator}:");
        text.AppendLine(c, $"  raw PutItem        {Raw.Median,10:N0} messages/s  [min {Raw.Min:N0}, max {Raw.Max:N0}]");
        text.AppendLine(c, $"  audit service      {Function.Median,10:N0} messages/s  [min {Function.Min:N0}, max {Function.Max:N0}]");
        text.AppendLine(c, $"  ratio service/raw  {Ratio:F3}  (per-round pairs: median {PairedRatio.Median:F3}, min {PairedRatio.Min:F3}, max {PairedRatio.Max:F3})");
        text.AppendLine(c, $"  target ≥ {RatioTarget}: {(Ratio >= RatioTarget ? "PASS" : "MISS")}");
        text.AppendLine(c, $"  CPU, map each message, no I/O, 1 thread: {CpuMicrosPerMessage.Median:F2} µs/message thread CPU " +
                           $"[min {CpuMicrosPerMessage.Min:F2}, max {CpuMicrosPerMessage.Max:F2}], {BytesPerMessage.Median:N0} B allocated/message");
        text.AppendLine(c, $"  CPU of this process during the service's runs (SDK, HTTP included): {ProcessCpuMicrosPerMessage.Median:F0} µs/message " +
                           $"[min {ProcessCpuMicrosPerMessage.Min:F0}, max {ProcessCpuMicrosPerMessage.Max:F0}]");
    }

    public void WriteJson(Utf8JsonWriter json)
    {
        json.WriteStartObject("audit");
        json.WriteNumber("messages", Messages);
        json.WriteNumber("concurrency", Concurrency);
        Report.WriteStats(json, "rawMessagesPerSecond", Raw, 1);
        Report.WriteStats(json, "functionMessagesPerSecond", Function, 1);
        Report.WriteStats(json, "pairedRatio", PairedRatio, 4);
        json.WriteNumber("ratio", Math.Round(Ratio, 4));
        json.WriteNumber("targetRatio", RatioTarget);
        json.WriteString("result", Ratio >= RatioTarget ? "PASS" : "MISS");
        Report.WriteStats(json, "threadCpuMicrosPerMessage", CpuMicrosPerMessage, 3);
        Report.WriteStats(json, "allocatedBytesPerMessage", BytesPerMessage, 0);
        Report.WriteStats(json, "processCpuMicrosPerMessage", ProcessCpuMicrosPerMessage, 1);
        json.WriteEndObject();
    }
}

internal static class AuditBenchmark
{
    private const int BatchSize = 10;

    public static async Task<AuditResult> RunAsync(
        AwsEmulator emulator, PipelineResources resources, int messages, int rounds, TextWriter progress)
    {
        using var dynamoDb = emulator.DynamoDb();
        var service = new AuditService(dynamoDb, resources.AuditSettings, TimeProvider.System, new JsonLog(TextWriter.Null));
        var batches = messages / BatchSize;
        var cpu = MeasureCpu(AuditEvents.Generate(batches, BatchSize, "cpu"));

        var raw = new List<double>();
        var handled = new List<double>();
        var processCpu = new List<double>();
        for (var round = 0; round <= rounds; round++)
        {
            // Fresh request ids every run, so every write is a new item.
            var rawEvents = AuditEvents.Generate(batches, BatchSize, $"raw-{round}");
            var items = rawEvents
                .SelectMany(batch => batch.Messages)
                .Select(m => AuditItemMapper.Map(m, DateTimeOffset.UtcNow))
                .ToList();
            var started = Stopwatch.GetTimestamp();
            await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = BatchSize }, async (item, ct) =>
                await new AuditWriter(dynamoDb, resources.Names.AuditTable).PutOnceAsync(item, ct));
            var rawRate = items.Count / Stopwatch.GetElapsedTime(started).TotalSeconds;

            var events = AuditEvents.Generate(batches, BatchSize, $"fn-{round}");
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            started = Stopwatch.GetTimestamp();
            foreach (var batch in events)
            {
                var failed = await service.HandleAsync(batch.Messages, NewInvocation());
                if (failed.Count != 0)
                {
                    throw new InvalidOperationException($"{failed.Count} audit writes failed.");
                }
            }
            var fnRate = messages / Stopwatch.GetElapsedTime(started).TotalSeconds;
            var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            if (round == 0)
            {
                progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"audit warm-up: raw {rawRate:N0}, service {fnRate:N0} messages/s"));
                continue;
            }
            raw.Add(rawRate);
            handled.Add(fnRate);
            processCpu.Add(cpuUsed.TotalMicroseconds / messages);
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"audit round {round}/{rounds}: raw {rawRate:N0}, service {fnRate:N0} messages/s"));
        }

        return new AuditResult(messages, BatchSize, Stats.Of(raw), Stats.Of(handled),
            Stats.Of([.. handled.Zip(raw, (f, r) => f / r)]), cpu.Micros, cpu.Bytes, Stats.Of(processCpu), emulator.Description);
    }

    /// <summary>Per message: map it to its audit item (parse the on-failure record, build the attributes).</summary>
    private static (Stats Micros, Stats Bytes) MeasureCpu(List<AuditBatch> events)
    {
        var count = events.Count * BatchSize;
        double Once()
        {
            var items = 0;
            foreach (var batch in events)
            {
                foreach (var message in batch.Messages)
                {
                    items += AuditItemMapper.Map(message, DateTimeOffset.UtcNow).Count;
                }
            }
            return items;
        }

        var warmup = Stopwatch.StartNew();
        while (warmup.Elapsed < TimeSpan.FromSeconds(2))
        {
            Once();
        }
        List<double> micros = [], bytes = [];
        for (var round = 0; round < 15; round++)
        {
            GC.Collect();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var started = ThreadCpuTime.Nanoseconds();
            Once();
            micros.Add((ThreadCpuTime.Nanoseconds() - started) / 1000.0 / count);
            bytes.Add((GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)count);
        }
        return (Stats.Of(micros), Stats.Of(bytes));
    }

    private static Invocation NewInvocation() => new(Guid.NewGuid().ToString(), TimeSpan.FromMinutes(15), "audit-benchmark");
}
