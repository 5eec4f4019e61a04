using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Amazon.Lambda.DynamoDBEvents;
using Amazon.Lambda.SQSEvents;
using Amazon.Lambda.TestUtilities;
using OrdersPipeline.Emulator;
using OrdersPipeline.Functions;
using OrdersPipeline.Functions.Audit;
using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Functions.Logging;
using OrdersPipeline.Functions.Processor;
using OrdersPipeline.Functions.Serialization;
using OrdersPipeline.Functions.Timing;

namespace OrdersPipeline.Benchmarks;

/// <summary>One fresh process: milliseconds of each phase, measured on the machine-wide monotonic clock.</summary>
internal sealed record ColdStartSample(
    double RuntimeStart, double Construction, double SdkClient, double FirstBatch, double TenthBatch)
{
    /// <summary>The child's whole CPU time (all threads: handler, SDK, HTTP, GC, JIT) per record over batches 2–10.</summary>
    public double WarmCpuMicrosPerRecord { get; init; }

    public double FirstInvocation => Construction + SdkClient + FirstBatch;

    public double Ratio => FirstBatch / TenthBatch;
}

internal sealed record ColdStartHandlerResult(
    string Handler, int BatchSize, IReadOnlyList<ColdStartSample> Samples)
{
    public Stats Of(Func<ColdStartSample, double> part) => Stats.Of([.. Samples.Select(part)]);

    public bool Pass => Of(s => s.Ratio).Median <= ColdStartResult.RatioTarget;

    /// <summary>The largest median among the parts of a cold first invocation.</summary>
    public string Dominant
    {
        get
        {
            var parts = new (string Name, double Ms)[]
            {
                ("runtime start", Of(s => s.RuntimeStart).Median),
                ("handler construction", Of(s => s.Construction).Median),
                ("SDK client creation", Of(s => s.SdkClient).Median),
                ("first batch (JIT of the handler, SDK and HTTP paths, first connection)", Of(s => s.FirstBatch).Median),
            };
            return parts.MaxBy(p => p.Ms).Name;
        }
    }
}

/// <summary>
/// Cold start of both handlers: the benchmark program starts itself again as a child (<c>--cold-start-child</c>)
/// once per sample, and the child runs what Lambda runs in a new execution environment: handler construction
/// (configuration from the environment, the SDK client, the Lambda serializer), then ten invocations on the emulator,
/// each event read and each response written by the handlers' serializer. Compared: the first batch against the
/// tenth in the same process, over ≥ 10 fresh processes. "Runtime start" is from <c>Process.Start</c> in the parent to
/// the child's <c>Main</c> (the .NET host and runtime; Lambda's own bootstrap is not part of it).
/// </summary>
internal sealed class ColdStartResult(IReadOnlyList<ColdStartHandlerResult> handlers, string childCommand) : IReportSection
{
    public const double RatioTarget = 2.0;

    public IReadOnlyList<ColdStartHandlerResult> Handlers => handlers;

    public void WriteText(StringBuilder text)
    {
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"(c) cold start, {handlers[0].Samples.Count} fresh processes per handler ({childCommand}); " +
                           $"ms, median [min, max]:");
        foreach (var h in handlers)
        {
            string Line(Func<ColdStartSample, double> part)
            {
                var s = h.Of(part);
                return string.Format(c, "{0,8:F1} [{1:F1}, {2:F1}]", s.Median, s.Min, s.Max);
            }

            text.AppendLine(c, $"  {h.Handler} (batches of {h.BatchSize}):");
            text.AppendLine(c, $"    runtime start        {Line(s => s.RuntimeStart)}");
            text.AppendLine(c, $"    handler construction {Line(s => s.Construction)}");
            text.AppendLine(c, $"    SDK client creation  {Line(s => s.SdkClient)}");
            text.AppendLine(c, $"    first batch          {Line(s => s.FirstBatch)}");
            text.AppendLine(c, $"    tenth batch          {Line(s => s.TenthBatch)}");
            text.AppendLine(c, $"    first invocation     {Line(s => s.FirstInvocation)}  (construction + client + first batch)");
            text.AppendLine(c, $"    first / tenth batch  {Line(s => s.Ratio)}   dominant part: {h.Dominant}");
            text.AppendLine(c, $"    process CPU, batches 2–10: {Line(s => s.WarmCpuMicrosPerRecord)} µs/record (handler + SDK + HTTP, all threads)");
            text.AppendLine(c, $"    target first batch ≤ {RatioTarget}× tenth: {(h.Pass ? "PASS" : "MISS")}");
        }
    }

    public void WriteJson(Utf8JsonWriter json)
    {
        json.WriteStartObject("coldStart");
        json.WriteString("child", childCommand);
        foreach (var h in handlers)
        {
            json.WriteStartObject(h.Handler);
            json.WriteNumber("processes", h.Samples.Count);
            json.WriteNumber("batchSize", h.BatchSize);
            Report.WriteStats(json, "runtimeStartMs", h.Of(s => s.RuntimeStart), 2);
            Report.WriteStats(json, "constructionMs", h.Of(s => s.Construction), 2);
            Report.WriteStats(json, "sdkClientMs", h.Of(s => s.SdkClient), 2);
            Report.WriteStats(json, "firstBatchMs", h.Of(s => s.FirstBatch), 2);
            Report.WriteStats(json, "tenthBatchMs", h.Of(s => s.TenthBatch), 2);
            Report.WriteStats(json, "firstOverTenth", h.Of(s => s.Ratio), 3);
            Report.WriteStats(json, "warmProcessCpuMicrosPerRecord", h.Of(s => s.WarmCpuMicrosPerRecord), 1);
            json.WriteString("dominant", h.Dominant);
            json.WriteNumber("targetRatio", RatioTarget);
            json.WriteString("result", h.Pass ? "PASS" : "MISS");
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }
}

