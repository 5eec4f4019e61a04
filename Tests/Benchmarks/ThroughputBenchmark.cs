using System.Diagnostics;
using Amazon.S3;
using Amazon.S3.Model;
using OrdersPipeline.Emulator;
using OrdersPipeline.Functions;
using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Functions.Logging;
using OrdersPipeline.Functions.Processor;
using OrdersPipeline.Functions.Timing;

namespace OrdersPipeline.Benchmarks;

internal sealed record ThroughputResult(
    string Emulator, Stats Raw, Stats Processor, Stats PairedRatio, IReadOnlyDictionary<string, Stats> Diagnostics)
{
    /// <summary>Processor records/s over raw PutObject records/s, both medians.</summary>
    public double Ratio => Processor.Median / Raw.Median;
}

/// <summary>
/// (a) On one emulator and one S3 client, the same documents written two ways at concurrency C:
/// raw <c>PutObjectAsync</c> of the pre-built bodies, and <see cref="ProcessorService.HandleAsync"/> on the
/// stream batches (MaxConcurrency = C, one batch at a time as a shard's event source mapping delivers them), each
/// batch's <see cref="ChangeRecord"/>s read from its event JSON beforehand, untimed.
/// Every run writes the workload's keys under a prefix of its own (<c>processed-data/run-N/…</c>), so each run
/// writes new changes: with conditional writes a second run of the same changes would be a replay and write
/// nothing. Runs alternate raw, processor, raw, processor… so drift in the emulator hits both alike.
/// </summary>
internal sealed class ThroughputBenchmark(
    Workload workload, IReadOnlyList<IReadOnlyList<ChangeRecord>> batches, BenchmarkOptions options, TextWriter progress)
{
    private const string KeyPrefix = "processed-data";

    public async Task<ThroughputResult> RunAsync()
    {
        await using var emulator = await AwsEmulator.StartAsync();
        progress.WriteLine($"emulator: {emulator.Description}");
        var resources = await PipelineResources.CreateAsync(emulator, PipelineNames.Unique("bench"));
        var bucket = resources.Names.Bucket;
        using var s3 = emulator.S3();

        var settings = new ProcessorSettings
        {
            BucketName = bucket,
            KeyAttribute = StreamEventGenerator.KeyAttribute,
            KeyPrefix = KeyPrefix,
            MaxConcurrency = options.Concurrency,
        };
        var quiet = new JsonLog(TextWriter.Null);
        var documents = BuildDocuments();

        var series = new List<(string Name, Func<Task> Run)>
        {
            ("raw", () => RawPutAsync(s3, bucket, documents, batched: false)),
            ("processor", () => InvokeAsync(new ProcessorService(s3, NextRun(settings), TimeProvider.System, quiet))),
        };
        if (options.Diagnose)
        {
            // Raw puts with the processor's batch barrier: separates "waits for the slowest put of each batch"
            // from "does more work per record".
            series.Add(("raw-batched", () => RawPutAsync(s3, bucket, documents, batched: true)));
            // The processor with a store that does nothing: the handler's own CPU ceiling at C.
            var noIo = new ProcessorService(new NullStore(), settings, TimeProvider.System, quiet);
            series.Add(("processor-no-io", () => InvokeAsync(noIo)));
        }

        foreach (var (name, run) in series)
        {
            var warm = await TimeAsync(run);
            progress.WriteLine($"warm-up {name,-16} {workload.Records / warm.TotalSeconds,10:N0} records/s");
        }

        var samples = series.ToDictionary(s => s.Name, _ => new List<double>());
        for (var round = 1; round <= options.Rounds; round++)
        {
            var line = $"round {round}/{options.Rounds}:";
            foreach (var (name, run) in series)
            {
                var rate = workload.Records / (await TimeAsync(run)).TotalSeconds;
                samples[name].Add(rate);
                line += $" {name} {rate:N0}";
            }
            progress.WriteLine(line + " records/s");
        }

        await VerifyAsync(s3, bucket);

        var paired = samples["processor"].Zip(samples["raw"], (p, r) => p / r).ToArray();
        return new ThroughputResult(
            emulator.Description,
            Stats.Of(samples["raw"]),
            Stats.Of(samples["processor"]),
            Stats.Of(paired),
            samples.Where(s => s.Key is not ("raw" or "processor")).ToDictionary(s => s.Key, s => Stats.Of(s.Value)));
    }

    /// <summary>The documents the processor writes, built once up front, so raw puts send the same bytes to the same
    /// keys.</summary>
    private List<ProcessedDocument> BuildDocuments()
    {
        var builder = new ProcessedDocumentBuilder(KeyPrefix, StreamEventGenerator.KeyAttribute);
        var documents = new List<ProcessedDocument>(workload.Records);
        foreach (var batch in batches)
        {
            documents.AddRange(batch.Select(record => builder.Build(record, OutputDigest.ProcessedAt)));
        }
        if (documents.Select(d => d.ObjectKey).Distinct(StringComparer.Ordinal).Count() != documents.Count)
        {
            throw new InvalidOperationException("The generated records do not have distinct object keys.");
        }

        return documents;
    }

    private int _runs;

    /// <summary>The settings of one processor run: its own key prefix.</summary>
    private ProcessorSettings NextRun(ProcessorSettings settings) =>
        settings with { KeyPrefix = $"{KeyPrefix}/run-{Interlocked.Increment(ref _runs)}" };

    private async Task RawPutAsync(IAmazonS3 s3, string bucket, List<ProcessedDocument> documents, bool batched)
    {
        var prefix = NextRun(new ProcessorSettings { BucketName = bucket }).KeyPrefix;
        var chunks = batched ? documents.Chunk(options.BatchSize) : [documents.ToArray()];
        foreach (var chunk in chunks)
        {
            await Parallel.ForEachAsync(chunk, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency },
                async (document, ct) =>
                {
                    // S3ProcessedObjectStore's request without its condition and metadata: a plain PutObject.
                    using var body = new MemoryStream(document.Body, writable: false);
                    await s3.PutObjectAsync(new PutObjectRequest
                    {
                        BucketName = bucket,
                        Key = prefix + document.ObjectKey[KeyPrefix.Length..],
                        InputStream = body,
                        ContentType = "application/json",
                        AutoCloseStream = false,
                    }, ct);
                });
        }
    }

    private async Task InvokeAsync(ProcessorService processor)
    {
        foreach (var batch in batches)
        {
            var outcome = await processor.HandleAsync(batch, Invocation);
            if (outcome.FailedSequenceNumbers.Count > 0)
            {
                throw new InvalidOperationException(
                    $"The processor reported {outcome.FailedSequenceNumbers.Count} failed records; " +
                    "a throughput benchmark needs every record written.");
            }
        }
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task> run)
    {
        var started = Stopwatch.GetTimestamp();
        await run();
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>Every record landed under its own key: the runs measured real writes.</summary>
    private async Task VerifyAsync(IAmazonS3 s3, string bucket)
    {
        var count = 0;
        string? token = null;
        do
        {
            var page = await s3.ListObjectsV2Async(new ListObjectsV2Request
            {
                BucketName = bucket, Prefix = KeyPrefix + "/", ContinuationToken = token,
            });
            count += page.S3Objects?.Count ?? 0;
            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        } while (token is not null);
        var expected = workload.Records * Volatile.Read(ref _runs);
        if (count != expected)
        {
            throw new InvalidOperationException(
                $"The bucket holds {count} objects under {KeyPrefix}/, expected {expected} ({_runs} runs of {workload.Records}).");
        }
    }

    /// <summary>Lambda's longest timeout, so the time budget never defers a record during a measurement.</summary>
    private static readonly Invocation Invocation = new(
        "benchmark", TimeSpan.FromSeconds(TimeBudgetPolicy.MaximumFunctionTimeoutSeconds), "processor-benchmark");

    private sealed class NullStore : IProcessedObjectStore
    {
        public Task<PutResult> PutAsync(ProcessedDocument document, ChangeRecord change, TimeBudget budget) =>
            Task.FromResult(PutResult.Stored);
    }
}
