using System.Text.Json.Nodes;
using OrdersPipeline.Functions.Ingest.Orders;

namespace OrdersPipeline.Functions.Tests.Ingest;

public sealed class OrderValidatorTests
{
    private static OrderValidation Validate(string json) => OrderValidator.Validate(OrderJson.Element(json));

    private static IReadOnlyList<FieldProblem> Problems(string json)
    {
        var result = Validate(json);
        Assert.That(result.IsValid, Is.False, "the order should be refused");
        return result.Problems;
    }

    [Test]
    public void A_valid_order_becomes_dynamodb_attributes_with_money_as_exact_number_text()
    {
        var result = Validate("""
            {"orderId":"o-1","customerId":"c-1","currency":"USD",
             "items":[{"sku":"A","quantity":3,"unitPrice":129.90},{"sku":"B","quantity":1,"unitPrice":"0.05","note":"gift"}]}
            """);
        Assert.That(result.IsValid, Is.True, string.Join("; ", result.Problems));
        var order = result.Order!;
        var items = order.Attributes["items"].L;
        Assert.Multiple(() =>
        {
            Assert.That(order.OrderId, Is.EqualTo("o-1"));
            Assert.That(order.Attributes["orderId"].S, Is.EqualTo("o-1"));
            Assert.That(order.Attributes["currency"].S, Is.EqualTo("USD"));
            Assert.That(items, Has.Count.EqualTo(2));
            Assert.That(items[0].M["unitPrice"].N, Is.EqualTo("129.90"), "the trailing zero is kept: no double");
            Assert.That(items[0].M["quantity"].N, Is.EqualTo("3"));
            Assert.That(items[1].M["unitPrice"].N, Is.EqualTo("0.05"), "a decimal string becomes an N");
            Assert.That(items[1].M["note"].S, Is.EqualTo("gift"), "unknown item fields are kept");
            Assert.That(order.ContentHash, Does.Match("^[0-9a-f]{64}$"));
        });
    }

    [Test]
    public void Money_is_never_rounded_through_double()
    {
        // 0.1 + 0.2 style values and large amounts keep every digit.
        var result = Validate(OrderJson.With(o => o["items"]![0]!["unitPrice"] = JsonNode.Parse("999999999999999999.99")));
        Assert.That(result.Order!.Attributes["items"].L[0].M["unitPrice"].N, Is.EqualTo("999999999999999999.99"));
    }

    [Test]
    public void Unknown_fields_of_every_json_type_are_kept()
    {
        var result = Validate(OrderJson.With(o =>
        {
            o["channel"] = "web";
            o["priority"] = JsonNode.Parse("1.250");
            o["gift"] = true;
            o["coupon"] = null;
            o["address"] = new JsonObject { ["city"] = "Zürich", ["lines"] = new JsonArray("a", "b") };
        }));
        var attributes = result.Order!.Attributes;
        Assert.Multiple(() =>
        {
            Assert.That(attributes["channel"].S, Is.EqualTo("web"));
            Assert.That(attributes["priority"].N, Is.EqualTo("1.250"));
            Assert.That(attributes["gift"].BOOL, Is.True);
            Assert.That(attributes["coupon"].NULL, Is.True);
            Assert.That(attributes["address"].M["city"].S, Is.EqualTo("Zürich"));
            Assert.That(attributes["address"].M["lines"].L.Select(v => v.S), Is.EqualTo(new[] { "a", "b" }));
        });
    }

    [Test]
    public void Every_invalid_field_is_named_at_once()
    {
        var problems = Problems("""{"orderId":"","currency":"eur","items":[{"sku":"A","quantity":0,"unitPrice":1.999}]}""");
        Assert.That(problems.Select(p => p.Field), Is.EquivalentTo(new[]
        {
            "orderId", "customerId", "currency", "items[0].quantity", "items[0].unitPrice",
        }));
    }

