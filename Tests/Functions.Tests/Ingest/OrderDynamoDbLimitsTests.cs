using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using OrdersPipeline.Functions.Ingest.Orders;
using OrdersPipeline.Functions.Processor;

namespace OrdersPipeline.Functions.Tests.Ingest;

/// <summary>
/// Everything DynamoDB would refuse is refused by the validator, at the limit and just past it, with the numbers the
/// processor uses (<see cref="DynamoDbLimits"/>). What the validator accepts is also run through the processor's own
/// check of an item (<see cref="AttributeValueWriter.WriteImage"/>), so the two cannot drift apart.
/// </summary>
public sealed class OrderDynamoDbLimitsTests
{
    private static OrderValidation Validate(string json) => OrderValidator.Validate(OrderJson.Element(json));

    /// <summary>The order is accepted, and its stored item (with the largest service attributes) passes the
    /// processor's check of DynamoDB's limits.</summary>
    private static ValidatedOrder Accepted(string json)
    {
        var result = Validate(json);
        Assert.That(result.IsValid, Is.True, string.Join("; ", result.Problems));
        using var writer = new Utf8JsonWriter(Stream.Null);
        Assert.DoesNotThrow(() => AttributeValueWriter.WriteImage(writer, LargestItem(result.Order!), "NewImage"));
        return result.Order!;
    }

    private static FieldProblem Refused(string json, string field)
    {
        var result = Validate(json);
        Assert.That(result.IsValid, Is.False, "the order should be refused");
        return result.Problems.Single(p => p.Field == field);
    }

    /// <summary>The item as the file door writes it, with an object URI as long as S3 allows (bucket 63 characters,
    /// key 1024 bytes, a 1024-character version id) and the largest version.</summary>
    private static Dictionary<string, AttributeValue> LargestItem(ValidatedOrder order) =>
        OrderItem.Create(order, DateTimeOffset.UnixEpoch, long.MaxValue, OrderItem.FileSource,
            $"s3://{new string('b', 63)}/{string.Concat(Enumerable.Repeat("€", 341))}k?versionId={new string('v', 1024)}");

    /// <summary><paramref name="containers"/> nested objects and arrays, alternating, with a string inside.</summary>
    private static string Nested(int containers)
    {
        var value = "\"bottom\"";
        for (var level = containers; level >= 1; level--)
        {
            value = level % 2 == 1 ? "{\"a\":" + value + "}" : "[" + value + "]";
        }

        return value;
    }

    private static string WithTop(string field, string value) =>
        OrderJson.Valid().Insert(OrderJson.Valid().Length - 1, $",\"{field}\":{value}");

    private static string WithItemField(string field, string value) =>
        OrderJson.Valid().Replace("\"unitPrice\":19.90", $"\"unitPrice\":19.90,\"{field}\":{value}");

    // --- text that is not text ---

    [TestCase("""{"orderId":"o-\ud800","customerId":"c","currency":"EUR","items":[{"sku":"A","quantity":1,"unitPrice":1}]}""", "orderId")]
    [TestCase("""{"orderId":"o","customerId":"c","currency":"EUR","note":{"x":["ok","\udc00"]},"items":[{"sku":"A","quantity":1,"unitPrice":1}]}""", "note.x[1]")]
    [TestCase("""{"orderId":"o","customerId":"c","currency":"EUR","items":[{"sku":"\ud800A","quantity":1,"unitPrice":1}]}""", "items[0].sku")]
    [TestCase("""{"orderId":"o","customerId":"c","currency":"EUR","items":[{"sku":"A","quantity":1,"unitPrice":"\ud800"}]}""", "items[0].unitPrice")]
    public void An_unpaired_surrogate_in_a_value_is_refused_naming_the_field(string json, string field) =>
        Assert.That(Refused(json, field).Reason, Does.Contain("unpaired surrogate"));

    [TestCase("""{"orderId":"o","customerId":"c","currency":"EUR","\ud800":1,"items":[{"sku":"A","quantity":1,"unitPrice":1}]}""", "")]
    [TestCase("""{"orderId":"o","customerId":"c","currency":"EUR","meta":{"a\udfff":1},"items":[{"sku":"A","quantity":1,"unitPrice":1}]}""", "meta")]
    [TestCase("""{"orderId":"o","customerId":"c","currency":"EUR","items":[{"sku":"A","quantity":1,"unitPrice":1,"\ud800":true}]}""", "items[0]")]
    public void An_unpaired_surrogate_in_a_field_name_is_refused_naming_the_enclosing_object(string json, string field) =>
        Assert.That(Refused(json, field).Reason, Does.Contain("field name that is not text"));

