using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using OrdersPipeline.Infra.Definitions;

namespace OrdersPipeline.Emulator;

/// <summary>What <see cref="FaultWorkload"/> wrote.</summary>
public sealed record WorkloadCounts(int Inserts, int Updates, int Deletes, int Poison)
{
    public int Total => Inserts + Updates + Deletes;
}

/// <summary>
/// A seeded stream of order changes written through the real orders table, so they land in its real stream:
/// inserts, many updates of the same keys (whole-item puts that change total, status and revision), a few deletes,
/// and poison writes whose <c>total</c> is an N the emulator stores as given but that is not JSON number syntax
/// (<c>+5</c>, <c>.5</c>, <c>05</c>, <c>1_0</c>), so the processor must reject the change (and the next change of
/// that key, whose old image carries it). Changes go in <c>BatchWriteItem</c> calls of up to 25 with no key twice,
/// one call after another, so each key's changes keep their order in the stream.
/// </summary>
public sealed class FaultWorkload(IAmazonDynamoDB dynamoDb, string table, int seed)
{
    private const int MaxBatch = 25;
    private static readonly string[] PoisonNumbers = ["+5", ".5", "05", "1_0"];
    private static readonly string[] Statuses = ["NEW", "PAID", "PACKED", "SHIPPED", "DELIVERED", "RETURNED"];

    public async Task<WorkloadCounts> WriteAsync(int changes, int keys, double poisonRate, double deleteRate)
    {
        var random = new Random(seed);
        var orders = new Dictionary<int, (int Value, int Revision)>();
        var counts = new WorkloadCounts(0, 0, 0, 0);
        var batch = new List<WriteRequest>();
        var inBatch = new HashSet<int>();
        for (var change = 0; change < changes; change++)
        {
            var (key, draw, value) = (random.Next(keys), random.NextDouble(), random.Next(1, 1_000_000));
            var poison = draw < poisonRate ? PoisonNumbers[random.Next(PoisonNumbers.Length)] : null;
            if (batch.Count == MaxBatch || inBatch.Contains(key))
            {
                await FlushAsync(batch);
                inBatch.Clear();
            }
            inBatch.Add(key);
            var id = $"o-{key:D4}";
            var poisoned = poison is null ? 0 : 1;
            if (!orders.TryGetValue(key, out var order))
            {
                orders[key] = (value, 0);
                batch.Add(Put(Order(id, value, value, 0, poison)));
                counts = counts with { Inserts = counts.Inserts + 1, Poison = counts.Poison + poisoned };
            }
            else if (draw >= 1 - deleteRate)
            {
                orders.Remove(key);
                batch.Add(new WriteRequest { DeleteRequest = new DeleteRequest { Key = Key(id) } });
                counts = counts with { Deletes = counts.Deletes + 1 };
            }
            else
            {
                orders[key] = (order.Value, order.Revision + 1);
                batch.Add(Put(Order(id, order.Value, value, order.Revision + 1, poison)));
                counts = counts with { Updates = counts.Updates + 1, Poison = counts.Poison + poisoned };
            }
        }
        await FlushAsync(batch);
        return counts;
    }

    private async Task FlushAsync(List<WriteRequest> batch)
    {
        var pending = new Dictionary<string, List<WriteRequest>> { [table] = [.. batch] };
        batch.Clear();
        for (var attempt = 0; pending.Count > 0 && pending.Values.Sum(r => r.Count) > 0; attempt++)
        {
            if (attempt == 10)
            {
                throw new InvalidOperationException("BatchWriteItem kept leaving items unprocessed.");
            }
            var response = await dynamoDb.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = pending });
            pending = response.UnprocessedItems ?? [];
        }
    }

    private static WriteRequest Put(Dictionary<string, AttributeValue> item) =>
        new() { PutRequest = new PutRequest { Item = item } };

    private static Dictionary<string, AttributeValue> Key(string id) =>
        new() { [PipelineDefaults.OrdersTableHashKey] = new AttributeValue { S = id } };

    /// <summary>A total with more digits than a double holds, so a lossy conversion would show.</summary>
    private static string Total(int value) =>
        string.Create(CultureInfo.InvariantCulture, $"{value}.{value % 97:D2}000000000000000000{value % 7}");

    private static AttributeValue Line(
        AttributeValue sku, string quantity, Dictionary<string, AttributeValue>? more = null) => new()
    {
        M = new(more ?? []) { ["sku"] = sku, ["qty"] = new() { N = quantity } },
    };

    /// <param name="created">The value drawn when the order was inserted: what an update leaves as it is.</param>
    /// <param name="value">This change's value: total and status.</param>
    private static Dictionary<string, AttributeValue> Order(
        string id, int created, int value, int revision, string? poison) => new()
    {
        [PipelineDefaults.OrdersTableHashKey] = new() { S = id },
        ["total"] = new() { N = poison ?? Total(value) },
        ["status"] = new() { S = revision == 0 ? "NEW" : Statuses[value % Statuses.Length] },
        ["revision"] = new() { N = revision.ToString(CultureInfo.InvariantCulture) },
        ["customer"] = new() { S = $"Zoë Ñandú {created % 13} \"ü\"" },
        ["tags"] = new() { SS = ["web", $"c{created % 5}"] },
        ["lines"] = new()
        {
            L =
            [
                Line(new() { S = $"sku-{created % 31}" }, $"{1 + (created % 4)}"),
                Line(new() { S = "gift" }, "1", new() { ["note"] = new() { NULL = true } }),
            ],
        },
        ["express"] = new() { BOOL = created % 2 == 0 },
    };
}
