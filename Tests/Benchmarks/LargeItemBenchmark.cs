using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrdersPipeline.Functions.Processor;

namespace OrdersPipeline.Benchmarks;

/// <summary>The largest items DynamoDB allows, per KB of image JSON.</summary>
internal sealed record LargeItemResult(
    int Records, int Modifies, double AverageImageJsonBytes, double AverageItemSizeBytes, int NestingLevels,
    Stats MicrosPerKb, Stats ThreadCpuMicrosPerKb, Stats BytesPerKb) : IReportSection
{
    /// <summary>The 1 KB workload's thread-CPU µs per KB of image JSON, for comparison.</summary>
    public double SmallItemMicrosPerKb { get; init; }

    public void WriteText(StringBuilder text)
    {
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"(b2) CPU at DynamoDB's limits: {Records} records ({Modifies} MODIFY), NewImage {AverageImageJsonBytes / 1024:F0} KB " +
                           $"of DynamoDB JSON (~{AverageItemSizeBytes / 1024:F0} KB by DynamoDB sizing, limit 400 KB), {NestingLevels} levels of M/L nesting:");
        text.AppendLine(c, $"  {ThreadCpuMicrosPerKb.Median,8:F3} µs/KB thread CPU  [min {ThreadCpuMicrosPerKb.Min:F3}, max {ThreadCpuMicrosPerKb.Max:F3}]" +
                           $"  ({ThreadCpuMicrosPerKb.Median * AverageImageJsonBytes / 1024:F0} µs per image)");
        text.AppendLine(c, $"  {MicrosPerKb.Median,8:F3} µs/KB wall  [min {MicrosPerKb.Min:F3}, max {MicrosPerKb.Max:F3}]");
        text.AppendLine(c, $"  {BytesPerKb.Median,8:N0} B allocated/KB of image JSON");
        text.AppendLine(c, $"  1 KB workload for comparison: {SmallItemMicrosPerKb:F3} µs/KB of image JSON");
        text.AppendLine(c, $"  (no target beyond reporting it; every record converted within the limits)");
    }

    public void WriteJson(Utf8JsonWriter json)
    {
        json.WriteStartObject("largeItems");
        json.WriteNumber("records", Records);
        json.WriteNumber("modifies", Modifies);
        json.WriteNumber("avgNewImageJsonBytes", Math.Round(AverageImageJsonBytes, 0));
        json.WriteNumber("avgItemSizeBytes", Math.Round(AverageItemSizeBytes, 0));
        json.WriteNumber("nestingLevels", NestingLevels);
        Report.WriteStats(json, "threadCpuMicrosPerKb", ThreadCpuMicrosPerKb, 4);
        Report.WriteStats(json, "microsPerKb", MicrosPerKb, 4);
        Report.WriteStats(json, "allocatedBytesPerKb", BytesPerKb, 0);
        json.WriteEndObject();
    }
}

/// <summary>
/// CPU for items at DynamoDB's limits: each NewImage just under 400 KB by DynamoDB's sizing rules (order lines with
/// strings, non-ASCII text, escapes and long numbers) and holding one attribute nested 32 levels deep (M and L
/// alternating), the deepest DynamoDB accepts. One event of 2 INSERT and 2 MODIFY records; a MODIFY's OldImage
/// differs in a few lines and in the deepest leaf. The event is read into <see cref="ChangeRecord"/>s once, untimed
/// (<see cref="ChangeRecordBatches"/>). Reports µs and allocated bytes per KB of image JSON (NewImage, plus OldImage
/// for a MODIFY); a record that did not convert would stop the run with its error.
/// </summary>
internal static class LargeItemBenchmark
{
    public const int NestingLevels = 32;

