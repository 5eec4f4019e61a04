using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using OrdersPipeline.Emulator;
using OrdersPipeline.Functions;
using OrdersPipeline.Functions.Configuration;

namespace OrdersPipeline.Benchmarks;

/// <summary>One fresh function process: milliseconds of its init phase and of its first and tenth invocation.</summary>
internal sealed record ColdStartSample(double Init, double FirstInvocation, double TenthInvocation)
{
    /// <summary>The process's whole CPU time (all threads: handler, SDK, HTTP, GC, JIT) per record over invocations
    /// 2–10.</summary>
    public double WarmCpuMicrosPerRecord { get; init; }

    /// <summary>What a cold request waits for: init, then the first invocation.</summary>
    public double ColdRequest => Init + FirstInvocation;

    public double Ratio => FirstInvocation / TenthInvocation;
}

internal sealed record ColdStartHandlerResult(
    FunctionsPackageBuild Package, string Handler, int BatchSize, IReadOnlyList<ColdStartSample> Samples)
{
    public Stats Of(Func<ColdStartSample, double> part) => Stats.Of([.. Samples.Select(part)]);

    public bool Pass => Of(s => s.Ratio).Median <= ColdStartResult.RatioTarget;

    public string Dominant => Of(s => s.Init).Median > Of(s => s.FirstInvocation).Median
        ? "init (runtime start, handler construction, SDK client creation)"
        : "first invocation (first requests through the SDK and HTTP stack, and for a managed package the JIT of that path)";
}