internal static class ColdStartBenchmark
{
    public const string ChildFlag = "--cold-start-child";

    /// <summary>ThreadPoolMinThreads in Functions/OrdersPipeline.Functions.csproj.</summary>
    private const int FunctionsThreadPoolMinThreads = 16;
    private const int Batches = 10;

    public static async Task<ColdStartResult> RunAsync(
        AwsEmulator emulator, PipelineResources resources, int processes, string? childDirectory, TextWriter progress)
    {
        var work = Directory.CreateTempSubdirectory("orders-cold-start-");
        try
        {
            var streamDir = Directory.CreateDirectory(Path.Combine(work.FullName, "processor")).FullName;
            var stream = StreamEventGenerator.Generate(Batches * 100, 100, 1024, 40, seed: 13);
            for (var i = 0; i < stream.Batches.Count; i++)
            {
                await File.WriteAllBytesAsync(Path.Combine(streamDir, $"{i:D2}.json"), stream.Batches[i]);
            }

            var (fileName, prefixArgs, description) = ChildCommand(childDirectory);
            var environment = new Dictionary<string, string>
            {
                ["AWS_ENDPOINT_URL"] = emulator.Endpoint.ToString(),
                ["AWS_ACCESS_KEY_ID"] = "test",
                ["AWS_SECRET_ACCESS_KEY"] = "test",
                ["AWS_REGION"] = AwsEmulator.Region,
                ["AWS_LAMBDA_FUNCTION_NAME"] = "cold-start",
                [ProcessorEnvironment.BucketName.Name] = resources.Names.Bucket,
                [ProcessorEnvironment.KeyAttribute.Name] = StreamEventGenerator.KeyAttribute,
                [ProcessorEnvironment.KeyPrefix.Name] = "processed-data",
                [AuditEnvironment.AuditTableName.Name] = resources.Names.AuditTable,
            };

            var results = new List<ColdStartHandlerResult>();
            foreach (var (handler, batchSize) in new[] { ("processor", 100), ("audit", 10) })
            {
                var samples = new List<ColdStartSample>();
                for (var p = 0; p < processes; p++)
                {
                    var dir = streamDir;
                    if (handler == "audit")
                    {
                        dir = Directory.CreateDirectory(Path.Combine(work.FullName, $"audit-{p}")).FullName;
                        var events = AuditEvents.Generate(Batches, batchSize, $"cold-{Environment.ProcessId}-{p}");
                        for (var i = 0; i < events.Count; i++)
                        {
                            await File.WriteAllBytesAsync(Path.Combine(dir, $"{i:D2}.json"), events[i]);
                        }
                    }
                    samples.Add(await RunChildAsync(fileName, [.. prefixArgs, ChildFlag, handler, dir], environment, batchSize));
                    progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"cold start {handler} {p + 1}/{processes}: first batch {samples[^1].FirstBatch:F0} ms, tenth {samples[^1].TenthBatch:F0} ms"));
                }
                results.Add(new ColdStartHandlerResult(handler, batchSize, samples));
            }
            return new ColdStartResult(results, description);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>This program again, or the same program from <paramref name="childDirectory"/> (a ReadyToRun
    /// publish of it).</summary>
    private static (string FileName, string[] PrefixArgs, string Description) ChildCommand(string? childDirectory)
    {
        var assembly = childDirectory is null
            ? typeof(ColdStartBenchmark).Assembly.Location
            : Path.Combine(Path.GetFullPath(childDirectory), "OrdersPipeline.Benchmarks.dll");
        var runtime = Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet"
            ? host
            : "dotnet";
        return (runtime, ["exec", assembly],
            childDirectory is null ? "child: this build (JIT)" : $"child: {Path.GetFullPath(childDirectory)}");
    }

    private static async Task<ColdStartSample> RunChildAsync(
        string fileName, string[] args, IReadOnlyDictionary<string, string> environment, int batchSize)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var resultFile = Path.GetTempFileName();
        start.Environment["COLD_START_RESULT"] = resultFile;
        try
        {
            var spawned = Stopwatch.GetTimestamp();
            using var process = Process.Start(start) ?? throw new InvalidOperationException("The child did not start.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            await stdout;
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"Cold-start child failed ({process.ExitCode}): {await stderr}");
            }

            var marks = (await File.ReadAllTextAsync(resultFile)).Split(' ').Select(long.Parse).ToArray();
            double Ms(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;
            // marks: Main, construction start, construction without the client, construction done, end of each batch.
            return new ColdStartSample(
                Ms(spawned, marks[0]), Ms(marks[1], marks[2]), Ms(marks[2], marks[3]),
                Ms(marks[3], marks[4]), Ms(marks[4 + Batches - 2], marks[4 + Batches - 1]))
            {
                // The last two numbers: process CPU ticks (100 ns) after batch 1 and after batch 10.
                WarmCpuMicrosPerRecord = (marks[^1] - marks[^2]) / 10.0 / ((Batches - 1) * batchSize),
            };
        }
        finally
        {
            File.Delete(resultFile);
        }
    }

