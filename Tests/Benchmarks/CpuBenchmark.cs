using System.Diagnostics;
using Amazon.Lambda.Core;
using Amazon.Lambda.DynamoDBEvents;
using Amazon.Lambda.Serialization.SystemTextJson;
using OrdersPipeline.Functions.Processor;
using OrdersPipeline.Functions.Serialization;

namespace OrdersPipeline.Benchmarks;

/// <summary>Per-record CPU of one round, split into parsing the events and building the documents.</summary>
internal sealed record CpuSample(double ParseMicros, double BuildMicros, double ParseAllocated, double BuildAllocated)
{
    /// <summary>The same work on the thread's CPU clock (<see cref="ThreadCpuTime"/>): not inflated by waiting for a
    /// core on a busy machine.</summary>
    public double ThreadCpuMicros { get; init; }

    public double TotalMicros => ParseMicros + BuildMicros;
    public double TotalAllocated => ParseAllocated + BuildAllocated;
}

internal sealed record CpuResult(
    Stats MicrosPerRecord, Stats ParseMicros, Stats BuildMicros, Stats BytesPerRecord, Stats ParseBytes, Stats BuildBytes,
    double AverageDocumentBytes, int WarmupRounds, int PassesPerRound)
{
    /// <summary>µs/record of thread CPU time (parse + build); the target is judged on this.</summary>
    public Stats ThreadCpuMicrosPerRecord { get; init; } = Stats.Of([0]);
}

/// <summary>
/// (b) CPU per record for convert + enrich + serialize, no I/O, on one thread: deserialize each event with the
/// handlers' Lambda serializer (as the runtime does before calling the handler), then
/// <see cref="ProcessedDocumentBuilder.Build"/> every record. Warm-up runs until tiered JIT has settled. With
/// <c>packageModel</c> the event is read by the plain package serializer into <c>AttributeValue</c> objects instead.
/// </summary>
internal static class CpuBenchmark
{
    private static readonly DateTimeOffset ProcessedAt = new(2026, 11, 21, 9, 30, 0, 123, TimeSpan.Zero);

    public static CpuResult Run(Workload workload, int rounds, TimeSpan minimumWarmup, bool packageModel)
    {
        ILambdaSerializer serializer = packageModel
            ? new SourceGeneratorLambdaJsonSerializer<FunctionsJsonContext>()
            : new FunctionsLambdaSerializer();
        var builder = new ProcessedDocumentBuilder("processed-data", StreamEventGenerator.KeyAttribute);

        // Tier-0 code is promoted after ~30 calls plus a background delay, and dynamic PGO re-jits hot methods
        // after that; run for a while so every method measured below is in its final form.
        var warmup = Stopwatch.StartNew();
        var warmupRounds = 0;
        long documentBytes = 0;
        while (warmupRounds < 10 || warmup.Elapsed < minimumWarmup)
        {
            (_, documentBytes) = RunOnce(workload, serializer, builder, packageModel);
            warmupRounds++;
        }

        // Make each measured round long enough (>= ~250 ms) that timer resolution and scheduler noise vanish.
        var probe = Stopwatch.StartNew();
        RunOnce(workload, serializer, builder, packageModel);
        var passes = (int)Math.Clamp(Math.Ceiling(0.25 / probe.Elapsed.TotalSeconds), 1, 1000);

        var samples = new List<CpuSample>(rounds);
        for (var round = 0; round < rounds; round++)
        {
            // Start every round from the same heap state so one round's garbage is not charged to the next.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var parts = new List<CpuSample>(passes);
            for (var pass = 0; pass < passes; pass++)
            {
                var (sample, bytes) = RunOnce(workload, serializer, builder, packageModel);
                if (bytes != documentBytes)
                {
                    throw new InvalidOperationException("The documents changed between rounds.");
                }

                parts.Add(sample);
            }
            samples.Add(new CpuSample(
                parts.Average(p => p.ParseMicros), parts.Average(p => p.BuildMicros),
                parts.Average(p => p.ParseAllocated), parts.Average(p => p.BuildAllocated))
            {
                ThreadCpuMicros = parts.Average(p => p.ThreadCpuMicros),
            });
        }

        return new CpuResult(
            Stats.Of([.. samples.Select(s => s.TotalMicros)]),
            Stats.Of([.. samples.Select(s => s.ParseMicros)]),
            Stats.Of([.. samples.Select(s => s.BuildMicros)]),
            Stats.Of([.. samples.Select(s => s.TotalAllocated)]),
            Stats.Of([.. samples.Select(s => s.ParseAllocated)]),
            Stats.Of([.. samples.Select(s => s.BuildAllocated)]),
            (double)documentBytes / workload.Records,
            warmupRounds,
            passes)
        {
            ThreadCpuMicrosPerRecord = Stats.Of([.. samples.Select(s => s.ThreadCpuMicros)]),
        };
    }

    /// <summary>
    /// One pass over the workload the way the handler goes: parse one event, build its records, drop them, next
    /// event. (Parsing everything first would keep N records alive and charge extra GC promotion to the build.)
    /// </summary>
    private static (CpuSample Sample, long DocumentBytes) RunOnce(
        Workload workload, ILambdaSerializer serializer, ProcessedDocumentBuilder builder, bool packageModel)
    {
        long parseTicks = 0, buildTicks = 0, parseBytes = 0, buildBytes = 0, documentBytes = 0;
        var records = 0;
        var cpuStarted = ThreadCpuTime.Nanoseconds();
        foreach (var batch in workload.Batches)
        {
            var allocated0 = GC.GetAllocatedBytesForCurrentThread();
            var started = Stopwatch.GetTimestamp();
            var streamEvent = serializer.Deserialize<DynamoDBEvent>(new MemoryStream(batch, writable: false))
                ?? throw new InvalidOperationException("A batch deserialized to null.");
            var parsed = Stopwatch.GetTimestamp();
            var allocated1 = GC.GetAllocatedBytesForCurrentThread();

            foreach (var record in streamEvent.Records)
            {
                // As the batch loop does: the id for grouping, then the body into a pooled buffer, given back once
                // written. (--package-model measures the plain Build of the code before issue 13.)
                if (packageModel)
                {
                    documentBytes += builder.Build(record, ProcessedAt).Body.Length;
                }
                else
                {
                    var document = builder.BuildPooled(record, builder.RecordId(record), ProcessedAt);
                    documentBytes += document.Length;
                    document.Release();
                }
                records++;
            }
            var built = Stopwatch.GetTimestamp();
            var allocated2 = GC.GetAllocatedBytesForCurrentThread();

            parseTicks += parsed - started;
            buildTicks += built - parsed;
            parseBytes += allocated1 - allocated0;
            buildBytes += allocated2 - allocated1;
        }

        var cpuNanoseconds = ThreadCpuTime.Nanoseconds() - cpuStarted;
        if (records != workload.Records)
        {
            throw new InvalidOperationException($"Parsed {records} records, expected {workload.Records}.");
        }

        double n = records;
        double MicrosPerRecord(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency / n;
        var sample = new CpuSample(MicrosPerRecord(parseTicks), MicrosPerRecord(buildTicks), parseBytes / n, buildBytes / n)
        {
            ThreadCpuMicros = cpuNanoseconds / 1000.0 / n,
        };
        return (sample, documentBytes);
    }
}
