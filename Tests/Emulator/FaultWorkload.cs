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
/// inserts, many updates of the same keys, a few deletes, and poison writes whose <c>total</c> is an N the
/// emulator stores as given but that is not JSON number syntax (<c>+5</c>, <c>.5</c>, <c>05</c>, <c>1_0</c>), so
/// the processor must reject the change (and the next change of that key, whose old image carries it).
/// Keys are written by a few writers at once, each owning its keys, so each key's changes keep their order.
/// </summary>
public sealed class FaultWorkload(IAmazonDynamoDB dynamoDb, string table, int seed)
{
    private static readonly string[] PoisonNumbers = ["+5", ".5", "05", "1_0"];
    private static readonly string[] Statuses = ["NEW", "PAID", "PACKED", "SHIPPED", "DELIVERED", "RETURNED"];

    public async Task<WorkloadCounts> WriteAsync(
        int changes, int keys, double poisonRate, double deleteRate, int writers = 4)
    {
        var random = new Random(seed);
        // The plan is drawn up front from one generator, so a seed gives the same changes whatever the writers do.
        var plan = Enumerable.Range(0, changes).Select(_ => (Key: random.Next(keys), Draw: random.NextDouble(),
            Value: random.Next(1, 1_000_000), Poison: PoisonNumbers[random.Next(PoisonNumbers.Length)])).ToList();
        var counts = new WorkloadCounts[writers];
        await Parallel.ForAsync(0, writers, async (writer, _) =>
        {
            var exists = new HashSet<int>();
            var mine = new WorkloadCounts(0, 0, 0, 0);
            foreach (var step in plan.Where(s => s.Key % writers == writer))
            {
                var id = $"o-{step.Key:D4}";
                if (!exists.Contains(step.Key))
                {
                    await PutAsync(Order(id, step.Value, step.Draw < poisonRate ? step.Poison : null));
                    exists.Add(step.Key);
                    mine = mine with { Inserts = mine.Inserts + 1, Poison = mine.Poison + (step.Draw < poisonRate ? 1 : 0) };
                }
                else if (step.Draw >= 1 - deleteRate)
                {
                    await dynamoDb.DeleteItemAsync(table, Key(id));
                    exists.Remove(step.Key);
                    mine = mine with { Deletes = mine.Deletes + 1 };
                }
                else
                {
                    await UpdateAsync(id, step.Value, step.Draw < poisonRate ? step.Poison : null);
                    mine = mine with { Updates = mine.Updates + 1, Poison = mine.Poison + (step.Draw < poisonRate ? 1 : 0) };
                }
            }
            counts[writer] = mine;
        });
        return counts.Aggregate(new WorkloadCounts(0, 0, 0, 0), (a, b) =>
            new WorkloadCounts(a.Inserts + b.Inserts, a.Updates + b.Updates, a.Deletes + b.Deletes, a.Poison + b.Poison));
    }

    private Task PutAsync(Dictionary<string, AttributeValue> item) => dynamoDb.PutItemAsync(table, item);

    private Task UpdateAsync(string id, int value, string? poison) => dynamoDb.UpdateItemAsync(new UpdateItemRequest
    {
        TableName = table,
        Key = Key(id),
        UpdateExpression = "SET #total = :total, #status = :status, revision = if_not_exists(revision, :zero) + :one",
        ExpressionAttributeNames = new() { ["#total"] = "total", ["#status"] = "status" },
        ExpressionAttributeValues = new()
        {
            [":total"] = new AttributeValue { N = poison ?? Total(value) },
            [":status"] = new AttributeValue { S = Statuses[value % Statuses.Length] },
            [":zero"] = new AttributeValue { N = "0" },
            [":one"] = new AttributeValue { N = "1" },
        },
    });

    private static Dictionary<string, AttributeValue> Key(string id) =>
        new() { [PipelineDefaults.OrdersTableHashKey] = new AttributeValue { S = id } };

    /// <summary>A total with more digits than a double holds, so a lossy conversion would show.</summary>
    private static string Total(int value) =>
        string.Create(CultureInfo.InvariantCulture, $"{value}.{value % 97:D2}000000000000000000{value % 7}");

    private static Dictionary<string, AttributeValue> Order(string id, int value, string? poison) => new()
    {
        [PipelineDefaults.OrdersTableHashKey] = new() { S = id },
        ["total"] = new() { N = poison ?? Total(value) },
        ["status"] = new() { S = "NEW" },
        ["customer"] = new() { S = $"Zoë Ñandú {value % 13} \"ü\"" },
        ["tags"] = new() { SS = ["web", $"c{value % 5}"] },
        ["lines"] = new()
        {
            L =
            [
                new() { M = new() { ["sku"] = new() { S = $"sku-{value % 31}" }, ["qty"] = new() { N = $"{1 + (value % 4)}" } } },
                new() { M = new() { ["sku"] = new() { S = "gift" }, ["qty"] = new() { N = "1" }, ["note"] = new() { NULL = true } } },
            ],
        },
        ["express"] = new() { BOOL = value % 2 == 0 },
    };
}
