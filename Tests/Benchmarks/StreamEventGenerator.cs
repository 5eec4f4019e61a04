using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrdersPipeline.Benchmarks;

/// <summary>
/// The benchmark's input: <c>N</c> DynamoDB stream records with distinct keys, as Lambda event JSON in batches.
/// </summary>
/// <param name="Batches">Each batch is one serialized <c>{"Records":[...]}</c> event, UTF-8.</param>
/// <param name="AverageNewImageJsonBytes">NewImage as compact DynamoDB JSON (what the handler parses).</param>
/// <param name="AverageItemSizeBytes">NewImage by DynamoDB's item-size rules (names + values), an estimate.</param>
internal sealed record Workload(
    IReadOnlyList<byte[]> Batches,
    int Records,
    int Inserts,
    int Modifies,
    double AverageNewImageJsonBytes,
    double AverageItemSizeBytes,
    double AverageEventBytesPerRecord);

/// <summary>
/// Realistic order items: strings (some non-ASCII, some needing escapes), numbers with many digits, BOOL, NULL,
/// nested M and L, SS and NS. Each NewImage is filled to about <c>itemBytes</c> of DynamoDB JSON; a MODIFY's
/// OldImage differs in a few attributes. Deterministic for a seed.
/// </summary>
internal static class StreamEventGenerator
{
    public const string KeyAttribute = "orderId";
    public const string StreamArn =
        "arn:aws:dynamodb:us-east-1:123456789012:table/bench-orders-table-backend/stream/2026-11-20T00:00:00.000";

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions CompactWriter = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] Statuses = ["PENDING", "PAID", "PACKED", "SHIPPED", "DELIVERED"];
    private static readonly string[] Currencies = ["EUR", "USD", "CHF", "GBP"];
    private static readonly string[] Cities = ["Zürich", "München", "São Paulo", "Kraków", "Seattle", "Reykjavík", "Lyon"];
    private static readonly string[] Products =
    [
        "Espresso machine \"Barista Pro\"", "Kaffeemühle Edelstahl", "Crème brûlée torch", "USB-C cable 2 m",
        "Noise-cancelling headphones", "Wool socks (3 pairs)", "Cast-iron skillet 28 cm", "Smørrebrød cookbook",
    ];
    private static readonly string[] Words =
    [
        "please", "leave", "parcel", "at", "the", "back", "door", "ring", "twice", "fragile", "gift", "wrap",
        "no", "invoice", "in", "box", "call", "before", "delivery", "Straße", "Tür", "côté", "cour",
    ];
    private static readonly string[] Tags = ["gift", "express", "fragile", "bulk", "priority", "eco", "b2b", "repeat"];

    public static Workload Generate(int records, int batchSize, int itemBytes, int modifyPercent, int seed)
    {
        var random = new Random(seed);
        var batches = new List<byte[]>();
        var batch = new JsonArray();
        long imageJsonBytes = 0, itemSizeBytes = 0, eventBytes = 0;
        var modifies = 0;
        var start = new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

        for (var i = 0; i < records; i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"ord-{i:D7}-{random.Next(0x100000, 0xFFFFFF):x6}");
            var createdAt = start.AddSeconds(i * 0.5 + random.Next(0, 3));
            var newImage = NewImage(random, id, createdAt, itemBytes);
            var isModify = random.Next(100) < modifyPercent;
            var oldImage = isModify ? OldImage(random, newImage) : null;
            if (isModify)
            {
                modifies++;
            }

            var newImageSize = Encoding.UTF8.GetByteCount(newImage.ToJsonString(Compact));
            imageJsonBytes += newImageSize;
            var itemSize = DynamoDbItemSize.Of(newImage);
            itemSizeBytes += itemSize;

            var dynamodb = new JsonObject
            {
                ["ApproximateCreationDateTime"] = createdAt.ToUnixTimeSeconds(),
                ["Keys"] = new JsonObject { [KeyAttribute] = S(id) },
                ["NewImage"] = newImage,
            };
            if (oldImage is not null)
            {
                dynamodb["OldImage"] = oldImage;
            }

            dynamodb["SequenceNumber"] = string.Create(CultureInfo.InvariantCulture, $"4{i + 1:D20}");
            dynamodb["SizeBytes"] = itemSize + (oldImage is null ? 0 : DynamoDbItemSize.Of(oldImage));
            dynamodb["StreamViewType"] = "NEW_AND_OLD_IMAGES";

            batch.Add(new JsonObject
            {
                ["eventID"] = Convert.ToHexStringLower(RandomBytes(random, 16)),
                ["eventName"] = isModify ? "MODIFY" : "INSERT",
                ["eventVersion"] = "1.1",
                ["eventSource"] = "aws:dynamodb",
                ["awsRegion"] = "us-east-1",
                ["dynamodb"] = dynamodb,
                ["eventSourceARN"] = StreamArn,
            });

            if (batch.Count == batchSize || i == records - 1)
            {
                var bytes = Serialize(new JsonObject { ["Records"] = batch });
                eventBytes += bytes.Length;
                batches.Add(bytes);
                batch = [];
            }
        }

        return new Workload(batches, records, records - modifies, modifies,
            (double)imageJsonBytes / records, (double)itemSizeBytes / records, (double)eventBytes / records);
    }

    private static JsonObject NewImage(Random random, string id, DateTimeOffset createdAt, int targetBytes)
    {
        var image = new JsonObject
        {
            [KeyAttribute] = S(id),
            ["customerId"] = S(string.Create(CultureInfo.InvariantCulture, $"cust-{random.Next(1, 999_999):D6}")),
            ["status"] = S(Statuses[random.Next(1, Statuses.Length)]),
            ["createdAt"] = S(createdAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)),
            ["updatedAt"] = S(createdAt.AddMinutes(random.Next(1, 600)).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)),
            ["currency"] = S(Currencies[random.Next(Currencies.Length)]),
            ["total"] = N(Decimal(random, 1, 99_999, 2)),
            ["taxRate"] = N("0." + Digits(random, 17)),
            ["ledgerAmount"] = N(Digits(random, 20, leadingNonZero: true) + "." + Digits(random, 18)),
            ["loyaltyPoints"] = N(random.Next(0, 50_000).ToString(CultureInfo.InvariantCulture)),
            ["paid"] = new JsonObject { ["BOOL"] = random.Next(2) == 1 },
            ["coupon"] = new JsonObject { ["NULL"] = true },
            ["tags"] = new JsonObject { ["SS"] = new JsonArray([.. Pick(random, Tags, 3).Select(t => (JsonNode)t)]) },
            ["riskScores"] = new JsonObject
            {
                ["NS"] = new JsonArray(Decimal(random, 0, 1, 6), "-0.00125", Digits(random, 12, leadingNonZero: true)),
            },
            ["shippingAddress"] = M(new JsonObject
            {
                ["street"] = S($"{random.Next(1, 300)} {Words[random.Next(Words.Length)]} street"),
                ["city"] = S(Cities[random.Next(Cities.Length)]),
                ["zip"] = S(random.Next(10_000, 99_999).ToString(CultureInfo.InvariantCulture)),
                ["country"] = S("DE"),
                ["geo"] = M(new JsonObject
                {
                    ["lat"] = N(Decimal(random, 10, 60, 7)),
                    ["lon"] = N("-" + Decimal(random, 1, 120, 7)),
                }),
            }),
        };

        var items = new JsonArray();
        image["items"] = new JsonObject { ["L"] = items };
        while (true)
        {
            var item = LineItem(random, items.Count);
            var itemSize = Size(item) + 1;
            if (items.Count > 0 && Size(image) + itemSize > targetBytes)
            {
                break;
            }

            items.Add(item);
        }

        // Fill the rest with a free-text note so every image lands close to the target size.
        const int noteOverhead = 18; // ,"notes":{"S":""}
        var remaining = targetBytes - Size(image) - noteOverhead;
        if (remaining > 0)
        {
            image["notes"] = S(Note(random, remaining));
        }

        return image;
    }

    private static JsonObject LineItem(Random random, int index) => M(new JsonObject
    {
        ["line"] = N((index + 1).ToString(CultureInfo.InvariantCulture)),
        ["sku"] = S(string.Create(CultureInfo.InvariantCulture, $"SKU-{random.Next(100, 999)}-{random.Next(10_000, 99_999)}")),
        ["name"] = S(Products[random.Next(Products.Length)]),
        ["unitPrice"] = N(Decimal(random, 1, 2_000, 2)),
        ["quantity"] = N(random.Next(1, 12).ToString(CultureInfo.InvariantCulture)),
        ["discount"] = N("0." + Digits(random, 15)),
        ["options"] = M(new JsonObject { ["color"] = S("graphite"), ["size"] = S("M") }),
    });

    private static JsonObject OldImage(Random random, JsonObject newImage)
    {
        var old = (JsonObject)newImage.DeepClone();
        old["status"] = S(Statuses[0]);
        old["paid"] = new JsonObject { ["BOOL"] = false };
        old["updatedAt"] = S((string)newImage["createdAt"]!["S"]!);
        if (random.Next(2) == 0)
        {
            old["total"] = N(Decimal(random, 1, 99_999, 2));
        }

        if (random.Next(3) == 0)
        {
            old.Remove("notes");
        }

        if (random.Next(4) == 0)
        {
            old["tags"] = new JsonObject { ["SS"] = new JsonArray([.. Pick(random, Tags, 2).Select(t => (JsonNode)t)]) };
        }

        return old;
    }

    private static string Note(Random random, int bytes)
    {
        var note = new StringBuilder();
        while (true)
        {
            var word = Words[random.Next(Words.Length)];
            var next = note.Length == 0 ? word : " " + word;
            if (Encoding.UTF8.GetByteCount(note.ToString()) + Encoding.UTF8.GetByteCount(next) > bytes)
            {
                break;
            }

            note.Append(next);
        }
        return note.ToString();
    }

    private static JsonObject S(string value) => new() { ["S"] = value };

    private static JsonObject N(string value) => new() { ["N"] = value };

    private static JsonObject M(JsonObject map) => new() { ["M"] = map };

    private static int Size(JsonNode node) => Encoding.UTF8.GetByteCount(node.ToJsonString(Compact));

    private static string Decimal(Random random, int min, int max, int fractionDigits) =>
        random.Next(min, max).ToString(CultureInfo.InvariantCulture) + "." + Digits(random, fractionDigits);

    private static string Digits(Random random, int count, bool leadingNonZero = false)
    {
        Span<char> digits = stackalloc char[count];
        for (var i = 0; i < count; i++)
        {
            digits[i] = (char)('0' + random.Next(i == 0 && leadingNonZero ? 1 : 0, 10));
        }

        return new string(digits);
    }

    private static IEnumerable<string> Pick(Random random, string[] from, int count) =>
        from.OrderBy(_ => random.Next()).Take(count).ToArray();

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Serialize(JsonNode node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, CompactWriter))
        {
            node.WriteTo(writer);
        }

        return stream.ToArray();
    }
}