    private static readonly object[] Rejections =
    [
        new object[] { "not an object", "[1,2]", "", "must be a JSON object" },
        new object[] { "orderId missing", """{"customerId":"c","currency":"EUR","items":[{"sku":"A","quantity":1,"unitPrice":1}]}""", "orderId", "is required" },
        new object[] { "orderId not a string", OrderJson.With(o => o["orderId"] = 12), "orderId", "must be a string" },
        new object[] { "orderId empty", OrderJson.With(o => o["orderId"] = ""), "orderId", "must not be empty" },
        new object[] { "orderId 201 bytes", OrderJson.With(o => o["orderId"] = new string('a', 201)), "orderId", "at most 200 bytes of UTF-8" },
        new object[] { "orderId with a control character", OrderJson.With(o => o["orderId"] = "o-1\n"), "orderId", "control characters" },
        new object[] { "orderId with DEL", OrderJson.With(o => o["orderId"] = "o\u007f1"), "orderId", "control characters" },
        new object[] { "customerId missing", OrderJson.With(o => o.Remove("customerId")), "customerId", "is required" },
        new object[] { "customerId blank", OrderJson.With(o => o["customerId"] = "  "), "customerId", "must not be empty" },
        new object[] { "currency lower case", OrderJson.With(o => o["currency"] = "eur"), "currency", "ISO 4217" },
        new object[] { "currency unknown", OrderJson.With(o => o["currency"] = "EUX"), "currency", "ISO 4217" },
        new object[] { "currency missing", OrderJson.With(o => o.Remove("currency")), "currency", "is required" },
        new object[] { "items missing", OrderJson.With(o => o.Remove("items")), "items", "is required" },
        new object[] { "items not an array", OrderJson.With(o => o["items"] = "A-1"), "items", "must be an array" },
        new object[] { "items empty", OrderJson.With(o => o["items"] = new JsonArray()), "items", "at least one item" },
        new object[] { "item not an object", OrderJson.With(o => o["items"] = new JsonArray(1)), "items[0]", "must be an object" },
        new object[] { "sku missing", OrderJson.With(o => o["items"]![0]!.AsObject().Remove("sku")), "items[0].sku", "is required" },
        new object[] { "quantity missing", OrderJson.With(o => o["items"]![0]!.AsObject().Remove("quantity")), "items[0].quantity", "is required" },
        new object[] { "quantity zero", OrderJson.With(o => o["items"]![0]!["quantity"] = 0), "items[0].quantity", "greater than 0" },
        new object[] { "quantity negative", OrderJson.With(o => o["items"]![0]!["quantity"] = -2), "items[0].quantity", "greater than 0" },
        new object[] { "quantity fractional", OrderJson.With(o => o["items"]![0]!["quantity"] = JsonNode.Parse("1.5")), "items[0].quantity", "whole number" },
        new object[] { "quantity 2.0", OrderJson.With(o => o["items"]![0]!["quantity"] = JsonNode.Parse("2.0")), "items[0].quantity", "whole number" },
        new object[] { "quantity a string", OrderJson.With(o => o["items"]![0]!["quantity"] = "2"), "items[0].quantity", "whole number" },
        new object[] { "unitPrice missing", OrderJson.With(o => o["items"]![0]!.AsObject().Remove("unitPrice")), "items[0].unitPrice", "is required" },
        new object[] { "unitPrice three decimals", OrderJson.With(o => o["items"]![0]!["unitPrice"] = JsonNode.Parse("1.999")), "items[0].unitPrice", "at most 2 digits" },
        new object[] { "unitPrice string three decimals", OrderJson.With(o => o["items"]![0]!["unitPrice"] = "1.999"), "items[0].unitPrice", "at most 2 digits" },
        new object[] { "unitPrice exponent", OrderJson.With(o => o["items"]![0]!["unitPrice"] = JsonNode.Parse("1e2")), "items[0].unitPrice", "exponent" },
        new object[] { "unitPrice negative", OrderJson.With(o => o["items"]![0]!["unitPrice"] = JsonNode.Parse("-1.00")), "items[0].unitPrice", "must not be negative" },
        new object[] { "unitPrice boolean", OrderJson.With(o => o["items"]![0]!["unitPrice"] = true), "items[0].unitPrice", "decimal number or a decimal string" },
        new object[] { "unitPrice text", OrderJson.With(o => o["items"]![0]!["unitPrice"] = "12 EUR"), "items[0].unitPrice", "decimal number" },
        new object[] { "reserved field", OrderJson.With(o => o["version"] = 7), "version", "set by the service" },
        new object[] { "reserved createdAt", OrderJson.With(o => o["createdAt"] = "x"), "createdAt", "set by the service" },
        new object[] { "unknown number beyond 38 digits", OrderJson.With(o => o["big"] = JsonNode.Parse(new string('9', 39))), "big", "has 39 significant digits; DynamoDB numbers have at most 38" },
    ];

    [TestCaseSource(nameof(Rejections))]
    public void Each_rejection_reason_names_its_field(string _, string json, string field, string reason)
    {
        var problems = Problems(json);
        Assert.That(problems, Has.Some.Matches<FieldProblem>(p => p.Field == field && p.Reason.Contains(reason)),
            string.Join("; ", problems));
    }

    [Test]
    public void A_duplicate_field_is_refused()
    {
        var problems = Problems(OrderJson.Valid().Replace("\"currency\":\"EUR\"", "\"currency\":\"EUR\",\"currency\":\"USD\""));
        Assert.That(problems, Has.Some.Matches<FieldProblem>(p => p.Field == "currency" && p.Reason.Contains("more than once")));
    }

    [Test]
    public void An_order_id_of_exactly_200_characters_is_accepted() =>
        Assert.That(Validate(OrderJson.With(o => o["orderId"] = new string('a', 200))).IsValid, Is.True);

    [Test]
    public void The_content_hash_ignores_whitespace_and_key_order_but_not_values()
    {
        var a = Validate("""{"orderId":"o","customerId":"c","currency":"EUR","items":[{"sku":"A","quantity":1,"unitPrice":1.50}]}""");
        var b = Validate("""{ "items":[{"unitPrice":1.50,"quantity":1,"sku":"A"}], "currency":"EUR", "customerId":"c", "orderId":"o" }""");
        var c = Validate("""{"orderId":"o","customerId":"c","currency":"EUR","items":[{"sku":"A","quantity":2,"unitPrice":1.50}]}""");
        var d = Validate("""{"orderId":"o","customerId":"c","currency":"EUR","items":[{"sku":"A","quantity":1,"unitPrice":"1.50"}]}""");
        Assert.Multiple(() =>
        {
            Assert.That(b.Order!.ContentHash, Is.EqualTo(a.Order!.ContentHash));
            Assert.That(c.Order!.ContentHash, Is.Not.EqualTo(a.Order.ContentHash));
            Assert.That(d.Order!.ContentHash, Is.EqualTo(a.Order.ContentHash), "a decimal string and the same number are the same money");
        });
    }
}
