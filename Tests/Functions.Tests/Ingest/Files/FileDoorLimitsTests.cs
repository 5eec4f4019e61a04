using System.Text.Json;
using Amazon.S3.Model;
using Moq;
using OrdersPipeline.Functions.Ingest.Files;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Ingest.Files;

/// <summary>The file door with any mix of bad lines: every good order is written, every bad line is in the rejects
/// file, and the invocation succeeds (a line the door cannot read is that line's reject, never the file's
/// failure).</summary>
public sealed class FileDoorLimitsTests
{
    private readonly DropBucket _drop = new();
    private readonly CapturedLog _log = new();

    private Task IngestAsync(string key) =>
        _drop.Service(_log).HandleAsync([DropBucket.Created(key)], Invocations.Create(requestId: "req-1"));

    private List<JsonElement> Rejects() =>
        [.. _drop.Puts.Single().Body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    private static readonly string[] BadLines =
    [
        OrderJson.Valid("bad-surrogate-\\ud800"),
        """{"orderId":"bad-name","customerId":"c","currency":"EUR","\udc00":1,"items":[{"sku":"A","quantity":1,"unitPrice":1}]}""",
        OrderJson.Valid("bad-range").Replace("\"quantity\":2", "\"quantity\":2,\"w\":1E-131"),
        OrderJson.Valid("bad-deep").Replace("\"quantity\":2", "\"quantity\":2,\"d\":" +
            string.Concat(Enumerable.Repeat("[", 31)) + "1" + new string(']', 31)),
        OrderJson.Valid("bad-duplicate").Replace("\"c-42\"", "\"c-42\",\"meta\":{\"gift\":true,\"gift\":false}"),
        "{not json",
    ];

    [Test]
    public async Task An_ndjson_file_with_every_kind_of_bad_line_writes_every_good_order_and_succeeds()
    {
        var lines = new List<string> { "\uFEFF" + OrderJson.Valid("good-1") };
        foreach (var bad in BadLines)
        {
            lines.Add(bad);
            lines.Add(OrderJson.Valid($"good-{lines.Count}"));
        }

        _drop.Drop("incoming/mix.ndjson", string.Join("\n", lines));
        await IngestAsync("incoming/mix.ndjson");

        var log = _drop.LogItem("incoming/mix.ndjson");
        Assert.Multiple(() =>
        {
            Assert.That(_drop.Orders.Select(o => o["orderId"].S), Is.EqualTo(new[] { "good-1", "good-2", "good-4", "good-6", "good-8", "good-10", "good-12" }));
            Assert.That(Rejects().Select(r => r.GetProperty("line").GetInt64()), Is.EqualTo(new long[] { 2, 4, 6, 8, 10, 12 }));
            Assert.That(log["status"].S, Is.EqualTo(IngestStatus.CompletedWithRejects));
            Assert.That(log["retryable"].BOOL, Is.False);
            Assert.That(log["recordsRejected"].N, Is.EqualTo("6"));
        });
    }

    [Test]
    public async Task A_json_array_with_every_kind_of_bad_element_writes_every_good_order_and_succeeds()
    {
        var elements = BadLines[..^1].SelectMany((bad, i) => new[] { bad, OrderJson.Valid($"good-{i}") });
        _drop.Drop("incoming/mix.json", "\uFEFF[" + string.Join(",\n", elements) + "]");
        await IngestAsync("incoming/mix.json");

        Assert.Multiple(() =>
        {
            Assert.That(_drop.Orders, Has.Count.EqualTo(BadLines.Length - 1));
            Assert.That(Rejects(), Has.Count.EqualTo(BadLines.Length - 1));
            Assert.That(_drop.LogItem("incoming/mix.json")["status"].S, Is.EqualTo(IngestStatus.CompletedWithRejects));
        });
    }

    [Test]
    public async Task A_csv_order_whose_lines_come_back_later_is_written_in_no_part()
    {
        _drop.Drop("incoming/split.csv", "orderId,customerId,currency,sku,quantity,unitPrice\n" +
                                         "so-1,c,EUR,A,1,1\nso-2,c,EUR,B,1,1\nso-1,c,EUR,C,1,1\n");
        await IngestAsync("incoming/split.csv");

        Assert.Multiple(() =>
        {
            Assert.That(_drop.Orders.Select(o => o["orderId"].S), Is.EqualTo(new[] { "so-2" }));
            Assert.That(Rejects().Select(r => (r.GetProperty("line").GetInt64(), r.GetProperty("orderId").GetString())),
                Is.EqualTo(new (long, string?)[] { (2, "so-1"), (4, "so-1") }));
            _drop.S3.Verify(s => s.GetObjectAsync(It.Is<GetObjectRequest>(r => r.Key == "incoming/split.csv"),
                It.IsAny<CancellationToken>()), Times.Exactly(2), "a first pass, then the read");
        });
    }

    [Test]
    public async Task A_csv_order_over_256_KB_is_rejected_and_the_small_orders_around_it_are_written()
    {
        var big = string.Concat(Enumerable.Range(0, 3).Select(i => $"big,c,EUR,S{i},1,1,{new string('n', 150_000)}\n"));
        _drop.Drop("incoming/big.csv", "orderId,customerId,currency,sku,quantity,unitPrice,notes\n" +
                                       "small-1,c,EUR,A,1,1,\n" + big + "small-2,c,EUR,A,1,1,\n");
        await IngestAsync("incoming/big.csv");

        Assert.Multiple(() =>
        {
            Assert.That(_drop.Orders.Select(o => o["orderId"].S), Is.EqualTo(new[] { "small-1", "small-2" }));
            Assert.That(Rejects().Single().GetProperty("reasons")[0].GetProperty("reason").GetString(),
                Does.Contain("bytes as JSON; an order may be at most 262144"));
            Assert.That(_drop.LogItem("incoming/big.csv")["status"].S, Is.EqualTo(IngestStatus.CompletedWithRejects));
        });
    }

    private static string ItemField(string id, string field) =>
        OrderJson.Valid(id).Replace("\"quantity\":2", "\"quantity\":2," + field);

    private static string Arrays(int count) => new string('[', count) + "1" + new string(']', count);

    /// <summary>Pairs of orders: one at a limit (written), one just past it (rejected).</summary>
    private static readonly (string AtLimit, string PastLimit)[] Limits =
    [
        (ItemField("at-deep", "\"d\":" + Arrays(30)), ItemField("past-deep", "\"d\":" + Arrays(31))),
        (ItemField("at-big", "\"w\":9.9999999999999999999999999999999999999E+125"), ItemField("past-big", "\"w\":1E+126")),
        (ItemField("at-small", "\"w\":1E-130"), ItemField("past-small", "\"w\":1E-131")),
        (OrderJson.Valid(string.Concat(Enumerable.Repeat("😀", 50))), OrderJson.Valid(string.Concat(Enumerable.Repeat("😀", 50)) + "x")),
    ];

    [TestCase("incoming/limits.ndjson")]
    [TestCase("incoming/limits.json")]
    public async Task Orders_at_dynamodb_s_limits_are_written_and_just_past_them_rejected(string key)
    {
        var records = Limits.SelectMany(pair => new[] { pair.AtLimit, pair.PastLimit }).ToList();
        _drop.Drop(key, key.EndsWith(".json", StringComparison.Ordinal)
            ? "[" + string.Join(",\n", records) + "]"
            : string.Join("\n", records));
        await IngestAsync(key);

        Assert.Multiple(() =>
        {
            Assert.That(_drop.Orders.Select(o => o["orderId"].S),
                Is.EqualTo(new[] { "at-deep", "at-big", "at-small", string.Concat(Enumerable.Repeat("😀", 50)) }));
            Assert.That(Rejects().Select(r => r.GetProperty("line").GetInt64()), Is.EqualTo(new long[] { 2, 4, 6, 8 }));
            Assert.That(_drop.LogItem(key)["status"].S, Is.EqualTo(IngestStatus.CompletedWithRejects));
        });
    }
}
