using System.Globalization;

namespace OrdersPipeline.Benchmarks;

/// <summary>Command-line options. Invalid input is a <see cref="UsageException"/> (exit code 2).</summary>
internal sealed record BenchmarkOptions
{
    public int Records { get; init; } = 2000;
    public int Concurrency { get; init; } = 16;
    public int Rounds { get; init; } = 5;
    public int CpuRounds { get; init; } = 15;
    public int BatchSize { get; init; } = 100;
    public int ItemBytes { get; init; } = 1024;
    public int ModifyPercent { get; init; } = 40;
    public int Seed { get; init; } = 42;
    public bool Json { get; init; }
    public bool CpuOnly { get; init; }
    public bool Diagnose { get; init; }
    public bool Help { get; init; }
    public bool Digest { get; init; }
    public int ColdStartProcesses { get; init; } = 10;
    public bool NoPublish { get; init; }
    public int AuditMessages { get; init; } = 1000;

    public const string Usage = """
        Usage: dotnet run -c Release --project Tests/Benchmarks -- [options]

          --records N        stream records per run (default 2000)
          --concurrency C    PutObject concurrency for both raw and processor runs (default 16)
          --rounds R         measured throughput rounds, each one raw run and one processor run (default 5)
          --cpu-rounds R     measured CPU rounds (default 15)
          --batch-size B     records per stream batch (default 100)
          --item-bytes S     target NewImage size as DynamoDB JSON, in bytes (default 1024)
          --modify-percent P share of MODIFY records; the rest are INSERT (default 40)
          --seed S           generator seed (default 42)
          --cpu-only         skip the emulator and measure CPU only
          --diagnose         also time raw puts with the processor's batch barrier, and the processor with
                             a no-op store (its CPU ceiling at C)
          --digest           print the SHA-256 of every object key and document built from the workload, and exit
          --cold-start-processes P  fresh processes per handler for the cold-start figures (default 10, 0 skips)
          --no-publish       cold start: run the packages already in artifacts/functions/ instead of publishing
                             them first (readyToRun, and nativeAot where this machine can compile it; a package
                             that does not publish here, e.g. without the Amazon.Lambda.* packages, is left out)
          --audit-messages M the audit benchmark's messages per run, in batches of 10 (default 1000)
          --json             also print a one-line JSON summary as the last line of stdout
          --help             this text
        """;

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            options = name switch
            {
                "--records" => options with { Records = Int(args, ref i, 1, 10_000_000) },
                "--concurrency" => options with { Concurrency = Int(args, ref i, 1, 1024) },
                "--rounds" => options with { Rounds = Int(args, ref i, 1, 1000) },
                "--cpu-rounds" => options with { CpuRounds = Int(args, ref i, 1, 10_000) },
                "--batch-size" => options with { BatchSize = Int(args, ref i, 1, 10_000) },
                "--item-bytes" => options with { ItemBytes = Int(args, ref i, 256, 400_000) },
                "--modify-percent" => options with { ModifyPercent = Int(args, ref i, 0, 100) },
                "--seed" => options with { Seed = Int(args, ref i, 0, int.MaxValue) },
                "--cpu-only" => options with { CpuOnly = true },
                "--diagnose" => options with { Diagnose = true },
                "--json" => options with { Json = true },
                "--digest" => options with { Digest = true },
                "--cold-start-processes" => options with { ColdStartProcesses = Int(args, ref i, 0, 1000) },
                "--no-publish" => options with { NoPublish = true },
                "--audit-messages" => options with { AuditMessages = Int(args, ref i, 10, 1_000_000) / 10 * 10 },
                "--help" or "-h" => options with { Help = true },
                _ => throw new UsageException($"Unknown option '{name}'."),
            };
        }
        return options;
    }

    private static int Int(IReadOnlyList<string> args, ref int i, int min, int max)
    {
        var name = args[i];
        if (++i >= args.Count)
        {
            throw new UsageException($"{name} needs a value.");
        }

        if (!int.TryParse(args[i], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new UsageException($"{name} is '{args[i]}'; it must be a whole number from {min} to {max}.");
        }

        return value;
    }
}

internal sealed class UsageException(string message) : Exception(message);