    [Test]
    public void A_surrogate_pair_is_text() =>
        Assert.That(Accepted(OrderJson.Valid("o-\ud83d\ude00").Replace("\"c-42\"", "\"c-\\ud83d\\ude00\"")).Attributes["customerId"].S,
            Is.EqualTo("c-😀"));

    // --- nesting, counted from the top of the order ---

    [Test]
    public void A_top_level_field_nests_32_levels_and_not_33()
    {
        Accepted(WithTop("deep", Nested(DynamoDbLimits.MaxNestingLevels)));
        var problem = Refused(WithTop("deep", Nested(DynamoDbLimits.MaxNestingLevels + 1)),
            "deep" + string.Concat(Enumerable.Range(1, 16).Select(_ => ".a[0]")));
        Assert.That(problem.Reason, Does.Contain("deeper than 32 levels"));
    }

    [Test]
    public void Inside_items_the_levels_count_from_the_top_too()
    {
        // items (1), the item (2), its field (3): 30 more levels inside the field reach 32.
        Accepted(WithItemField("deep", Nested(DynamoDbLimits.MaxNestingLevels - 2)));
        var result = Validate(WithItemField("deep", Nested(DynamoDbLimits.MaxNestingLevels - 1)));
        Assert.That(result.Problems.Single().Field, Does.StartWith("items[0].deep"));
        Assert.That(result.Problems.Single().Reason, Does.Contain("deeper than 32 levels"));
    }

    // --- numbers in DynamoDB's range ---

    [TestCase("9.9999999999999999999999999999999999999E+125")]
    [TestCase("-9.9999999999999999999999999999999999999E+125")]
    [TestCase("1E-130")]
    [TestCase("0")]
    [TestCase("0E-400")]
    [TestCase("12345678901234567890123456789012345678")]
    public void A_number_dynamodb_holds_is_kept_as_sent(string number)
    {
        Assert.That(Accepted(WithTop("n", number)).Attributes["n"].N, Is.EqualTo(number));
        Assert.That(Accepted(WithItemField("n", number)).Attributes["items"].L[0].M["n"].N, Is.EqualTo(number));
    }

    [TestCase("1E+126", "out of DynamoDB's number range")]
    [TestCase("-1E+126", "out of DynamoDB's number range")]
    [TestCase("1E-131", "out of DynamoDB's number range")]
    [TestCase("0.1E-130", "out of DynamoDB's number range")]
    [TestCase("123456789012345678901234567890123456789", "has 39 significant digits")]
    public void A_number_past_dynamodb_s_range_is_refused(string number, string reason)
    {
        Assert.That(Refused(WithTop("n", number), "n").Reason, Does.Contain(reason));
        Assert.That(Refused(WithTop("n", $"[{number}]"), "n[0]").Reason, Does.Contain(reason));
        Assert.That(Refused(WithItemField("n", number), "items[0].n").Reason, Does.Contain(reason));
    }

    // --- duplicate keys at every depth ---

    [TestCase("""{"orderId":"o","customerId":"c","currency":"EUR","meta":{"gift":true,"gift":false},"items":[{"sku":"A","quantity":1,"unitPrice":1}]}""", "meta.gift")]
    [TestCase("""{"orderId":"o","customerId":"c","currency":"EUR","meta":[{"a":{"b":1,"b":1}}],"items":[{"sku":"A","quantity":1,"unitPrice":1}]}""", "meta[0].a.b")]
    [TestCase("""{"orderId":"o","customerId":"c","currency":"EUR","items":[{"sku":"A","quantity":1,"unitPrice":1,"x":{"y":1,"y":2}}]}""", "items[0].x.y")]
    [TestCase("""{"orderId":"o","customerId":"c","currency":"EUR","items":[{"sku":"A","quantity":0,"quantity":1,"unitPrice":1}]}""", "items[0].quantity")]
    [TestCase("""{"orderId":"o","orderId":"o","customerId":"c","currency":"EUR","items":[{"sku":"A","quantity":1,"unitPrice":1}]}""", "orderId")]
    [TestCase("""{"orderId":"","customerId":"c","currency":"EUR","orderId":"o","items":[{"sku":"A","quantity":1,"unitPrice":1}]}""", "orderId")]
    public void A_field_given_twice_is_refused_at_any_depth(string json, string field) =>
        Assert.That(Validate(json).Problems, Has.Some.EqualTo(new FieldProblem(field, "appears more than once")));

