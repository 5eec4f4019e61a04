using System.Diagnostics;
using System.Runtime;
using OrdersPipeline.Benchmarks;

// Exit codes: 0 measured (PASS or MISS: a miss is a result, not an error), 1 error, 2 bad usage.
try
{
    // The ingest benchmark has its own options and report (IngestBenchmark.cs).
    if (args is ["ingest", .. var ingestArgs])
    {
        return await IngestBenchmark.RunAsync(ingestArgs);
    }

    // Conditional writes against raw PutObject, INSERT-only and MODIFY-heavy (ConditionalWritesBenchmark.cs).
    if (args is ["conditional", .. var conditionalArgs])
    {
        return await ConditionalWritesBenchmark.RunAsync(conditionalArgs);
    }

    // The card-number guard's CPU per record (CardNumberBenchmark.cs).
    if (args is ["card-numbers"])
    {
        return CardNumberBenchmark.Run();
    }

    var options = BenchmarkOptions.Parse(args);
    if (options.Help)
    {
        Console.WriteLine(BenchmarkOptions.Usage);
        return 0;
    }

    var progress = Console.Error;
#if DEBUG
    progress.WriteLine("warning: this is a Debug build; numbers are meaningless. Use -c Release.");
#endif
    if (Debugger.IsAttached)
    {
        progress.WriteLine("warning: a debugger is attached; numbers are meaningless.");
    }

    var environment = new RunEnvironment(
        Environment.Version.ToString(), Environment.ProcessorCount, GCSettings.IsServerGC ? "server" : "workstation");
    progress.WriteLine($"generating {options.Records} records ({options.ModifyPercent}% MODIFY, ~{options.ItemBytes} B NewImage, " +
                       $"batches of {options.BatchSize}, seed {options.Seed})…");
    var workload = StreamEventGenerator.Generate(
        options.Records, options.BatchSize, options.ItemBytes, options.ModifyPercent, options.Seed);
    // The core's input, read from the events once and kept: no benchmark times this test reader.
    var batches = ChangeRecordBatches.Read(workload.Batches);

    if (options.Digest)
    {
        Console.WriteLine(OutputDigest.Of(batches));
        return 0;
    }

    // CPU first, before the emulator process exists to compete for the cores.
    progress.WriteLine($"CPU: warming up, then {options.CpuRounds} rounds…");
    var cpu = CpuBenchmark.Run(batches, workload.Records, options.CpuRounds, TimeSpan.FromSeconds(3));

    var sections = new List<IReportSection> { new OutputCheck(OutputDigest.Of(batches), options) };
    progress.WriteLine("CPU at DynamoDB's limits (400 KB items, 32 levels)…");
    sections.Add(LargeItemBenchmark.Run(options.CpuRounds, TimeSpan.FromSeconds(2)) with
    {
        SmallItemMicrosPerKb = cpu.ThreadCpuMicrosPerRecord.Median * 1024 /
                               (workload.AverageNewImageJsonBytes * (1 + (double)workload.Modifies / workload.Records)),
    });

    ThroughputResult? throughput = null;
    if (!options.CpuOnly)
    {
        progress.WriteLine($"throughput: concurrency {options.Concurrency}, {options.Rounds} rounds…");
        throughput = await new ThroughputBenchmark(workload, batches, options, progress).RunAsync();
    }

    if (!options.CpuOnly)
    {
        // Cold start and the audit path on an emulator of their own, started after the throughput runs.
        await using var emulator = await OrdersPipeline.Emulator.AwsEmulator.StartAsync();
        var resources = await OrdersPipeline.Emulator.PipelineResources.CreateAsync(
            emulator, OrdersPipeline.Emulator.PipelineNames.Unique("cold"));
        progress.WriteLine($"audit: {options.AuditMessages} messages, {options.Rounds} rounds…");
        sections.Add(await AuditBenchmark.RunAsync(emulator, resources, options.AuditMessages, options.Rounds, progress));
        if (options.ColdStartProcesses > 0)
        {
            var (packages, notes) = await FunctionsPackageBuilds.PublishAsync(!options.NoPublish, progress);
            if (packages.Count > 0)
            {
                progress.WriteLine($"cold start: {options.ColdStartProcesses} fresh processes per handler and package…");
            }
            sections.Add(await ColdStartBenchmark.RunAsync(
                emulator, resources, options.ColdStartProcesses, packages, notes, progress));
        }
    }

    var report = new Report(options, environment, workload, cpu, throughput) { Sections = sections };
    report.WriteText(Console.Out);
    if (options.Json)
    {
        Console.WriteLine(report.ToJson());
    }

    return 0;
}
catch (UsageException error)
{
    Console.Error.WriteLine($"error: {error.Message}");
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return 2;
}
catch (Exception error)
{
    Console.Error.WriteLine($"error: {error.GetType().Name}: {error.Message}");
    Console.Error.WriteLine(error);
    return 1;
}
