using System.Text;
using System.Text.Json.Nodes;
using OrdersPipeline.Functions.Ingest.Files;
using OrdersPipeline.Functions.Ingest.Orders;

namespace OrdersPipeline.Functions.Tests.Ingest.Files;

/// <summary>A CSV order is written or rejected whole: its lines checked together (the 256 KB limit on the assembled
/// order), and every run of an order whose lines are split rejected, the first included. Also how spaces in fields
/// are read.</summary>
public sealed class CsvOrderWholeTests
{
    private const string Header = "orderId,customerId,currency,sku,quantity,unitPrice,notes\n";

    /// <summary>Both passes, as the file door runs them.</summary>
    private static async Task<List<FileRecord>> ReadBothPassesAsync(string text)
    {
        using var first = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var split = await CsvReader.FindSplitOrdersAsync(first, CancellationToken.None);
        return await Read.AllAsync(new CsvReader(split), text);
    }

    [Test]
    public async Task An_order_whose_lines_come_back_later_is_rejected_in_every_run()
    {
        var records = await ReadBothPassesAsync(Header + "so-1,c,EUR,A,1,1,\nso-2,c,EUR,B,1,1,\nso-1,c,EUR,C,1,1,\n");
        Assert.Multiple(() =>
        {
            Assert.That(records.Select(r => (r.Line, r.Order?.OrderId)),
                Is.EqualTo(new (long, string?)[] { (2, null), (3, "so-2"), (4, null) }));
            Assert.That(records[0].OrderId, Is.EqualTo("so-1"));
            Assert.That(records[0].Problems.Single().Reason, Does.Contain("must be next to each other").And.Contain("come back at line 4"));
            Assert.That(records[2].Problems.Single().Reason, Does.Contain("must be next to each other").And.Contain("end at line 2"));
        });
    }

    [Test]
    public async Task The_first_pass_names_each_split_order_with_the_line_it_comes_back_at()
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(
            Header + "a,c,EUR,A,1,1,\na,c,EUR,A,1,1,\nb,c,EUR,B,1,1,\na,c,EUR,C,1,1,\nb,c,EUR,B,1,1,\nc,c,EUR,B,1,1,\nb,c,EUR,B,1,1,\n"));
        var split = await CsvReader.FindSplitOrdersAsync(content, CancellationToken.None);
        Assert.That(split, Is.EquivalentTo(new Dictionary<string, long> { ["a"] = 5, ["b"] = 6 }));
    }

    [Test]
    public async Task Contiguous_orders_are_not_split()
    {
        var records = await ReadBothPassesAsync(Header + "so-1,c,EUR,A,1,1,\nso-1,c,EUR,B,1,1,\nso-2,c,EUR,B,1,1,\n");
        Assert.That(records.Select(r => r.Order?.OrderId), Is.EqualTo(new[] { "so-1", "so-2" }));
    }

    /// <summary>Three lines whose order, as the JSON the reader builds, is exactly <paramref name="bytes"/>.</summary>
    private static string ThreeLineOrder(string id, int bytes)
    {
        string Json(int pad) => new JsonObject
        {
            ["orderId"] = id, ["customerId"] = "c", ["currency"] = "EUR",
            ["items"] = new JsonArray(Enumerable.Range(0, 3).Select(i => (JsonNode)new JsonObject
            {
                ["sku"] = $"S{i}", ["quantity"] = 1, ["unitPrice"] = "1",
                ["notes"] = i == 0 ? new string('n', pad) : new string('n', 1000),
            }).ToArray()),
        }.ToJsonString();
        var pad = bytes - Json(0).Length;
        Assert.That(Json(pad).Length, Is.EqualTo(bytes));
        return string.Concat(Enumerable.Range(0, 3).Select(i =>
            $"{id},c,EUR,S{i},1,1,{(i == 0 ? new string('n', pad) : new string('n', 1000))}\n"));
    }

    [Test]
    public async Task An_assembled_order_of_256_KB_is_read_and_one_byte_more_is_rejected_whole()
    {
        var records = await ReadBothPassesAsync(Header +
            ThreeLineOrder("at", OrderLimits.MaxRecordBytes) + ThreeLineOrder("past", OrderLimits.MaxRecordBytes + 1) +
            "small,c,EUR,A,1,1,\n");
        Assert.Multiple(() =>
        {
            Assert.That(records.Select(r => r.Order?.OrderId), Is.EqualTo(new[] { "at", null, "small" }));
            Assert.That((records[1].Line, records[1].LastLine), Is.EqualTo((5L, 7L)));
            Assert.That(records[1].OrderId, Is.EqualTo("past"));
            Assert.That(records[1].Problems.Single().Reason, Is.EqualTo($"the order is {OrderLimits.MaxRecordBytes + 1} bytes as JSON; an order may be at most {OrderLimits.MaxRecordBytes}"));
            Assert.That(records[1].RawTruncated, Is.True);
            Assert.That(Encoding.UTF8.GetByteCount(records[1].Raw!), Is.LessThanOrEqualTo(RecordText.TruncatedRawBytes));
        });
    }

    [Test]
    public async Task An_order_of_many_lines_is_not_held_past_its_limit()
    {
        var line = "many,c,EUR,A,1,1," + new string('n', 100_000) + "\n";
        var records = await ReadBothPassesAsync(Header + string.Concat(Enumerable.Repeat(line, 12)) + "small,c,EUR,A,1,1,\n");
        Assert.Multiple(() =>
        {
            Assert.That(records.Select(r => r.Order?.OrderId), Is.EqualTo(new[] { null, "small" }));
            Assert.That((records[0].Line, records[0].LastLine), Is.EqualTo((2L, 13L)));
            Assert.That(records[0].Problems.Single().Reason, Does.Contain($"longer than {CsvReader.MaxOrderLinesChars} characters"));
        });
    }

    [Test]
    public async Task Quoted_fields_keep_their_spaces_and_unquoted_fields_lose_them()
    {
        var records = await Read.AllAsync(new CsvReader(),
            Header + "o-1 , c ,EUR,\"  two spaces  \",1,1,\"\t tab \"\n" +
            "o-1,c,EUR,  B  ,1,1,  \"quoted\"  \n");
        var items = records.Single().Order!.Attributes["items"].L;
        Assert.Multiple(() =>
        {
            Assert.That(records.Single().Order!.OrderId, Is.EqualTo("o-1"));
            Assert.That(items[0].M["sku"].S, Is.EqualTo("  two spaces  "));
            Assert.That(items[0].M["notes"].S, Is.EqualTo("\t tab "));
            Assert.That(items[1].M["sku"].S, Is.EqualTo("B"));
            Assert.That(items[1].M["notes"].S, Is.EqualTo("quoted"), "spaces around the quotes are not part of the field");
        });
    }
}
