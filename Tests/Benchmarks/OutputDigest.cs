using System.Security.Cryptography;
using System.Text;
using OrdersPipeline.Functions.Processor;

namespace OrdersPipeline.Benchmarks;

/// <summary>
/// SHA-256 over every object key and document body the processor builds for a workload, in stream order. The
/// default workload's digest as built by the code before the CPU work (commit 7fc72e7, which read the same generated
/// event JSON with the Lambda package) is pinned here, so a run says whether the core, now reading the records as the
/// SDK's model, still writes the same bytes for the same input.
/// </summary>
internal static class OutputDigest
{
    /// <summary>Default workload (N=2000, 1024 B items, 40 % MODIFY, batches of 100, seed 42) at 7fc72e7.</summary>
    public const string CommittedDefaultWorkload = "2a1f4c29275a39e3f743597d869be7114cea597f6c59eaba5c5f0d416e490921";

    public static readonly DateTimeOffset ProcessedAt = new(2026, 11, 21, 9, 30, 0, 123, TimeSpan.Zero);

    public static string Of(IReadOnlyList<IReadOnlyList<ChangeRecord>> batches)
    {
        var builder = new ProcessedDocumentBuilder("processed-data", StreamEventGenerator.KeyAttribute);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var batch in batches)
        {
            foreach (var record in batch)
            {
                var document = builder.Build(record, ProcessedAt);
                hash.AppendData(Encoding.UTF8.GetBytes(document.ObjectKey));
                hash.AppendData(document.Body);
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}

/// <summary>Whether the documents are byte for byte those of the committed code (default workload only).</summary>
internal sealed record OutputCheck(string Digest, BenchmarkOptions Options) : IReportSection
{
    private bool IsDefaultWorkload => Options is { Records: 2000, ItemBytes: 1024, ModifyPercent: 40, BatchSize: 100, Seed: 42 };

    public void WriteText(System.Text.StringBuilder text)
    {
        var verdict = !IsDefaultWorkload ? "not pinned for this workload"
            : Digest == OutputDigest.CommittedDefaultWorkload ? "identical to 7fc72e7 (PASS)" : "DIFFERENT from 7fc72e7 (MISS)";
        text.AppendLine($"output: SHA-256 of all keys and bodies {Digest[..16]}…: {verdict}");
    }

    public void WriteJson(System.Text.Json.Utf8JsonWriter json)
    {
        json.WriteStartObject("output");
        json.WriteString("sha256", Digest);
        json.WriteBoolean("identicalToCommitted", IsDefaultWorkload && Digest == OutputDigest.CommittedDefaultWorkload);
        json.WriteEndObject();
    }
}