/// <summary>
/// An item's size by DynamoDB's sizing rules, from its DynamoDB JSON: attribute names plus values (S as UTF-8,
/// N about one byte per two significant digits plus one, B as bytes, BOOL/NULL one byte, M/L three bytes plus one
/// per element). An estimate for reporting only.
/// </summary>
internal static class DynamoDbItemSize
{
    public static int Of(JsonObject image) =>
        image.Sum(attribute => Encoding.UTF8.GetByteCount(attribute.Key) + Value(attribute.Value!.AsObject()));

    private static int Value(JsonObject value)
    {
        var (tag, content) = value.Single();
        return tag switch
        {
            "S" => Encoding.UTF8.GetByteCount((string)content!),
            "N" => Number((string)content!),
            "B" => Convert.FromBase64String((string)content!).Length,
            "BOOL" or "NULL" => 1,
            "M" => 3 + content!.AsObject().Sum(a => Encoding.UTF8.GetByteCount(a.Key) + Value(a.Value!.AsObject()) + 1),
            "L" => 3 + content!.AsArray().Sum(e => Value(e!.AsObject()) + 1),
            "SS" => content!.AsArray().Sum(e => Encoding.UTF8.GetByteCount((string)e!)),
            "NS" => content!.AsArray().Sum(e => Number((string)e!)),
            "BS" => content!.AsArray().Sum(e => Convert.FromBase64String((string)e!).Length),
            _ => throw new InvalidOperationException($"Unknown attribute type '{tag}'."),
        };
    }

    private static int Number(string text)
    {
        var significant = text.TrimStart('-').Replace(".", "", StringComparison.Ordinal).Trim('0').Length;
        return Math.Max(1, (significant + 1) / 2) + 1;
    }
}