    /// <summary>
    /// The child: what a new Lambda execution environment does, timed. Writes the monotonic timestamps of Main, the
    /// end of handler construction, the end of SDK client creation and the end of each of ten batches.
    /// </summary>
    public static async Task<int> ChildAsync(string handler, string directory)
    {
        var main = Stopwatch.GetTimestamp();
        // The Functions package's runtimeconfig sets System.Threading.ThreadPool.MinThreads (ThreadPoolMinThreads in
        // its csproj); this program's own does not, so the child applies the same minimum as its first step.
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, FunctionsThreadPoolMinThreads), completionPorts);
        var events = Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
        var marks = new List<long>();

        // Handler construction as the default constructors do it, the SDK client timed on its own.
        var constructionStarted = Stopwatch.GetTimestamp();
        var serializer = new FunctionsLambdaSerializer();
        var log = JsonLog.Console; // stdout, as in Lambda (the parent drains it)
        Func<byte[], Task<int>> invoke;
        long clientTicks;
        if (handler == "processor")
        {
            var settings = ProcessorSettings.FromEnvironment();
            var clientStarted = Stopwatch.GetTimestamp();
            var s3 = AwsClientFactory.S3(SdkCallPolicy.Default);
            clientTicks = Stopwatch.GetTimestamp() - clientStarted;
            var function = new ProcessorFunction(s3, settings, TimeProvider.System, log);
            invoke = async json =>
            {
                var response = await function.HandleAsync(
                    serializer.Deserialize<DynamoDBEvent>(new MemoryStream(json)), Context());
                serializer.Serialize(response, Stream.Null);
                return response.BatchItemFailures.Count;
            };
        }
        else
        {
            var settings = AuditSettings.FromEnvironment();
            var clientStarted = Stopwatch.GetTimestamp();
            var dynamoDb = AwsClientFactory.DynamoDb(SdkCallPolicy.Default);
            clientTicks = Stopwatch.GetTimestamp() - clientStarted;
            var function = new AuditFunction(dynamoDb, settings, TimeProvider.System, log);
            invoke = async json =>
            {
                var response = await function.HandleAsync(serializer.Deserialize<SQSEvent>(new MemoryStream(json)), Context());
                serializer.Serialize(response, Stream.Null);
                return response.BatchItemFailures.Count;
            };
        }
        var constructed = Stopwatch.GetTimestamp();
        // Reported as: construction without the client, then the client.
        marks.Add(main);
        marks.Add(constructionStarted);
        marks.Add(constructed - clientTicks);
        marks.Add(constructed);
        long cpuAfterFirst = 0;
        foreach (var json in events.Take(Batches))
        {
            var failures = await invoke(json);
            if (marks.Count == 4)
            {
                cpuAfterFirst = Process.GetCurrentProcess().TotalProcessorTime.Ticks;
            }
            if (failures != 0)
            {
                Console.Error.WriteLine($"{failures} records failed");
                return 1;
            }
            marks.Add(Stopwatch.GetTimestamp());
        }

        marks.Add(cpuAfterFirst);
        marks.Add(Process.GetCurrentProcess().TotalProcessorTime.Ticks);
        await File.WriteAllTextAsync(Environment.GetEnvironmentVariable("COLD_START_RESULT")!,
            string.Join(' ', marks.Select(m => m.ToString(CultureInfo.InvariantCulture))));
        return 0;
    }

    private static TestLambdaContext Context() => new()
    {
        AwsRequestId = Guid.NewGuid().ToString(),
        FunctionName = "cold-start",
        RemainingTime = TimeSpan.FromMinutes(15),
    };
}
