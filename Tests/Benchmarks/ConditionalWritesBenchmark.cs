using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using Amazon.S3.Model;
using OrdersPipeline.Emulator;
using OrdersPipeline.Functions;
using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Functions.Logging;
using OrdersPipeline.Functions.Processor;
using OrdersPipeline.Functions.Timing;

namespace OrdersPipeline.Benchmarks;

/// <summary>
/// Conditional writes (issue 21, <c>-- conditional</c>, see README.md "Conditional writes"): on one emulator and one
/// S3 client at concurrency C, records/s of <see cref="ProcessorService"/> against raw PutObject of the same
/// documents, for two workloads, and the S3 requests per change (counted through a proxy in an extra, untimed run
/// of each series).
/// <list type="bullet">
/// <item>INSERT-only: N new keys. Series: raw, the processor with conditional writes, and without.</item>
/// <item>MODIFY-heavy: N MODIFY records over N/10 keys that already hold an older change (10 changes per key, each
/// batch holding a key at most once). Series: raw; conditional with a warm cache (this environment wrote the keys
/// before: If-Match on the known ETag); conditional with a cold cache (another environment wrote them: the first
/// change of each key costs a failed If-None-Match, a HEAD and the If-Match put); without conditions.</item>
/// </list>
/// Every run writes under its own key prefix, so no run replays another's changes. Runs alternate series.
/// </summary>
internal static class ConditionalWritesBenchmark
{
    public const double InsertRatioTarget = 0.9;
    private const int ChangesPerKey = 10;
    private static readonly JsonLog Quiet = new(TextWriter.Null);

    private static readonly Invocation Invocation = new(
        "benchmark", TimeSpan.FromSeconds(TimeBudgetPolicy.MaximumFunctionTimeoutSeconds), "processor-benchmark");

    /// <summary>One series: seeds its keys (untimed), then runs the timed part, under a prefix.</summary>
    private sealed record Series(string Name, Func<IAmazonS3, string, Task<Func<Task>>> Prepare);

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = BenchmarkOptions.Parse(args);
        if (options.Help)
        {
            Console.WriteLine("Usage: dotnet run -c Release --project Tests/Benchmarks -- conditional " +
                "[--records N] [--rounds R] [--concurrency C] [--batch-size B] [--item-bytes S] [--seed S]");
            return 0;
        }
        var progress = Console.Error;
        await using var emulator = await AwsEmulator.StartAsync();
        progress.WriteLine($"emulator: {emulator.Description}");
        var resources = await PipelineResources.CreateAsync(emulator, PipelineNames.Unique("cond"));
        using var s3 = emulator.S3();
        var counts = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        await using var proxy = FaultInjectingProxy.Start(emulator.Endpoint, request =>
        {
            counts.AddOrUpdate(request.Method, 1, (_, n) => n + 1);
            return ProxyFault.None;
        });
        using var countedS3 = AwsEmulator.S3(proxy.Endpoint);
        var bench = new Bench(resources.Names.Bucket, options, progress);

        var inserts = ChangeRecordBatches.Read(StreamEventGenerator.Generate(
            options.Records, options.BatchSize, options.ItemBytes, modifyPercent: 0, options.Seed).Batches);
        var (seed, modifies) = ModifyHeavy(options);

        var insertSeries = new[]
        {
            bench.Raw(inserts),
            bench.Processor("conditional", inserts, seedBatches: null, conditional: true, warmCache: true),
            bench.Processor("unconditional", inserts, seedBatches: null, conditional: false, warmCache: true),
        };
        var modifySeries = new[]
        {
            bench.Raw(modifies),
            bench.Processor("conditional, warm cache", modifies, seed, conditional: true, warmCache: true),
            bench.Processor("conditional, cold cache", modifies, seed, conditional: true, warmCache: false),
            bench.Processor("unconditional", modifies, seed, conditional: false, warmCache: true),
        };

