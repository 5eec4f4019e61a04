using OrdersPipeline.Functions.Ingest.Files;
using OrdersPipeline.Functions.Ingest.Orders;

namespace OrdersPipeline.Functions.Tests.Ingest.Files;

public sealed class CsvReaderTests
{
    private const string Header = "orderId,customerId,currency,sku,quantity,unitPrice,giftWrap\n";

    [Test]
    public async Task Lines_of_one_order_are_grouped_into_its_items()
    {
        var text = Header +
                   "o-1,c-1,EUR,A-1,2,19.90,\n" +
                   "o-1,c-1,EUR,B-2,1,5,yes\n" +
                   "o-2,c-2,USD,C-3,3,0.10,\n";
        var records = await Read.AllAsync(new CsvReader(), text);
        var first = records[0].Order!;
        var items = first.Attributes["items"].L;
        Assert.Multiple(() =>
        {
            Assert.That(records.Select(r => r.Order!.OrderId), Is.EqualTo(new[] { "o-1", "o-2" }));
            Assert.That((records[0].Line, records[0].LastLine), Is.EqualTo((2L, 3L)));
            Assert.That((records[1].Line, records[1].LastLine), Is.EqualTo((4L, 4L)));
            Assert.That(items.Select(i => i.M["sku"].S), Is.EqualTo(new[] { "A-1", "B-2" }));
            Assert.That(items[0].M["quantity"].N, Is.EqualTo("2"));
            Assert.That(items[0].M["unitPrice"].N, Is.EqualTo("19.90"), "exact decimal text");
            Assert.That(items[0].M.ContainsKey("giftWrap"), Is.False, "an empty extra cell is left out");
            Assert.That(items[1].M["giftWrap"].S, Is.EqualTo("yes"), "an extra column is an item field");
            Assert.That(first.Attributes["currency"].S, Is.EqualTo("EUR"));
        });
    }

    [Test]
    public async Task Csv_orders_get_the_same_validation_as_http_orders()
    {
        var text = Header + "o-1,c-1,EUR,A-1,0,1.999,\n";
        var record = (await Read.AllAsync(new CsvReader(), text)).Single();
        var fromHttp = OrderValidator.Validate(OrderJson.Element(
            """{"orderId":"o-1","customerId":"c-1","currency":"EUR","items":[{"sku":"A-1","quantity":0,"unitPrice":"1.999"}]}"""));
        Assert.That(record.Problems, Is.EqualTo(fromHttp.Problems));
        Assert.That(record.Problems.Select(p => p.Field), Is.EquivalentTo(new[] { "items[0].quantity", "items[0].unitPrice" }));
    }

    [Test]
    public async Task Quoted_fields_with_commas_quotes_and_line_breaks_are_read()
    {
        var text = Header + "o-1,c-1,EUR,\"A,1\",1,2.50,\"say \"\"hi\"\"\nthere\"\no-2,c-2,EUR,B,1,1,\n";
        var records = await Read.AllAsync(new CsvReader(), text);
        var item = records[0].Order!.Attributes["items"].L[0].M;
        Assert.Multiple(() =>
        {
            Assert.That(item["sku"].S, Is.EqualTo("A,1"));
            Assert.That(item["giftWrap"].S, Is.EqualTo("say \"hi\"\nthere"));
            Assert.That((records[0].Line, records[0].LastLine), Is.EqualTo((2L, 3L)));
            Assert.That(records[1].Line, Is.EqualTo(4));
        });
    }

    [Test]
    public async Task An_order_whose_lines_disagree_on_customer_or_currency_is_rejected_whole()
    {
        var text = Header + "o-1,c-1,EUR,A,1,1,\no-1,c-9,USD,B,1,1,\n";
        var record = (await Read.AllAsync(new CsvReader(), text)).Single();
        Assert.Multiple(() =>
        {
            Assert.That(record.Order, Is.Null);
            Assert.That(record.Problems.Select(p => p.Field), Is.EquivalentTo(new[] { "customerId", "currency" }));
            Assert.That((record.Line, record.LastLine), Is.EqualTo((2L, 3L)));
            Assert.That(record.Raw, Is.EqualTo("o-1,c-1,EUR,A,1,1,\no-1,c-9,USD,B,1,1,"));
        });
    }

    [Test]
    public async Task Lines_of_an_order_that_come_back_later_are_rejected_rather_than_replacing_it()
    {
        var text = Header + "o-1,c,EUR,A,1,1,\no-2,c,EUR,B,1,1,\no-1,c,EUR,C,1,1,\n";
        var records = await Read.AllAsync(new CsvReader(), text);
        Assert.Multiple(() =>
        {
            Assert.That(records.Select(r => r.Order is not null), Is.EqualTo(new[] { true, true, false }));
            Assert.That(records[2].Line, Is.EqualTo(4));
            Assert.That(records[2].Problems.Single().Reason, Does.Contain("must be next to each other").And.Contain("line 2"));
        });
    }

    [Test]
    public async Task A_line_with_the_wrong_number_of_fields_rejects_its_order()
    {
        var records = await Read.AllAsync(new CsvReader(), Header + "o-1,c,EUR,A,1,1,\no-1,c,EUR,B,1\n");
        Assert.That(records.Single().Problems.Single(), Is.EqualTo(new FieldProblem("line 3", "has 5 fields; the header has 7")));
    }

    [Test]
    public async Task A_line_over_the_limit_is_rejected_and_reading_goes_on()
    {
        var huge = "o-2,c,EUR,B,1,1," + new string('x', OrderLimits.MaxRecordBytes) + "\n";
        var records = await Read.AllAsync(new CsvReader(), Header + "o-1,c,EUR,A,1,1,\n" + huge + "o-3,c,EUR,C,1,1,\n", chunk: 65536);
        Assert.Multiple(() =>
        {
            Assert.That(records.Select(r => r.Order?.OrderId), Is.EqualTo(new[] { "o-1", null, "o-3" }));
            Assert.That(records[1].Line, Is.EqualTo(3));
            Assert.That(records[1].Problems.Single().Reason, Does.Contain("longer than 262144"));
            Assert.That(records[1].RawTruncated, Is.True);
            Assert.That(records[1].Raw!.Length, Is.LessThanOrEqualTo(1024));
        });
    }

    [TestCase("orderId,customerId,currency,sku,quantity\n", "lacks the column(s) unitPrice")]
    [TestCase("orderId,customerId,currency,sku,quantity,unitPrice,sku\n", "names column 'sku' twice")]
    [TestCase("", "empty")]
    public void A_header_without_the_required_columns_fails_the_file(string text, string message) =>
        Assert.That(async () => await Read.AllAsync(new CsvReader(), text),
            Throws.TypeOf<IngestFileException>().With.Message.Contains(message));

    [Test]
    public async Task Crlf_line_endings_and_a_byte_order_mark_are_accepted()
    {
        var text = "\uFEFF" + Header.Replace("\n", "\r\n") + "o-1,c,EUR,A,1,1.5,\r\n";
        var records = await Read.AllAsync(new CsvReader(), text);
        Assert.That(records.Single().Order!.Attributes["items"].L[0].M["unitPrice"].N, Is.EqualTo("1.5"));
    }
}