    [Test]
    public void The_same_name_in_different_objects_is_no_duplicate() =>
        Accepted(WithTop("meta", """{"gift":true,"box":{"gift":false}}"""));

    // --- field names ---

    [Test]
    public void A_field_name_is_1_to_65535_bytes()
    {
        Accepted(WithTop("meta", $"{{\"{new string('n', DynamoDbLimits.MaxAttributeNameBytes)}\":1}}"));
        Assert.That(Refused(WithTop("meta", """{"":1}"""), "meta.").Reason, Does.Contain("the field name is 0 bytes"));
        Assert.That(Refused(WithTop("meta", $"{{\"{new string('n', DynamoDbLimits.MaxAttributeNameBytes + 1)}\":1}}"),
            "meta." + new string('n', DynamoDbLimits.MaxAttributeNameBytes + 1)).Reason, Does.Contain("65536 bytes"));
    }

    // --- identifiers in bytes ---

    [TestCase("a", 200)]
    [TestCase("é", 100)]
    [TestCase("😀", 50)]
    public void An_order_id_is_at_most_200_bytes_of_utf8(string character, int count)
    {
        var atLimit = string.Concat(Enumerable.Repeat(character, count));
        Assert.That(Encoding.UTF8.GetByteCount(atLimit), Is.EqualTo(OrderLimits.MaxOrderIdLength));
        Assert.That(Accepted(OrderJson.Valid(atLimit)).OrderId, Is.EqualTo(atLimit));
        Assert.That(Refused(OrderJson.Valid(atLimit + character), "orderId").Reason, Is.EqualTo("must be at most 200 bytes of UTF-8"));
    }

    // --- the item's size ---

    /// <summary>An order of exactly <paramref name="bytes"/> by DynamoDB's rules, of every type an order holds.</summary>
    private static string OrderOfSize(int bytes)
    {
        var shape = WithTop("extra", """{"list":[1.5,true,null,"€"],"n":-12.25}""");
        string With(string pad) => shape.Insert(shape.Length - 1, $",\"pad\":\"{pad}\"");
        var rest = bytes - (int)ItemSize.Of(Validate(With(string.Empty)).Order!.Attributes);
        return With(string.Concat(Enumerable.Repeat("€", rest / 3)) + new string('x', rest % 3));
    }

    [Test]
    public void An_order_fills_dynamodb_s_item_limit_less_the_room_for_the_service_s_fields()
    {
        var order = Accepted(OrderOfSize(OrderLimits.MaxOrderItemBytes));
        Assert.That(ItemSize.Of(order.Attributes), Is.EqualTo(OrderLimits.MaxOrderItemBytes));
        var problem = Validate(OrderOfSize(OrderLimits.MaxOrderItemBytes + 1)).Problems.Single();
        Assert.That(problem.Field, Is.Empty);
        Assert.That(problem.Reason, Does.Contain($"is {OrderLimits.MaxOrderItemBytes + 1} bytes as a DynamoDB item"));
    }

    [Test]
    public void The_item_size_is_counted_as_the_processor_counts_it()
    {
        // An item of exactly 400 KB by ItemSize passes the processor's check; one byte more does not.
        var order = Validate(OrderOfSize(OrderLimits.MaxOrderItemBytes)).Order!;
        var item = new Dictionary<string, AttributeValue>(order.Attributes);
        item["fill"] = new AttributeValue { S = new string('f', DynamoDbLimits.MaxItemBytes - (int)ItemSize.Of(item) - 4) };
        Assert.That(ItemSize.Of(item), Is.EqualTo(DynamoDbLimits.MaxItemBytes));
        using var writer = new Utf8JsonWriter(Stream.Null);
        Assert.DoesNotThrow(() => AttributeValueWriter.WriteImage(writer, item, "NewImage"));
        item["fill"] = new AttributeValue { S = item["fill"].S + "f" };
        using var again = new Utf8JsonWriter(Stream.Null);
        Assert.That(() => AttributeValueWriter.WriteImage(again, item, "NewImage"),
            Throws.TypeOf<RecordException>().With.Message.Contains($"{DynamoDbLimits.MaxItemBytes + 1} bytes"));
    }

    [Test]
    public void The_service_s_fields_fit_in_the_room_kept_for_them()
    {
        var order = Validate(OrderJson.Valid()).Order!;
        Assert.That(ItemSize.Of(LargestItem(order)) - ItemSize.Of(order.Attributes),
            Is.LessThanOrEqualTo(OrderLimits.ServiceAttributesReserveBytes));
    }
}
