using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OrdersPipeline.Benchmarks;

internal sealed record RunEnvironment(string Runtime, int ProcessorCount, string GcMode);

/// <summary>One further measurement in the report: its text block and its property in the JSON summary.</summary>
internal interface IReportSection
{
    void WriteText(StringBuilder text);

    void WriteJson(Utf8JsonWriter json);
}

/// <summary>The human-readable result and the one-line JSON summary.</summary>
internal sealed class Report(
    BenchmarkOptions options, RunEnvironment environment, Workload workload, CpuResult cpu, ThroughputResult? throughput)
{
    public const double RatioTarget = 0.9;

    /// <summary>Ceilings per record for building its document (issue 18). A record's share of a batch is about
    /// 3,000 µs of wall time waiting on S3, so 50 µs keeps the core's CPU under ~2 % of it; the ceilings catch a
    /// regression by a multiple rather than chase microseconds.</summary>
    public const double MicrosPerRecordCeiling = 50;
    public const double BytesPerRecordCeiling = 64 * 1024;

    /// <summary>Judged on thread CPU time: a stopwatch also counts the time a busy machine keeps the thread waiting.</summary>
    private bool CpuPass => cpu.ThreadCpuMicrosPerRecord.Median <= MicrosPerRecordCeiling;

    private bool BytesPass => cpu.BytesPerRecord.Median <= BytesPerRecordCeiling;

    private bool? RatioPass => throughput is null ? null : throughput.Ratio >= RatioTarget;

    /// <summary>Further measurements, each printed after the ones above (new measurements go in their own files).</summary>
    public IReadOnlyList<IReportSection> Sections { get; init; } = [];

    public void WriteText(TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"orders-pipeline benchmark  (.NET {environment.Runtime}, {environment.ProcessorCount} cores, {environment.GcMode} GC)");
        text.AppendLine(c, $"workload: N={workload.Records} records ({workload.Inserts} INSERT, {workload.Modifies} MODIFY), distinct keys, " +
                           $"batches of {options.BatchSize}");
        text.AppendLine(c, $"  avg item size: {workload.AverageNewImageJsonBytes:F0} B NewImage as DynamoDB JSON " +
                           $"(~{workload.AverageItemSizeBytes:F0} B by DynamoDB sizing rules); " +
                           $"{workload.AverageEventBytesPerRecord:F0} B event JSON/record; {cpu.AverageDocumentBytes:F0} B document/record");
        text.AppendLine();
        text.AppendLine(c, $"(b) CPU, convert + enrich + serialize from the SDK's stream records, no I/O, 1 thread " +
                           $"(median of {options.CpuRounds} rounds, each {cpu.PassesPerRound} passes over N, after " +
                           $"{cpu.WarmupRounds} warm-up passes):");
        text.AppendLine(c, $"  {cpu.ThreadCpuMicrosPerRecord.Median,8:F2} µs/record thread CPU  [min {cpu.ThreadCpuMicrosPerRecord.Min:F2}, " +
                           $"max {cpu.ThreadCpuMicrosPerRecord.Max:F2}]{(ThreadCpuTime.IsThreadCpuClock ? "" : " (no thread clock: wall time)")}");
        text.AppendLine(c, $"  {cpu.MicrosPerRecord.Median,8:F2} µs/record wall  [min {cpu.MicrosPerRecord.Min:F2}, max {cpu.MicrosPerRecord.Max:F2}]");
        text.AppendLine(c, $"  {cpu.BytesPerRecord.Median,8:N0} B allocated/record");
        text.AppendLine(c, $"  ceiling ≤ {MicrosPerRecordCeiling} µs/record (thread CPU): {(CpuPass ? "PASS" : "MISS")}");
        text.AppendLine(c, $"  ceiling ≤ {BytesPerRecordCeiling / 1024} KB allocated/record: {(BytesPass ? "PASS" : "MISS")}");
        text.AppendLine();
        if (throughput is null)
        {
            text.AppendLine("(a) throughput: skipped (--cpu-only)");
        }
        else
        {
            text.AppendLine(c, $"(a) throughput at concurrency C={options.Concurrency} on {throughput.Emulator} " +
                               $"(median of {options.Rounds} alternating rounds):");
            text.AppendLine(c, $"  raw PutObject      {throughput.Raw.Median,10:N0} records/s  [min {throughput.Raw.Min:N0}, max {throughput.Raw.Max:N0}]");
            text.AppendLine(c, $"  processor          {throughput.Processor.Median,10:N0} records/s  [min {throughput.Processor.Min:N0}, max {throughput.Processor.Max:N0}]");
            foreach (var (name, stats) in throughput.Diagnostics)
            {
                text.AppendLine(c, $"  {name,-18} {stats.Median,10:N0} records/s  [min {stats.Min:N0}, max {stats.Max:N0}]  (diagnostic)");
            }

            text.AppendLine(c, $"  ratio processor/raw {throughput.Ratio:F3}  (per-round pairs: median {throughput.PairedRatio.Median:F3}, " +
                               $"min {throughput.PairedRatio.Min:F3}, max {throughput.PairedRatio.Max:F3})");
            text.AppendLine(c, $"  target ≥ {RatioTarget}: {(RatioPass == true ? "PASS" : "MISS")}");
        }
        foreach (var section in Sections)
        {
            text.AppendLine();
            section.WriteText(text);
        }
        output.Write(text.ToString());
    }

    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("runtime", environment.Runtime);
            json.WriteNumber("processorCount", environment.ProcessorCount);
            json.WriteNumber("records", workload.Records);
            json.WriteNumber("inserts", workload.Inserts);
            json.WriteNumber("modifies", workload.Modifies);
            json.WriteNumber("batchSize", options.BatchSize);
            json.WriteNumber("concurrency", options.Concurrency);
            json.WriteNumber("seed", options.Seed);
            json.WriteNumber("avgNewImageJsonBytes", Math.Round(workload.AverageNewImageJsonBytes, 1));
            json.WriteNumber("avgItemSizeBytes", Math.Round(workload.AverageItemSizeBytes, 1));
            json.WriteNumber("avgEventBytesPerRecord", Math.Round(workload.AverageEventBytesPerRecord, 1));
            json.WriteNumber("avgDocumentBytes", Math.Round(cpu.AverageDocumentBytes, 1));

            json.WriteStartObject("cpu");
            json.WriteNumber("rounds", options.CpuRounds);
            WriteStats(json, "microsPerRecord", cpu.MicrosPerRecord, 3);
            WriteStats(json, "threadCpuMicrosPerRecord", cpu.ThreadCpuMicrosPerRecord, 3);
            json.WriteNumber("ceilingBytesPerRecord", BytesPerRecordCeiling);
            json.WriteString("bytesResult", BytesPass ? "PASS" : "MISS");
            WriteStats(json, "allocatedBytesPerRecord", cpu.BytesPerRecord, 0);
            json.WriteNumber("ceilingMicrosPerRecord", MicrosPerRecordCeiling);
            json.WriteString("result", CpuPass ? "PASS" : "MISS");
            json.WriteEndObject();

            if (throughput is null)
            {
                json.WriteNull("throughput");
            }
            else
            {
                json.WriteStartObject("throughput");
                json.WriteString("emulator", throughput.Emulator);
                json.WriteNumber("rounds", options.Rounds);
                WriteStats(json, "rawRecordsPerSecond", throughput.Raw, 1);
                WriteStats(json, "processorRecordsPerSecond", throughput.Processor, 1);
                foreach (var (name, stats) in throughput.Diagnostics)
                {
                    WriteStats(json, name + "RecordsPerSecond", stats, 1);
                }

                json.WriteNumber("ratio", Math.Round(throughput.Ratio, 4));
                WriteStats(json, "pairedRatio", throughput.PairedRatio, 4);
                json.WriteNumber("targetRatio", RatioTarget);
                json.WriteString("result", RatioPass == true ? "PASS" : "MISS");
                json.WriteEndObject();
            }
            foreach (var section in Sections)
            {
                section.WriteJson(json);
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    internal static void WriteStats(Utf8JsonWriter json, string name, Stats stats, int digits)
    {
        json.WriteStartObject(name);
        json.WriteNumber("median", Math.Round(stats.Median, digits));
        json.WriteNumber("min", Math.Round(stats.Min, digits));
        json.WriteNumber("max", Math.Round(stats.Max, digits));
        json.WriteStartArray("samples");
        foreach (var sample in stats.Samples)
        {
            json.WriteNumberValue(Math.Round(sample, digits));
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