        var output = Console.Out;
        output.WriteLine($"orders-pipeline conditional-writes benchmark  (.NET {Environment.Version}, " +
            $"{Environment.ProcessorCount} cores; {emulator.Description})");
        output.WriteLine($"N={options.Records} records per run, C={options.Concurrency}, batches of {options.BatchSize}, " +
            $"~{options.ItemBytes} B items, {options.Rounds} rounds after one warm-up; requests counted in one more run");
        foreach (var (title, series) in new[] { ("INSERT-only (new keys)", insertSeries),
            ($"MODIFY-heavy ({options.Records / ChangesPerKey} existing keys, {ChangesPerKey} changes each)", modifySeries) })
        {
            progress.WriteLine($"{title}…");
            var rates = await bench.MeasureAsync(s3, series);
            output.WriteLine();
            output.WriteLine($"{title}:");
            var raw = rates[series[0].Name];
            foreach (var one in series)
            {
                await bench.CountAsync(countedS3, one, counts.Clear);
                var requests = string.Join(", ", counts.OrderBy(p => p.Key, StringComparer.Ordinal)
                    .Select(p => $"{p.Key} {(double)p.Value / options.Records:F2}"));
                var total = (double)counts.Values.Sum() / options.Records;
                var rate = rates[one.Name];
                var ratio = rate.Median / raw.Median;
                var verdict = one.Name == "conditional" && ReferenceEquals(series, insertSeries)
                    ? $"  target ≥ {InsertRatioTarget}: {(ratio >= InsertRatioTarget ? "PASS" : "MISS")}"
                    : "";
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {one.Name,-26} {rate.Median,7:N0} records/s [{rate.Min:N0}, {rate.Max:N0}]  ratio {ratio:F3}  " +
                    $"requests/change {total:F2} ({requests}){verdict}"));
            }
        }
        return 0;
    }

    /// <summary>N MODIFY records over N/10 keys (batch b holds each of its keys once), and one older INSERT per key to
    /// seed them; sequence numbers grow in stream order, all on one day so a key's changes share its object.</summary>
    private static (IReadOnlyList<IReadOnlyList<ChangeRecord>> Seed, IReadOnlyList<IReadOnlyList<ChangeRecord>> Modifies)
        ModifyHeavy(BenchmarkOptions options)
    {
        var keys = Math.Max(1, options.Records / ChangesPerKey);
        var day = new DateTime(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc);
        var modifies = Flatten(StreamEventGenerator.Generate(
            options.Records, options.BatchSize, options.ItemBytes, modifyPercent: 100, options.Seed));
        var inserts = Flatten(StreamEventGenerator.Generate(
            keys, options.BatchSize, options.ItemBytes, modifyPercent: 0, options.Seed + 1));
        var first = System.Numerics.BigInteger.Pow(10, 21);
        ChangeRecord Remap(ChangeRecord record, int key, System.Numerics.BigInteger sequence) => record with
        {
            Keys = new() { [StreamEventGenerator.KeyAttribute] = new AttributeValue { S = $"m-{key:D5}" } },
            SequenceNumber = sequence.ToString(CultureInfo.InvariantCulture),
            ApproximateCreationDateTime = day,
        };
        var seed = inserts.Select((r, k) => Remap(r, k, first + k)).Chunk(options.BatchSize)
            .Select(c => (IReadOnlyList<ChangeRecord>)c).ToList();
        var ordered = modifies.Select((r, i) => Remap(r, Slot(i, keys, options.BatchSize), first + keys + i)).ToList();
        var batches = ordered.Chunk(options.BatchSize).Select(c => (IReadOnlyList<ChangeRecord>)c).ToList();
        return (seed, batches);
    }

    /// <summary>Record i's key: batch after batch, each batch a run of distinct keys, wrapping over all keys.</summary>
    private static int Slot(int i, int keys, int batchSize) =>
        keys <= batchSize ? i % keys : (i / batchSize * batchSize % keys + i % batchSize) % keys;

    private static List<ChangeRecord> Flatten(Workload workload) =>
        [.. ChangeRecordBatches.Read(workload.Batches).SelectMany(b => b)];

    private sealed class Bench(string bucket, BenchmarkOptions options, TextWriter progress)
    {
        private int _runs;

        private ProcessorSettings Settings(string prefix, bool conditional) => new()
        {
            BucketName = bucket,
            KeyAttribute = StreamEventGenerator.KeyAttribute,
            KeyPrefix = prefix,
            MaxConcurrency = options.Concurrency,
            ConditionalWrites = conditional,
        };

        private string NextPrefix() => $"processed-data/cond-{Interlocked.Increment(ref _runs)}";

        /// <summary>Plain PutObject of the processor's documents at C, no barrier, no seeding.</summary>
        public Series Raw(IReadOnlyList<IReadOnlyList<ChangeRecord>> batches) => new("raw PutObject", (s3, prefix) =>
        {
            var builder = new ProcessedDocumentBuilder(prefix, StreamEventGenerator.KeyAttribute);
            var documents = batches.SelectMany(b => b).Select(r => builder.Build(r, OutputDigest.ProcessedAt)).ToList();
            Func<Task> run = () => Parallel.ForEachAsync(documents,
                new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency }, async (document, ct) =>
                {
                    using var body = new MemoryStream(document.Body, writable: false);
                    await s3.PutObjectAsync(new PutObjectRequest
                    {
                        BucketName = bucket, Key = document.ObjectKey, InputStream = body,
                        ContentType = "application/json", AutoCloseStream = false,
                    }, ct);
                });
            return Task.FromResult(run);
        });

        /// <param name="warmCache">The timed service is the one that wrote the seed (else a fresh one: another
        /// execution environment).</param>
        public Series Processor(string name, IReadOnlyList<IReadOnlyList<ChangeRecord>> batches,
            IReadOnlyList<IReadOnlyList<ChangeRecord>>? seedBatches, bool conditional, bool warmCache) =>
            new(name, async (s3, prefix) =>
            {
                var settings = Settings(prefix, conditional);
                var service = new ProcessorService(s3, settings, TimeProvider.System, Quiet);
                if (seedBatches is not null)
                {
                    await InvokeAsync(service, seedBatches, expectWritten: true);
                    if (!warmCache)
                    {
                        service = new ProcessorService(s3, settings, TimeProvider.System, Quiet);
                    }
                }
                return () => InvokeAsync(service, batches, expectWritten: true);
            });

        public async Task<Dictionary<string, Stats>> MeasureAsync(IAmazonS3 s3, IReadOnlyList<Series> series)
        {
            var samples = series.ToDictionary(s => s.Name, _ => new List<double>());
            for (var round = 0; round <= options.Rounds; round++)
            {
                var line = round == 0 ? "  warm-up:" : $"  round {round}/{options.Rounds}:";
                foreach (var one in series)
                {
                    var run = await one.Prepare(s3, NextPrefix());
                    var started = Stopwatch.GetTimestamp();
                    await run();
                    var rate = options.Records / Stopwatch.GetElapsedTime(started).TotalSeconds;
                    if (round > 0)
                    {
                        samples[one.Name].Add(rate);
                    }
                    line += $" {one.Name} {rate:N0};";
                }
                progress.WriteLine(line);
            }
            return samples.ToDictionary(s => s.Key, s => Stats.Of(s.Value));
        }

        /// <summary>One more run of the series on the counting client; the count covers only its timed part (the
        /// caller clears it after <see cref="Series.Prepare"/>).</summary>
        public async Task CountAsync(IAmazonS3 countedS3, Series series, Action? afterPrepare = null)
        {
            var run = await series.Prepare(countedS3, NextPrefix());
            afterPrepare?.Invoke();
            await run();
        }

        private static async Task InvokeAsync(
            ProcessorService service, IReadOnlyList<IReadOnlyList<ChangeRecord>> batches, bool expectWritten)
        {
            foreach (var batch in batches)
            {
                var outcome = await service.HandleAsync(batch, Invocation);
                if (outcome.FailedSequenceNumbers.Count > 0 || (expectWritten && outcome.Written != batch.Count))
                {
                    throw new InvalidOperationException(
                        $"The processor wrote {outcome.Written} of {batch.Count} records " +
                        $"({outcome.FailedSequenceNumbers.Count} failed, {outcome.AlreadyStored} already stored); " +
                        "every record of the benchmark is a new change.");
                }
            }
        }
    }
}
