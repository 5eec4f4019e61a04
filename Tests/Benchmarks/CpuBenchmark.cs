using System.Diagnostics;
using OrdersPipeline.Functions.Processor;

namespace OrdersPipeline.Benchmarks;

/// <summary>Per-record cost of one round of building documents.</summary>
/// <param name="Micros">Stopwatch µs per record.</param>
/// <param name="ThreadCpuMicros">The same work on the thread's CPU clock (<see cref="ThreadCpuTime"/>): not inflated by
/// waiting for a core on a busy machine.</param>
/// <param name="Allocated">Bytes allocated per record on this thread.</param>
internal sealed record CpuSample(double Micros, double ThreadCpuMicros, double Allocated);

internal sealed record CpuResult(
    Stats MicrosPerRecord, Stats ThreadCpuMicrosPerRecord, Stats BytesPerRecord, double AverageDocumentBytes,
    int WarmupRounds, int PassesPerRound);

/// <summary>
/// (b) CPU per record for convert + enrich + serialize, no I/O, on one thread: the batch loop's build step
/// (<see cref="ProcessedDocumentBuilder.RecordId"/>, then <see cref="ProcessedDocumentBuilder.BuildPooled"/>) on every
/// record of the workload, which is read into <see cref="ChangeRecord"/>s beforehand (<see cref="ChangeRecordBatches"/>,
/// not timed). Warm-up runs until tiered JIT has settled.
/// </summary>
internal static class CpuBenchmark
{
    public static CpuResult Run(
        IReadOnlyList<IReadOnlyList<ChangeRecord>> batches, int records, int rounds, TimeSpan minimumWarmup)
    {
        var builder = new ProcessedDocumentBuilder("processed-data", StreamEventGenerator.KeyAttribute);

        // Tier-0 code is promoted after ~30 calls plus a background delay, and dynamic PGO re-jits hot methods
        // after that; run for a while so every method measured below is in its final form.
        var warmup = Stopwatch.StartNew();
        var warmupRounds = 0;
        long documentBytes = 0;
        while (warmupRounds < 10 || warmup.Elapsed < minimumWarmup)
        {
            (_, documentBytes) = RunOnce(batches, records, builder);
            warmupRounds++;
        }

        // Make each measured round long enough (>= ~250 ms) that timer resolution and scheduler noise vanish.
        var probe = Stopwatch.StartNew();
        RunOnce(batches, records, builder);
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
                var (sample, bytes) = RunOnce(batches, records, builder);
                if (bytes != documentBytes)
                {
                    throw new InvalidOperationException("The documents changed between rounds.");
                }

                parts.Add(sample);
            }
            samples.Add(new CpuSample(
                parts.Average(p => p.Micros), parts.Average(p => p.ThreadCpuMicros), parts.Average(p => p.Allocated)));
        }

        return new CpuResult(
            Stats.Of([.. samples.Select(s => s.Micros)]),
            Stats.Of([.. samples.Select(s => s.ThreadCpuMicros)]),
            Stats.Of([.. samples.Select(s => s.Allocated)]),
            (double)documentBytes / records,
            warmupRounds,
            passes);
    }

    /// <summary>One pass over the workload, batch after batch as the stream delivers them; each document is dropped
    /// once built.</summary>
    private static (CpuSample Sample, long DocumentBytes) RunOnce(
        IReadOnlyList<IReadOnlyList<ChangeRecord>> batches, int expectedRecords, ProcessedDocumentBuilder builder)
    {
        long documentBytes = 0;
        var records = 0;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpuStarted = ThreadCpuTime.Nanoseconds();
        var started = Stopwatch.GetTimestamp();
        foreach (var batch in batches)
        {
            foreach (var record in batch)
            {
                // As the batch loop does: the id for grouping, then the body into a pooled buffer, given back once
                // written.
                var document = builder.BuildPooled(record, builder.RecordId(record), OutputDigest.ProcessedAt);
                documentBytes += document.Length;
                document.Release();
                records++;
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpuNanoseconds = ThreadCpuTime.Nanoseconds() - cpuStarted;
        var bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        if (records != expectedRecords)
        {
            throw new InvalidOperationException($"Built {records} documents, expected {expectedRecords}.");
        }

        double n = records;
        return (new CpuSample(elapsed.TotalMicroseconds / n, cpuNanoseconds / 1000.0 / n, bytes / n), documentBytes);
    }
}
