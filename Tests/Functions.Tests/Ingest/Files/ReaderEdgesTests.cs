using System.Text;
using OrdersPipeline.Functions.Ingest.Files;
using OrdersPipeline.Functions.Ingest.Orders;

namespace OrdersPipeline.Functions.Tests.Ingest.Files;

/// <summary>The readers at the edges of their formats: a byte-order mark, the kept start of an over-long record, and
/// lines the validator refuses, which are that record's reject and never the file's failure.</summary>
public sealed class ReaderEdgesTests
{
    private const string Bom = "\uFEFF";

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(7)]
    public async Task A_byte_order_mark_before_ndjson_is_skipped(int chunk)
    {
        var records = await Read.AllAsync(new NdjsonReader(), Bom + OrderJson.Valid("o-1") + "\n" + OrderJson.Valid("o-2"), chunk);
        Assert.That(records.Select(r => r.Order?.OrderId), Is.EqualTo(new[] { "o-1", "o-2" }));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(7)]
    public async Task A_byte_order_mark_before_a_json_array_is_skipped(int chunk)
    {
        var records = await Read.AllAsync(new JsonArrayReader(), Bom + "[" + OrderJson.Valid("o-1") + "]", chunk);
        Assert.That(records.Single().Order!.OrderId, Is.EqualTo("o-1"));
    }

    [Test]
    public async Task A_byte_order_mark_anywhere_else_is_not_skipped()
    {
        var records = await Read.AllAsync(new NdjsonReader(), OrderJson.Valid("o-1") + "\n" + Bom + OrderJson.Valid("o-2"));
        Assert.That(records[1].Problems.Single().Reason, Is.EqualTo("is not valid JSON"));
    }

    [Test]
    public async Task A_byte_order_mark_alone_is_an_empty_json_file() =>
        Assert.That(async () => await Read.AllAsync(new JsonArrayReader(), Bom),
            Throws.TypeOf<IngestFileException>().With.Message.Contains("empty"));

    /// <summary>An order whose first 1024 bytes end inside a three-byte character.</summary>
    private static string OverLongWithEuroAtTheCut(out string keptStart)
    {
        const string start = "{\"orderId\":\"o-1\",\"notes\":\"";
        var padding = new string('x', 1024 - Encoding.UTF8.GetByteCount(start) - 1);
        var line = start + padding + string.Concat(Enumerable.Repeat("€", OrderLimits.MaxRecordBytes / 3)) + "\"}";
        keptStart = start + padding; // 1023 bytes: the next character would end at byte 1026
        return line;
    }

    [Test]
    public async Task The_kept_start_of_an_over_long_ndjson_line_ends_on_a_character()
    {
        var line = OverLongWithEuroAtTheCut(out var kept);
        var records = await Read.AllAsync(new NdjsonReader(), line + "\n" + OrderJson.Valid("o-2"), chunk: 4096);
        Assert.Multiple(() =>
        {
            Assert.That(records[0].Raw, Is.EqualTo(kept));
            Assert.That(records[0].RawTruncated, Is.True);
            Assert.That(records[1].Order!.OrderId, Is.EqualTo("o-2"));
        });
    }

    [Test]
    public async Task The_kept_start_of_an_over_long_json_element_ends_on_a_character()
    {
        var line = OverLongWithEuroAtTheCut(out var kept);
        var records = await Read.AllAsync(new JsonArrayReader(), "[" + line + "," + OrderJson.Valid("o-2") + "]", chunk: 4096);
        Assert.That(records[0].Raw, Is.EqualTo(kept));
    }

    [Test]
    public async Task The_kept_start_of_an_over_long_csv_line_ends_on_a_character()
    {
        var padding = new string('x', 1024 - "o-1,c,EUR,A,1,1,".Length - 1);
        var line = "o-1,c,EUR,A,1,1," + padding + string.Concat(Enumerable.Repeat("€", OrderLimits.MaxRecordBytes / 3));
        var records = await Read.AllAsync(new CsvReader(), "orderId,customerId,currency,sku,quantity,unitPrice,notes\n" + line + "\n");
        Assert.That(records.Single().Raw, Is.EqualTo("o-1,c,EUR,A,1,1," + padding));
    }

    [Test]
    public async Task Ndjson_lines_the_validator_refuses_are_rejects_and_the_lines_after_them_are_read()
    {
        var lines = new[]
        {
            OrderJson.Valid("o-1"),
            OrderJson.Valid("o-\\ud800"),
            """{"orderId":"o-3","\udc00":1,"customerId":"c","currency":"EUR","items":[{"sku":"A","quantity":1,"unitPrice":1}]}""",
            OrderJson.Valid("o-4").Replace("\"quantity\":2", "\"quantity\":2,\"w\":1E+126"),
            OrderJson.Valid("o-5").Replace("\"c-42\"", "\"c-42\",\"meta\":{\"gift\":true,\"gift\":false}"),
            OrderJson.Valid("o-6"),
        };
        var records = await Read.AllAsync(new NdjsonReader(), string.Join("\n", lines));
        Assert.Multiple(() =>
        {
            Assert.That(records.Select(r => r.Order?.OrderId), Is.EqualTo(new[] { "o-1", null, null, null, null, "o-6" }));
            Assert.That(records[1].Problems.Single().Field, Is.EqualTo("orderId"));
            Assert.That(records[1].OrderId, Is.Null, "an id that is not text is not echoed");
            Assert.That(records[1].Raw, Is.EqualTo(lines[1]));
            Assert.That(records[2].OrderId, Is.EqualTo("o-3"));
            Assert.That(records[3].Problems.Single().Field, Is.EqualTo("items[0].w"));
            Assert.That(records[4].Problems.Single().Field, Is.EqualTo("meta.gift"));
        });
    }
}