    private static readonly JsonSerializerOptions Compact = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = 256,
    };

    public static LargeItemResult Run(int rounds, TimeSpan minimumWarmup)
    {
        var (eventJson, imageBytes, itemBytes, records, modifies) = Generate();
        var batch = ChangeRecordBatches.Read([eventJson])[0];
        var builder = new ProcessedDocumentBuilder("processed-data", StreamEventGenerator.KeyAttribute);

        var warmup = Stopwatch.StartNew();
        var passes = 0;
        while (passes < 5 || warmup.Elapsed < minimumWarmup)
        {
            RunOnce(builder, batch);
            passes++;
        }

        var kb = imageBytes / 1024.0;
        List<double> micros = [], cpuMicros = [], bytes = [];
        for (var round = 0; round < rounds; round++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var cpu = ThreadCpuTime.Nanoseconds();
            var started = Stopwatch.GetTimestamp();
            RunOnce(builder, batch);
            micros.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds / kb);
            cpuMicros.Add((ThreadCpuTime.Nanoseconds() - cpu) / 1000.0 / kb);
            bytes.Add((GC.GetAllocatedBytesForCurrentThread() - allocated) / kb);
        }

        return new LargeItemResult(records, modifies, (double)imageBytes / records / (1 + (double)modifies / records),
            itemBytes, NestingLevels, Stats.Of(micros), Stats.Of(cpuMicros), Stats.Of(bytes));
    }

    private static void RunOnce(ProcessedDocumentBuilder builder, IReadOnlyList<ChangeRecord> batch)
    {
        foreach (var record in batch)
        {
            _ = builder.Build(record, OutputDigest.ProcessedAt);
        }
    }

    /// <summary>The event, the image JSON bytes it carries (new and old images), the average NewImage size by
    /// DynamoDB's rules, and the record counts.</summary>
    private static (byte[] Event, long ImageBytes, double ItemBytes, int Records, int Modifies) Generate()
    {
        var random = new Random(400);
        var records = new JsonArray();
        long imageBytes = 0;
        double itemBytes = 0;
        const int count = 4;
        var modifies = 0;
        for (var i = 0; i < count; i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"large-{i:D3}");
            var newImage = Item(random, id, "leaf-new");
            var isModify = i % 2 == 1;
            var dynamodb = new JsonObject
            {
                ["ApproximateCreationDateTime"] = 1_795_082_400 + i,
                ["Keys"] = new JsonObject { [StreamEventGenerator.KeyAttribute] = new JsonObject { ["S"] = id } },
                ["NewImage"] = newImage,
            };
            imageBytes += Encoding.UTF8.GetByteCount(newImage.ToJsonString(Compact));
            itemBytes += DynamoDbItemSize.Of(newImage);
            if (isModify)
            {
                modifies++;
                var oldImage = (JsonObject)newImage.DeepClone();
                oldImage["deep"] = Nested(NestingLevels, "leaf-old");
                var lines = oldImage["lines"]!["L"]!.AsArray();
                for (var k = 0; k < 5; k++)
                {
                    lines[random.Next(lines.Count)]!["M"]!["quantity"] = new JsonObject { ["N"] = "999" };
                }
                oldImage["status"] = new JsonObject { ["S"] = "PENDING" };
                dynamodb["OldImage"] = oldImage;
                imageBytes += Encoding.UTF8.GetByteCount(oldImage.ToJsonString(Compact));
            }
            dynamodb["SequenceNumber"] = string.Create(CultureInfo.InvariantCulture, $"9{i + 1:D20}");
            dynamodb["SizeBytes"] = 400_000;
            dynamodb["StreamViewType"] = "NEW_AND_OLD_IMAGES";
            records.Add(new JsonObject
            {
                ["eventID"] = string.Create(CultureInfo.InvariantCulture, $"large-event-{i}"),
                ["eventName"] = isModify ? "MODIFY" : "INSERT",
                ["eventVersion"] = "1.1",
                ["eventSource"] = "aws:dynamodb",
                ["awsRegion"] = "us-east-1",
                ["dynamodb"] = dynamodb,
                ["eventSourceARN"] = StreamEventGenerator.StreamArn,
            });
        }

        var json = Encoding.UTF8.GetBytes(new JsonObject { ["Records"] = records }.ToJsonString(Compact));
        return (json, imageBytes, itemBytes / count, count, modifies);
    }

    /// <summary>An item just under 400 KB by DynamoDB's rules, as the processor counts them (numbers by their
    /// digit text, an upper bound), with a 32-level nested attribute.</summary>
    private static JsonObject Item(Random random, string id, string leaf)
    {
        var item = new JsonObject
        {
            [StreamEventGenerator.KeyAttribute] = new JsonObject { ["S"] = id },
            ["status"] = new JsonObject { ["S"] = "SHIPPED" },
            ["deep"] = Nested(NestingLevels, leaf),
        };
        var lines = new JsonArray();
        item["lines"] = new JsonObject { ["L"] = lines };
        // Stay under the limit with room for the processor's upper-bound number sizes (~1 byte per number).
        const int budget = 400 * 1024 - 12 * 1024;
        var size = DynamoDbItemSize.Of(item);
        var n = 0;
        while (true)
        {
            var line = new JsonObject
            {
                ["M"] = new JsonObject
                {
                    ["sku"] = new JsonObject { ["S"] = string.Create(CultureInfo.InvariantCulture, $"SKU-{n:D6}") },
                    ["name"] = new JsonObject { ["S"] = n % 3 == 0 ? "Crème brûlée torch \"Pro\"" : "Kaffeemühle Edelstahl" },
                    ["quantity"] = new JsonObject { ["N"] = random.Next(1, 50).ToString(CultureInfo.InvariantCulture) },
                    ["price"] = new JsonObject { ["N"] = "12345678901234567890.12345678901234567" },
                    ["gift"] = new JsonObject { ["BOOL"] = n % 2 == 0 },
                },
            };
            // An L element costs its value plus one byte.
            var lineSize = 1 + DynamoDbItemSize.Of(new JsonObject { ["x"] = line.DeepClone() }) - 1;
            if (size + lineSize > budget)
            {
                break;
            }
            lines.Add(line);
            size += lineSize;
            n++;
        }
        return item;
    }

    private static JsonObject Nested(int levels, string leaf)
    {
        JsonNode value = new JsonObject { ["S"] = leaf };
        for (var i = 0; i < levels; i++)
        {
            value = i % 2 == 0
                ? new JsonObject { ["M"] = new JsonObject { ["k"] = value } }
                : new JsonObject { ["L"] = new JsonArray(value) };
        }
        return (JsonObject)value;
    }
}
