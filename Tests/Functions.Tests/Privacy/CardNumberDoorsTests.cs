using System.Text.Json;
using System.Text.Json.Nodes;
using OrdersPipeline.Functions.Ingest.Files;
using OrdersPipeline.Functions.Ingest.Http;
using OrdersPipeline.Functions.Privacy;
using OrdersPipeline.Functions.Tests.Ingest.Files;
using OrdersPipeline.Functions.Tests.Ingest.Http;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Privacy;

/// <summary>Both doors refuse an order holding a card number, and no output of theirs holds its digits (at most the
/// last four): not the answer, the log, the metrics, the rejects file or the ingest log.</summary>
public sealed class CardNumberDoorsTests
{
    private const string Pan = CardNumbers.Visa;
    private const string Spaced = "4929 8375 6102 9385";

    private readonly CapturedLog _log = new();
    private readonly CapturedLog _metrics = new();

    private static string WithNote(string orderId, string note, string currency = "EUR") =>
        $$"""{"orderId":"{{orderId}}","customerId":"c-1","currency":"{{currency}}","items":[{"sku":"A-1","quantity":1,"unitPrice":"2.50"}],"note":"{{note}}"}""";

    /// <summary>The log without the timings, whose digits change from run to run.</summary>
    private string StableLog() => string.Join("\n", _log.Lines.Select(line =>
    {
        var node = JsonNode.Parse(line.GetRawText())!.AsObject();
        node.Remove("durationMs");
        node.Remove("remainingMs");
        return node.ToJsonString();
    }));

    [TestCase(Pan)]
    [TestCase(Spaced)]
    public async Task The_http_door_answers_400_naming_the_field_and_echoes_no_digit_of_the_number(string pan)
    {
        var store = new InMemoryOrderStore();
        var card = pan == Pan ? pan : $"\"{pan}\"";
        var body = "{\"orderId\":\"o-1\",\"customerId\":\"c-1\",\"currency\":\"EUR\",\"items\":[{\"sku\":\"A-1\"," +
            $"\"quantity\":1,\"unitPrice\":\"2.50\",\"gift\":{{\"card\":{card}}}}}],\"note\":\"pay with {pan}\"}}";
        var response = await new HttpIngestService(store, new FixedTime(), _log.Log)
            .HandleAsync(HttpRequests.Post(body), Invocations.Create(requestId: "lambda-1"));

        var errors = HttpRequests.Body(response).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("field").GetString(), e.GetProperty("reason").GetString()));
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(400));
            Assert.That(errors, Is.EquivalentTo(new[]
            {
                ("items[0].gift.card", CardNumberGuard.Reason), ("note", CardNumberGuard.Reason),
            }));
            Assert.That(store.Writes, Is.Zero);
            CardNumbers.AssertNoLeak(pan, response.Body + string.Join("\n", response.Headers), "the answer");
            CardNumbers.AssertNoLeak(pan, StableLog(), "the log");
        });
    }

    [Test]
    public async Task The_http_door_in_mask_mode_stores_the_masked_order()
    {
        var store = new InMemoryOrderStore();
        var response = await new HttpIngestService(store, new FixedTime(), _log.Log,
                new CardNumberGuard(CardNumberGuardMode.Mask))
            .HandleAsync(HttpRequests.Post(WithNote("o-1", $"pay with {Spaced}")), Invocations.Create());
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(201));
            Assert.That(store.Items["o-1"]["note"].S, Is.EqualTo("pay with 4929 83** **** 9385"));
        });
    }

    [Test]
    public async Task The_file_door_writes_a_reject_line_per_refused_order_and_no_output_holds_the_digits()
    {
        var drop = new DropBucket();
        var lines = string.Join("\n",
            WithNote("o-1", "fine"),
            WithNote("o-2", $"pay with {Pan}"),
            WithNote(Pan, "the id is a card"),
            WithNote("o-4", $"bad currency and {Spaced}", currency: "eur"),
            $$"""{"orderId":"o-5","note":"not even JSON {{Pan}}" """);
        drop.Drop("incoming/cards.ndjson", lines + "\n");
        await drop.Service(_log, _metrics.Output).HandleAsync([DropBucket.Created("incoming/cards.ndjson")],
            Invocations.Create(requestId: "req-1"));

        var rejects = drop.Puts.Single().Body;
        var reasons = rejects.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .ToDictionary(line => line.GetProperty("line").GetInt64(),
                line => line.GetProperty("reasons").EnumerateArray()
                    .Select(r => $"{r.GetProperty("field").GetString()}: {r.GetProperty("reason").GetString()}").ToArray());
        var everything = string.Join("\n", rejects, StableLog(), _metrics.Output.ToString(),
            string.Join("\n", drop.LogWrites.SelectMany(item => item.Values.Select(v => v.S ?? v.N))));
        Assert.Multiple(() =>
        {
            Assert.That(drop.Orders.Select(o => o["orderId"].S), Is.EqualTo(new[] { "o-1" }));
            Assert.That(reasons.Keys, Is.EqualTo(new long[] { 2, 3, 4, 5 }));
            Assert.That(reasons[2], Is.EqualTo(new[] { $"note: {CardNumberGuard.Reason}" }));
            Assert.That(reasons[3], Is.EqualTo(new[] { $"orderId: {CardNumberGuard.Reason}" }));
            Assert.That(rejects, Does.Contain("************9385"), "the refused id shows its last four only");
            Assert.That(rejects, Does.Contain("**** **** **** 9385"), "a record rejected for another reason keeps its text, redacted");
            CardNumbers.AssertNoLeak(Pan, everything, "the file door's output");
        });
    }

    [Test]
    public async Task The_file_door_refuses_a_card_number_in_a_csv_order_too()
    {
        var drop = new DropBucket();
        drop.Drop("incoming/cards.csv",
            $"orderId,customerId,currency,sku,quantity,unitPrice,note\no-1,c-1,EUR,A-1,1,2.50,{Spaced}\n");
        await drop.Service(_log, _metrics.Output).HandleAsync([DropBucket.Created("incoming/cards.csv")],
            Invocations.Create(requestId: "req-1"));
        var rejects = drop.Puts.Single().Body;
        Assert.Multiple(() =>
        {
            Assert.That(drop.Orders, Is.Empty);
            Assert.That(rejects, Does.Contain($"\"field\":\"items[0].note\",\"reason\":\"{CardNumberGuard.Reason}\""));
            CardNumbers.AssertNoLeak(Spaced, rejects + StableLog(), "the file door's output");
        });
    }
}
