using System.Globalization;
using Amazon.DynamoDBv2.Model;
using OrdersPipeline.Functions.Privacy;

namespace OrdersPipeline.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project Tests/Benchmarks -- card-numbers</c>: the card-number guard's CPU per record,
/// on the processor's path (<see cref="CardNumberGuard.MaskImage"/> of a clean ~1 KB order, and of one holding a card
/// number), against the processor's ceiling of 50 µs of CPU per record; and the detector on 1 KB of clean text.
/// Thread CPU time (<see cref="ThreadCpuTime"/>), median of rounds.
/// </summary>
internal static class CardNumberBenchmark
{
    private const double CeilingMicrosPerRecord = 50;
    private const int Rounds = 15;
    private const int PerRound = 20_000;

    public static int Run()
    {
        var clean = Order(card: null);
        var dirty = Order(card: "4929 8375 6102 9385");
        var text = string.Concat(Enumerable.Repeat("order o-1001 2026-11-23 sku A-1 qty 2 at 19.90; ", 30))[..1024];

        var cleanMicros = Measure(() => CardNumberGuard.Default.MaskImage(clean, out _));
        var dirtyMicros = Measure(() => CardNumberGuard.Default.MaskImage(dirty, out _));
        var textMicros = Measure(() => CardNumberDetector.Contains(text));
        var allocated = AllocatedPerCall(() => CardNumberGuard.Default.MaskImage(clean, out _));

        Console.WriteLine("## Card-number detector");
        Console.WriteLine($"clock: {(ThreadCpuTime.IsThreadCpuClock ? "thread CPU" : "stopwatch (no thread CPU clock)")}, " +
                          $"median of {Rounds} rounds of {PerRound}");
        Console.WriteLine($"clean order (~{Size(clean)} B, {Values(clean)} values), MaskImage: {Format(cleanMicros)} µs CPU/record, " +
                          $"{allocated:0} B allocated/record");
        Console.WriteLine($"order with a card number, MaskImage: {Format(dirtyMicros)} µs CPU/record");
        Console.WriteLine($"1 KB of clean text, Contains: {Format(textMicros)} µs CPU");
        var pass = cleanMicros <= CeilingMicrosPerRecord;
        Console.WriteLine($"{(pass ? "PASS" : "MISS")}: a clean 1 KB order costs {Format(cleanMicros)} µs of the processor's " +
                          $"{CeilingMicrosPerRecord} µs CPU ceiling per record");
        return 0;
    }

    private static double Measure(Action action)
    {
        for (var i = 0; i < PerRound * 5; i++)
        {
            action(); // warm up into tier-1 code
        }

        var rounds = new double[Rounds];
        for (var round = 0; round < Rounds; round++)
        {
            var start = ThreadCpuTime.Nanoseconds();
            for (var i = 0; i < PerRound; i++)
            {
                action();
            }

            rounds[round] = (ThreadCpuTime.Nanoseconds() - start) / 1000.0 / PerRound;
        }

        Array.Sort(rounds);
        return rounds[Rounds / 2];
    }

    private static double AllocatedPerCall(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < PerRound; i++)
        {
            action();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)PerRound;
    }

    /// <summary>An order as the table holds it, about 1 KB of JSON: ids, currency, three items, an address, notes.</summary>
    private static Dictionary<string, AttributeValue> Order(string? card)
    {
        AttributeValue S(string s) => new() { S = s };
        AttributeValue N(string n) => new() { N = n };
        var items = Enumerable.Range(1, 3).Select(i => new AttributeValue
        {
            M = new Dictionary<string, AttributeValue>
            {
                ["sku"] = S($"SKU-{i:D4}-BLUE-XL"), ["quantity"] = N(i.ToString(CultureInfo.InvariantCulture)),
                ["unitPrice"] = N("19.90"), ["name"] = S("Merino wool sweater, navy, extra large"),
            },
        }).ToList();
        return new Dictionary<string, AttributeValue>
        {
            ["orderId"] = S("o-2026-11-23-000123"), ["customerId"] = S("c-000042"), ["currency"] = S("EUR"),
            ["items"] = new() { L = items },
            ["shipping"] = new()
            {
                M = new Dictionary<string, AttributeValue>
                {
                    ["street"] = S("Hauptstraße 12"), ["city"] = S("Berlin"), ["postcode"] = S("10115"),
                    ["country"] = S("DE"), ["phone"] = S("+49 30 1234 5678"),
                },
            },
            ["note"] = S(card is null ? "Please leave the parcel with the neighbour at number 14 if nobody answers."
                : $"Please charge my card {card} and leave the parcel with the neighbour."),
            ["tracking"] = S("1Z999AA10123456784"), ["createdAt"] = S("2026-11-23T10:01:03.123Z"),
            ["updatedAt"] = S("2026-11-23T10:01:03.123Z"), ["version"] = N("3"),
            ["contentHash"] = S("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
            ["ingestSource"] = S("http"),
            ["giftMessage"] = S("Happy birthday! With love from all of us, see you on the 23rd at 7 pm, table for 12 " +
                                "at the usual place on 5th street. Call 030 1234 5678 if you are running late."),
        };
    }

    private static int Values(Dictionary<string, AttributeValue> map) => map.Values.Sum(Count);

    private static int Count(AttributeValue value) =>
        value.M is { } m ? Values(m) : value.L is { } l ? l.Sum(Count) : 1;

    private static int Size(Dictionary<string, AttributeValue> map) => map.Sum(kv => kv.Key.Length + 4 + Length(kv.Value));

    private static int Length(AttributeValue value) =>
        value.M is { } m ? Size(m) + 2 : value.L is { } l ? l.Sum(Length) + 2 : (value.S ?? value.N).Length + 2;

    private static string Format(double micros) => micros.ToString("0.00", CultureInfo.InvariantCulture);
}
