using OrdersPipeline.Functions.Ingest.Files;
using OrdersPipeline.Functions.Ingest.Orders;

namespace OrdersPipeline.Functions.Tests.Ingest.Files;

public sealed class NdjsonReaderTests
{
    [Test]
    public async Task Each_line_is_one_order_numbered_from_1_and_blank_lines_are_skipped()
    {
        var text = OrderJson.Valid("o-1") + "\r\n\n" + OrderJson.Valid("o-2") + "\n   \n" + OrderJson.Valid("o-3");
        var records = await Read.AllAsync(new NdjsonReader(), text);
        Assert.Multiple(() =>
        {
            Assert.That(records.Select(r => r.Order!.OrderId), Is.EqualTo(new[] { "o-1", "o-2", "o-3" }));
            Assert.That(records.Select(r => r.Line), Is.EqualTo(new long[] { 1, 3, 5 }));
        });
    }

    [Test]
    public async Task A_rejected_line_keeps_its_number_reasons_and_text()
    {
        var bad = """{"orderId":"o-2","customerId":"c","currency":"EUR","items":[]}""";
        var records = await Read.AllAsync(new NdjsonReader(), OrderJson.Valid("o-1") + "\n" + bad + "\nnot json\n");
        Assert.Multiple(() =>
        {
            Assert.That(records, Has.Count.EqualTo(3));
            Assert.That(records[1].Line, Is.EqualTo(2));
            Assert.That(records[1].OrderId, Is.EqualTo("o-2"));
            Assert.That(records[1].Problems.Single().Field, Is.EqualTo("items"));
            Assert.That(records[1].Raw, Is.EqualTo(bad));
            Assert.That(records[2].Line, Is.EqualTo(3));
            Assert.That(records[2].Problems.Single().Reason, Is.EqualTo("is not valid JSON"));
        });
    }

    [Test]
    public async Task A_line_over_the_limit_is_rejected_with_its_start_and_the_next_line_is_read()
    {
        var huge = OrderJson.With(o => o["notes"] = new string('x', OrderLimits.MaxRecordBytes + 10));
        var text = OrderJson.Valid("o-1") + "\n" + huge + "\n" + OrderJson.Valid("o-3") + "\n";
        var records = await Read.AllAsync(new NdjsonReader(), text, chunk: 4096);
        Assert.Multiple(() =>
        {
            Assert.That(records, Has.Count.EqualTo(3));
            Assert.That(records[1].Line, Is.EqualTo(2));
            Assert.That(records[1].Order, Is.Null);
            Assert.That(records[1].Problems.Single().Reason, Does.Contain("longer than 262144 bytes"));
            Assert.That(records[1].RawTruncated, Is.True);
            Assert.That(records[1].Raw, Has.Length.EqualTo(1024));
            Assert.That(records[2].Order!.OrderId, Is.EqualTo("o-3"));
            Assert.That(records[2].Line, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task A_line_of_exactly_the_limit_is_read()
    {
        var order = OrderJson.Valid();
        var line = order.Insert(order.Length - 1, ",\"notes\":\"" + new string('x', OrderLimits.MaxRecordBytes - order.Length - 11) + "\"");
        Assert.That(System.Text.Encoding.UTF8.GetByteCount(line), Is.EqualTo(OrderLimits.MaxRecordBytes));
        var records = await Read.AllAsync(new NdjsonReader(), line + "\r\n", chunk: 5000);
        Assert.That(records.Single().Order, Is.Not.Null);
    }

    [Test]
    public async Task An_over_long_last_line_without_a_newline_is_rejected()
    {
        var huge = new string('x', OrderLimits.MaxRecordBytes + 1);
        var records = await Read.AllAsync(new NdjsonReader(), OrderJson.Valid() + "\n" + huge, chunk: 65536);
        Assert.That(records.Select(r => r.Order is null), Is.EqualTo(new[] { false, true }));
        Assert.That(records[1].Line, Is.EqualTo(2));
    }
}