/// <summary>
/// Cold start of the processor and audit functions, for each Functions package: every sample is a new process of
/// the published package serving a local Lambda Runtime API (<see cref="LambdaRuntimeApi"/>), as Lambda runs it in a
/// new execution environment: init (process start to its first poll for work: runtime start, handler construction,
/// SDK client), then ten invocations on the emulator. Compared: the first invocation against the tenth in the same
/// process. The managed package runs under <c>dotnet exec</c> with the same entry point as the native one.
/// </summary>
internal sealed class ColdStartResult(IReadOnlyList<ColdStartHandlerResult> handlers, IReadOnlyList<string> notes)
    : IReportSection
{
    public const double RatioTarget = 2.0;

    public IReadOnlyList<ColdStartHandlerResult> Handlers => handlers;

    public void WriteText(StringBuilder text)
    {
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"(c) cold start: a new process per sample serving a local Lambda Runtime API; ms, median [min, max]:");
        if (handlers.Count == 0)
        {
            text.AppendLine("  no package measured on this machine:");
        }
        foreach (var h in handlers)
        {
            string Line(Func<ColdStartSample, double> part)
            {
                var s = h.Of(part);
                return string.Format(c, "{0,8:F1} [{1:F1}, {2:F1}]", s.Median, s.Min, s.Max);
            }

            text.AppendLine(c, $"  {h.Handler}, {h.Package.Description} ({h.Samples.Count} processes, batches of {h.BatchSize}):");
            text.AppendLine(c, $"    init                 {Line(s => s.Init)}  (process start to first poll)");
            text.AppendLine(c, $"    first invocation     {Line(s => s.FirstInvocation)}");
            text.AppendLine(c, $"    tenth invocation     {Line(s => s.TenthInvocation)}");
            text.AppendLine(c, $"    cold request         {Line(s => s.ColdRequest)}  (init + first invocation)");
            text.AppendLine(c, $"    first / tenth        {Line(s => s.Ratio)}   dominant part: {h.Dominant}");
            text.AppendLine(c, $"    process CPU, invocations 2–10: {Line(s => s.WarmCpuMicrosPerRecord)} µs/record (all threads)");
            text.AppendLine(c, $"    target first ≤ {RatioTarget}× tenth: {(h.Pass ? "PASS" : "MISS")}");
        }
        foreach (var note in notes)
        {
            text.AppendLine(c, $"  {note}");
        }
    }

    public void WriteJson(Utf8JsonWriter json)
    {
        json.WriteStartObject("coldStart");
        foreach (var h in handlers)
        {
            json.WriteStartObject($"{h.Handler}-{h.Package.Name}");
            json.WriteString("package", h.Package.Description);
            json.WriteNumber("processes", h.Samples.Count);
            json.WriteNumber("batchSize", h.BatchSize);
            Report.WriteStats(json, "initMs", h.Of(s => s.Init), 2);
            Report.WriteStats(json, "firstInvocationMs", h.Of(s => s.FirstInvocation), 2);
            Report.WriteStats(json, "tenthInvocationMs", h.Of(s => s.TenthInvocation), 2);
            Report.WriteStats(json, "coldRequestMs", h.Of(s => s.ColdRequest), 2);
            Report.WriteStats(json, "firstOverTenth", h.Of(s => s.Ratio), 3);
            Report.WriteStats(json, "warmProcessCpuMicrosPerRecord", h.Of(s => s.WarmCpuMicrosPerRecord), 1);
            json.WriteString("dominant", h.Dominant);
            json.WriteNumber("targetRatio", RatioTarget);
            json.WriteString("result", h.Pass ? "PASS" : "MISS");
            json.WriteEndObject();
        }
        json.WriteStartArray("notes");
        foreach (var note in notes)
        {
            json.WriteStringValue(note);
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}

internal static class ColdStartBenchmark
{
    private const int Invocations = 10;
    private static readonly TimeSpan InvocationTimeout = TimeSpan.FromMinutes(2);

    public static async Task<ColdStartResult> RunAsync(
        AwsEmulator emulator, PipelineResources resources, int processes, IReadOnlyList<FunctionsPackageBuild> packages,
        IReadOnlyList<string> notes, TextWriter progress)
    {
        var stream = StreamEventGenerator.Generate(Invocations * 100, 100, 1024, 40, seed: 13);
        var settings = new Dictionary<string, string>(emulator.ClientEnvironment)
        {
            [ProcessorEnvironment.BucketName.Name] = resources.Names.Bucket,
            [ProcessorEnvironment.KeyAttribute.Name] = StreamEventGenerator.KeyAttribute,
            [ProcessorEnvironment.KeyPrefix.Name] = "processed-data",
            [AuditEnvironment.AuditTableName.Name] = resources.Names.AuditTable,
        };

        var results = new List<ColdStartHandlerResult>();
        foreach (var package in packages)
        {
            foreach (var (handler, name, batchSize) in new[] { (Handlers.Processor, "processor", 100), (Handlers.Audit, "audit", 10) })
            {
                var samples = new List<ColdStartSample>();
                for (var p = 0; p < processes; p++)
                {
                    IReadOnlyList<byte[]> events = name == "processor"
                        ? stream.Batches
                        : [.. AuditEvents.Generate(Invocations, batchSize, $"cold-{package.Name}-{Environment.ProcessId}-{p}")
                            .Select(batch => batch.LambdaEventJson)];
                    samples.Add(await SampleAsync(package.Directory, handler, name, settings, events, batchSize));
                    progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"cold start {name} {package.Name} {p + 1}/{processes}: init {samples[^1].Init:F0} ms, " +
                        $"first {samples[^1].FirstInvocation:F0} ms, tenth {samples[^1].TenthInvocation:F0} ms"));
                }
                results.Add(new ColdStartHandlerResult(package, name, batchSize, samples));
            }
        }
        return new ColdStartResult(results, notes);
    }

    private static async Task<ColdStartSample> SampleAsync(string packageDirectory, string handler, string name,
        IReadOnlyDictionary<string, string> settings, IReadOnlyList<byte[]> events, int batchSize)
    {
        await using var runtimeApi = new LambdaRuntimeApi();
        await using var function = FunctionProcess.Start(
            packageDirectory, runtimeApi.Environment(handler, $"cold-start-{name}", settings));
        var firstPoll = await runtimeApi.FirstPoll.WaitAsync(InvocationTimeout).ConfigureAwait(false);
        var durations = new List<double>();
        var cpuAfterFirst = TimeSpan.Zero;
        foreach (var json in events.Take(Invocations))
        {
            var result = await runtimeApi.InvokeAsync(json, InvocationTimeout).ConfigureAwait(false);
            Require(result, function);
            durations.Add(result.Duration.TotalMilliseconds);
            if (durations.Count == 1)
            {
                cpuAfterFirst = function.TotalProcessorTime;
            }
        }

        var warmCpu = function.TotalProcessorTime - cpuAfterFirst;
        return new ColdStartSample(
            Stopwatch.GetElapsedTime(function.Started, firstPoll).TotalMilliseconds, durations[0], durations[^1])
        {
            WarmCpuMicrosPerRecord = warmCpu.TotalMicroseconds / ((Invocations - 1) * batchSize),
        };
    }

    /// <summary>An error or a reported failure would make the timings meaningless: stop with the function's output.</summary>
    private static void Require(LambdaInvocationResult result, FunctionProcess function)
    {
        using var response = result.IsError ? null : JsonDocument.Parse(result.Body);
        if (response is null || response.RootElement.GetProperty("batchItemFailures").GetArrayLength() != 0)
        {
            throw new InvalidOperationException(
                $"Cold-start invocation failed: {Encoding.UTF8.GetString(result.Body)}\n{function.Output}");
        }
    }
}
