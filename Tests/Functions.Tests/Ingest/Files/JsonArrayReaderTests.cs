using OrdersPipeline.Functions.Ingest.Files;
using OrdersPipeline.Functions.Ingest.Orders;

namespace OrdersPipeline.Functions.Tests.Ingest.Files;

public sealed class JsonArrayReaderTests
{
    [Test]
    public async Task Each_element_is_an_order_with_the_line_it_starts_on()
    {
        var text = "[\n  " + OrderJson.Valid("o-1") + ",\n  " + OrderJson.Valid("o-2").Replace(",\"items\"", ",\n\"items\"")
                   + ",\n  42\n]\n";
        var records = await Read.AllAsync(new JsonArrayReader(), text);
        Assert.Multiple(() =>
        {
            Assert.That(records, Has.Count.EqualTo(3));
            Assert.That(records[0].Order!.OrderId, Is.EqualTo("o-1"));
            Assert.That(records[0].Line, Is.EqualTo(2));
            Assert.That(records[1].Line, Is.EqualTo(3));
            Assert.That(records[1].LastLine, Is.EqualTo(4));
            Assert.That(records[2].Line, Is.EqualTo(5));
            Assert.That(records[2].Problems.Single().Reason, Does.Contain("must be a JSON object"));
            Assert.That(records[2].Raw, Is.EqualTo("42"));
        });
    }

    [Test]
    public async Task An_empty_array_has_no_orders() =>
        Assert.That(await Read.AllAsync(new JsonArrayReader(), " [ ] "), Is.Empty);

    [TestCase("{\"orderId\":\"o\"}", "does not start with '['")]
    [TestCase("[{\"orderId\":\"o\"}", "not closed")]
    [TestCase("[{\"orderId\":\"o\"},,]", "not a valid JSON array")]
    [TestCase("", "empty")]
    [TestCase("[] []", "more after the end")]
    public void A_file_that_is_not_one_array_fails_as_a_whole(string text, string message) =>
        Assert.That(async () => await Read.AllAsync(new JsonArrayReader(), text),
            Throws.TypeOf<IngestFileException>().With.Message.Contains(message));

    [Test]
    public async Task Orders_before_a_syntax_error_are_read_and_the_error_ends_the_file()
    {
        var records = new List<FileRecord>();
        var text = "[" + OrderJson.Valid("o-1") + ",\n{\"orderId\": oops}]";
        Assert.That(async () =>
        {
            await foreach (var record in new JsonArrayReader().ReadAsync(
                               new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), CancellationToken.None))
            {
                records.Add(record);
            }
        }, Throws.TypeOf<IngestFileException>());
        Assert.That(records.Single().Order!.OrderId, Is.EqualTo("o-1"));
    }

    [TestCase(100)]
    [TestCase(3_000_000)]
    public async Task An_element_over_the_limit_is_rejected_and_skipped_without_being_held(int extra)
    {
        // The notes are many short strings, so even a 3 MB element never needs a large buffer.
        var notes = new System.Text.Json.Nodes.JsonArray();
        for (var i = 0; i < (OrderLimits.MaxRecordBytes + extra) / 10; i++)
        {
            notes.Add("abcdefgh");
        }

        var huge = OrderJson.With(o => o["notes"] = notes);
        var text = "[" + OrderJson.Valid("o-1") + ",\n " + huge + ",\n" + OrderJson.Valid("o-3") + "]";
        var records = await Read.AllAsync(new JsonArrayReader(), text, chunk: 65536);
        Assert.Multiple(() =>
        {
            Assert.That(records.Select(r => r.Order?.OrderId), Is.EqualTo(new[] { "o-1", null, "o-3" }));
            Assert.That(records[1].Line, Is.EqualTo(2));
            Assert.That(records[1].Problems.Single().Reason, Does.Contain("longer than 262144 bytes"));
            Assert.That(records[1].Raw, Does.StartWith("{\"orderId\""));
            Assert.That(records[2].Line, Is.EqualTo(3));
        });
    }

    [Test]
    public void A_single_value_too_large_to_skip_ends_the_file()
    {
        var huge = OrderJson.With(o => o["notes"] = new string('x', 3 * OrderLimits.MaxRecordBytes));
        Assert.That(async () => await Read.AllAsync(new JsonArrayReader(), "[" + huge + "]", chunk: 65536),
            Throws.TypeOf<IngestFileException>().With.Message.Contains("longer than 524288 bytes"));
    }

    [Test]
    public async Task Money_in_an_element_keeps_its_exact_text()
    {
        var records = await Read.AllAsync(new JsonArrayReader(),
            "[" + OrderJson.With(o => o["items"]![0]!["unitPrice"] = System.Text.Json.Nodes.JsonNode.Parse("100.10")) + "]");
        Assert.That(records.Single().Order!.Attributes["items"].L[0].M["unitPrice"].N, Is.EqualTo("100.10"));
    }
}
