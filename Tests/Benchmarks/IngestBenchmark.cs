using System.Diagnostics;
using System.Globalization;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using OrdersPipeline.Emulator;
using OrdersPipeline.Functions;
using OrdersPipeline.Functions.Ingest.Files;
using OrdersPipeline.Functions.Ingest.Http;
using OrdersPipeline.Functions.Ingest.Orders;
using OrdersPipeline.Functions.Logging;

namespace OrdersPipeline.Benchmarks;

/// <summary>
/// The ingest benchmark (<c>-- ingest</c>, see README.md): (a) file ingest throughput on the emulator, orders per
/// second of <see cref="FileIngestService"/> (read the object, parse, validate, BatchWriteItem, ingest log) against raw
/// <c>BatchWriteItem</c> of the same items at the same concurrency, target ratio ≥ 0.8; (b) the CPU per request of
/// <see cref="HttpIngestService"/> with a store that does no I/O, target ≤ 50 µs.
/// </summary>
internal static class IngestBenchmark
{
    public const double RatioTarget = 0.8;
    public const double MicrosPerRequestTarget = 50;

    public const string Usage = """
        Usage: dotnet run -c Release --project Tests/Benchmarks -- ingest [--orders N] [--rounds R] [--cpu-only]

          --orders N     orders in the dropped file per round (default 5000)
          --rounds R     measured throughput rounds, each one raw run and one service run (default 5)
          --cpu-only     skip the emulator and measure the HTTP door's CPU only
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        int orders = 5000, rounds = 5;
        var cpuOnly = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--orders" when i + 1 < args.Count && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0:
                    orders = n;
                    i++;
                    break;
                case "--rounds" when i + 1 < args.Count && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var r) && r > 0:
                    rounds = r;
                    i++;
                    break;
                case "--cpu-only":
                    cpuOnly = true;
                    break;
                default:
                    throw new UsageException($"Unknown or invalid ingest option '{args[i]}'.\n{Usage}");
            }
        }

        var output = Console.Out;
        output.WriteLine($"orders-pipeline ingest benchmark  (.NET {Environment.Version}, {Environment.ProcessorCount} cores)");
        var cpu = HttpCpu();
        output.WriteLine();
        output.WriteLine("(b) HTTP ingest service CPU per request, no I/O (store answers 201 at once), 1 thread, body ~" +
                         $"{cpu.BodyBytes} B with 3 items; process CPU time per request (median of {cpu.Cpu.Samples.Count} " +
                         $"rounds of {cpu.RequestsPerRound}), wall time beside it:");
        output.WriteLine($"  HttpIngestService.HandleAsync  {cpu.Cpu.Median,8:F2} µs CPU  [min {cpu.Cpu.Min:F2}, max {cpu.Cpu.Max:F2}]  wall {cpu.Wall.Median:F2} µs  {cpu.Bytes,8:N0} B allocated");
        output.WriteLine("  (the Lambda layer's event read and response write are not measured here: its packages do not restore)");
        output.WriteLine($"  target ≤ {MicrosPerRequestTarget} µs/request: {(cpu.Cpu.Median <= MicrosPerRequestTarget ? "PASS" : "MISS")}");

        if (cpuOnly)
        {
            output.WriteLine();
            output.WriteLine("(a) file ingest throughput: skipped (--cpu-only)");
            return 0;
        }

        var throughput = await FileThroughputAsync(orders, rounds, Console.Error);
        output.WriteLine();
        output.WriteLine($"(a) file ingest throughput, {orders} orders per NDJSON file (~{throughput.FileBytes / 1024} KB), BatchWriteItem " +
                         $"of 25 with {OrderBatchWriter.MaxInFlight} in flight, on {throughput.Emulator} (median of {rounds} alternating rounds):");
        output.WriteLine($"  raw BatchWriteItem   {throughput.Raw.Median,10:N0} orders/s  [min {throughput.Raw.Min:N0}, max {throughput.Raw.Max:N0}]");
        output.WriteLine($"  file ingest service  {throughput.Handler.Median,10:N0} orders/s  [min {throughput.Handler.Min:N0}, max {throughput.Handler.Max:N0}]");
        output.WriteLine($"  ratio service/raw {throughput.Ratio:F3}  (per-round pairs: median {throughput.Paired.Median:F3}, min {throughput.Paired.Min:F3}, max {throughput.Paired.Max:F3})");
        output.WriteLine($"  target ≥ {RatioTarget}: {(throughput.Ratio >= RatioTarget ? "PASS" : "MISS")}");
        return 0;
    }

    private sealed record CpuResult(Stats Cpu, Stats Wall, double Bytes, int BodyBytes, int RequestsPerRound);

    private static CpuResult HttpCpu()
    {
        var service = new HttpIngestService(new AcceptingStore(), TimeProvider.System, new JsonLog(TextWriter.Null));
        var invocation = new Invocation("bench", TimeSpan.FromSeconds(30), "http-ingest-benchmark");
        const int requests = 2000;
        var bodies = Enumerable.Range(0, requests).Select(i =>
            $$"""{"orderId":"o-{{i}}","customerId":"c-{{i % 50}}","currency":"EUR","channel":"web","items":[{"sku":"A-1","quantity":2,"unitPrice":19.90},{"sku":"B-22","quantity":1,"unitPrice":"5.00","note":"gift"},{"sku":"C-333","quantity":7,"unitPrice":0.99}]}""")
            .ToArray();
        var httpRequests = bodies.Select(Request).ToArray();

        void Pass()
        {
            foreach (var request in httpRequests)
            {
                var result = service.HandleAsync(request, invocation).GetAwaiter().GetResult();
                if (result.StatusCode != 201)
                {
                    throw new InvalidOperationException($"The HTTP door answered {result.StatusCode}, expected 201: {result.Body}");
                }
            }
        }

        var (cpu, wall, bytes) = Measure(Pass, requests);
        return new CpuResult(cpu, wall, bytes, Encoding.UTF8.GetByteCount(bodies[0]), requests);
    }

    /// <summary>Warms the pass up, then measures it in rounds. Per request: process CPU time (what the budget is
    /// about: immune to other processes, includes this process's GC and JIT threads), wall time, and bytes
    /// allocated.</summary>
    private static (Stats Cpu, Stats Wall, double Bytes) Measure(Action pass, int perPass)
    {
        var warmUntil = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 3;
        while (Stopwatch.GetTimestamp() < warmUntil)
        {
            pass();
        }

        List<double> cpuSamples = [], wallSamples = [], byteSamples = [];
        for (var round = 0; round < 15; round++)
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var cpu = Environment.CpuUsage.TotalTime;
            var started = Stopwatch.GetTimestamp();
            pass();
            wallSamples.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds / perPass);
            cpuSamples.Add((Environment.CpuUsage.TotalTime - cpu).TotalMicroseconds / perPass);
            byteSamples.Add((GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)perPass);
        }

        return (Stats.Of(cpuSamples), Stats.Of(wallSamples), Stats.Of(byteSamples).Median);
    }

    /// <summary>A partner's POST /orders as API Gateway passes it on: the headers a client sends, its own gateway
    /// request id.</summary>
    private static HttpRequest Request(string body) => new(
        "POST",
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Content-Type"] = "application/json",
            ["Host"] = "a1b2c3.execute-api.eu-west-1.amazonaws.com",
            ["User-Agent"] = "partner-client/1.0",
            ["x-api-key"] = "redacted",
        },
        MultiValueHeaders: null,
        body,
        IsBase64Encoded: false,
        Guid.NewGuid().ToString());

    private sealed class AcceptingStore : IOrderStore
    {
        public Task<WriteOutcome> CreateAsync(ValidatedOrder order, DateTimeOffset now, CancellationToken cancellationToken) =>
            Task.FromResult(new WriteOutcome(WriteResult.Created, 1, "2026-11-23T10:00:00.000Z", "2026-11-23T10:00:00.000Z"));

        public Task<WriteOutcome> ReplaceAsync(ValidatedOrder order, long expectedVersion, DateTimeOffset now,
            CancellationToken cancellationToken) =>
            Task.FromResult(new WriteOutcome(WriteResult.Updated, expectedVersion + 1));
    }

    private sealed record ThroughputResult(Stats Raw, Stats Handler, Stats Paired, double Ratio, string Emulator, long FileBytes);

    private static async Task<ThroughputResult> FileThroughputAsync(int orders, int rounds, TextWriter progress)
    {
        await using var emulator = await AwsEmulator.StartAsync();
        progress.WriteLine($"file ingest throughput on {emulator.Description}: {orders} orders, {rounds} rounds…");
        using var s3 = emulator.S3();
        using var dynamoDb = emulator.DynamoDb();
        var pipeline = await PipelineResources.CreateAsync(emulator, PipelineNames.Unique("bench"));
        var ingest = await IngestResources.CreateAsync(emulator, pipeline);
        var service = new FileIngestService(s3, dynamoDb, ingest.FileIngestSettings(), TimeProvider.System,
            new JsonLog(TextWriter.Null), TextWriter.Null);

        var raw = new List<double>();
        var handler = new List<double>();
        var paired = new List<double>();
        long fileBytes = 0;
        for (var round = -1; round < rounds; round++)
        {
            // Round -1 warms both paths up and is not counted. Each run writes its own keys, so every write is new.
            var file = string.Join("\n", Enumerable.Range(0, orders).Select(i =>
                $$"""{"orderId":"f{{round + 1}}-{{i}}","customerId":"c-{{i % 97}}","currency":"EUR","items":[{"sku":"A-{{i % 13}}","quantity":{{1 + i % 5}},"unitPrice":{{i % 1000}}.{{i % 100:00}}}]}"""));
            fileBytes = Encoding.UTF8.GetByteCount(file);
            var rawItems = Items(file.Replace("\"orderId\":\"f", "\"orderId\":\"r", StringComparison.Ordinal));

            var notification = await ingest.DropAsync(s3, $"bench-{round + 1}.ndjson", file);

            async Task<double> RawAsync()
            {
                var started = Stopwatch.GetTimestamp();
                await RawBatchWriteAsync(dynamoDb, pipeline.Names.OrdersTable, rawItems);
                return orders / Stopwatch.GetElapsedTime(started).TotalSeconds;
            }

            async Task<double> HandlerAsync()
            {
                var started = Stopwatch.GetTimestamp();
                await service.HandleAsync([notification], new Invocation($"bench-{round + 1}", TimeSpan.FromMinutes(15), "file-ingest-benchmark"));
                return orders / Stopwatch.GetElapsedTime(started).TotalSeconds;
            }

            // Which goes first alternates, so neither always meets the larger table.
            double rawRate, handlerRate;
            if (round % 2 == 0)
            {
                rawRate = await RawAsync();
                handlerRate = await HandlerAsync();
            }
            else
            {
                handlerRate = await HandlerAsync();
                rawRate = await RawAsync();
            }

            if (round >= 0)
            {
                raw.Add(rawRate);
                handler.Add(handlerRate);
                paired.Add(handlerRate / rawRate);
                progress.WriteLine($"  round {round + 1}: raw {rawRate:N0}/s, service {handlerRate:N0}/s");
            }
        }

        var rawStats = Stats.Of(raw);
        var handlerStats = Stats.Of(handler);
        return new ThroughputResult(rawStats, handlerStats, Stats.Of(paired), handlerStats.Median / rawStats.Median,
            emulator.Description, fileBytes);
    }

    /// <summary>The items the service writes for the same lines, built the same way (outside the timing).</summary>
    private static List<(string Key, Dictionary<string, AttributeValue> Item)> Items(string ndjson) =>
        ndjson.Split('\n').Select(line =>
        {
            var order = OrderValidator.Validate(System.Text.Json.JsonDocument.Parse(line).RootElement).Order!;
            return (order.OrderId, OrderItem.Create(order, DateTimeOffset.UtcNow, 1, OrderItem.FileSource, "s3://bench/x"));
        }).ToList();

    /// <summary>Batches of 25, the same number in flight as the service's writer, unprocessed items resent.</summary>
    private static async Task RawBatchWriteAsync(IAmazonDynamoDB dynamoDb, string table,
        List<(string Key, Dictionary<string, AttributeValue> Item)> items)
    {
        using var gate = new SemaphoreSlim(OrderBatchWriter.MaxInFlight);
        var writes = items.Chunk(OrderBatchWriter.BatchSize).Select(async chunk =>
        {
            await gate.WaitAsync();
            try
            {
                var pending = chunk.Select(entry => new WriteRequest { PutRequest = new PutRequest { Item = entry.Item } }).ToList();
                while (pending.Count > 0)
                {
                    var response = await dynamoDb.BatchWriteItemAsync(new BatchWriteItemRequest
                    {
                        RequestItems = new Dictionary<string, List<WriteRequest>> { [table] = pending },
                    });
                    pending = response.UnprocessedItems is { } left && left.TryGetValue(table, out var rest) ? rest : [];
                }
            }
            finally
            {
                gate.Release();
            }
        });
        await Task.WhenAll(writes);
    }
}
