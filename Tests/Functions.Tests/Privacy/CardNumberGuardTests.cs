using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Functions.Ingest.Orders;
using OrdersPipeline.Functions.Privacy;
using OrdersPipeline.Functions.Tests.Ingest;

namespace OrdersPipeline.Functions.Tests.Privacy;

/// <summary>The doors' check of a validated order (<see cref="CardNumberGuard.Screen"/>).</summary>
public sealed class CardNumberGuardTests
{
    private const string Pan = CardNumbers.Visa;

    private static OrderValidation Screen(string json, CardNumberGuard? guard = null) =>
        (guard ?? CardNumberGuard.Default).Screen(OrderValidator.Validate(OrderJson.Element(json)));

    private static string Order(string extraFields, string itemExtra = "") =>
        "{\"orderId\":\"o-1\",\"customerId\":\"c-1\",\"currency\":\"EUR\",\"items\":[{\"sku\":\"A-1\"," +
        "\"quantity\":1,\"unitPrice\":\"2.50\"" + itemExtra + "}]" + extraFields + "}";

    private static IEnumerable<string> Fields(OrderValidation validation) => validation.Problems.Select(p => p.Field);

    [TestCase(",\"note\":\"card " + Pan + "\"", "note")]
    [TestCase(",\"note\":\"" + Pan + "\"", "note")]
    [TestCase(",\"cardNumber\":" + Pan, "cardNumber")]
    [TestCase(",\"meta\":{\"payment\":{\"card\":\"4929 8375 6102 9385\"}}", "meta.payment.card")]
    [TestCase(",\"notes\":[\"fine\",{\"pan\":" + Pan + "}]", "notes[1].pan")]
    [TestCase(",\"notes\":[\"fine\",\"" + Pan + "\"]", "notes[1]")]
    [TestCase(",\"deep\":[[[{\"a\":{\"b\":\"x-" + Pan + "-y\"}}]]]", "deep[0][0][0].a.b")]
    public void A_card_number_in_any_field_at_any_depth_is_refused_with_its_path(string extra, string path)
    {
        var validation = Screen(Order(extra));
        Assert.Multiple(() =>
        {
            Assert.That(validation.IsValid, Is.False);
            Assert.That(validation.Problems, Is.EqualTo(new[] { new FieldProblem(path, CardNumberGuard.Reason) }));
        });
    }

    [Test]
    public void The_reason_is_the_one_the_issue_names() =>
        Assert.That(CardNumberGuard.Reason, Is.EqualTo("looks like a payment card number: send a token"));

    [Test]
    public void Card_numbers_in_known_fields_and_items_are_refused_each_by_path()
    {
        var json = $$"""{"orderId":"{{Pan}}","customerId":"c-1","currency":"EUR","items":[{"sku":"A-1","quantity":1,"unitPrice":"2.50"},{"sku":"{{Pan}}","quantity":1,"unitPrice":{{Pan}},"gift":"{{Pan}}"}]}""";
        Assert.That(Fields(Screen(json)),
            Is.EquivalentTo(new[] { "orderId", "items[1].sku", "items[1].unitPrice", "items[1].gift" }));
    }

    [Test]
    public void An_order_without_a_card_number_passes_unchanged()
    {
        var validation = OrderValidator.Validate(OrderJson.Element(Order(",\"tracking\":\"1Z999AA10123456784\",\"phone\":\"+49 30 1234 5678\"")));
        Assert.That(CardNumberGuard.Default.Screen(validation), Is.SameAs(validation));
    }

    [Test]
    public void An_order_already_refused_keeps_its_own_problems()
    {
        var validation = OrderValidator.Validate(OrderJson.Element($$"""{"orderId":"o-1","note":"{{Pan}}"}"""));
        Assert.That(CardNumberGuard.Default.Screen(validation), Is.SameAs(validation));
    }

    [TestCase("items[].trackingNo", ",\"trackingNo\":\"" + Pan + "\"", "")]
    [TestCase("meta.parcel", "", ",\"meta\":{\"parcel\":\"" + Pan + "\"}")]
    [TestCase("meta", "", ",\"meta\":{\"parcel\":{\"id\":" + Pan + "}}")]
    [TestCase("parcels[]", "", ",\"parcels\":[\"" + Pan + "\",\"" + Pan + "\"]")]
    public void An_exempt_field_and_everything_below_it_is_left_alone(string exempt, string itemExtra, string extra)
    {
        var json = Order(extra, itemExtra);
        Assert.Multiple(() =>
        {
            Assert.That(Screen(json).IsValid, Is.False, "refused without the exemption");
            Assert.That(Screen(json, new CardNumberGuard(CardNumberGuardMode.Refuse, [exempt])).IsValid, Is.True);
        });
    }

    [Test]
    public void An_exemption_covers_only_its_own_path()
    {
        var guard = new CardNumberGuard(CardNumberGuardMode.Refuse, ["meta.parcel", "items[].trackingNo"]);
        var json = Order(",\"meta\":{\"parcelNo\":\"" + Pan + "\"},\"trackingNo\":\"" + Pan + "\"");
        Assert.That(Fields(Screen(json, guard)), Is.EquivalentTo(new[] { "meta.parcelNo", "trackingNo" }));
    }

    [Test]
    public void Mask_mode_accepts_the_order_with_each_card_number_cut_to_first_six_and_last_four()
    {
        var guard = new CardNumberGuard(CardNumberGuardMode.Mask);
        var clean = Screen(Order(",\"note\":\"card on file\"")).Order!;
        var order = Screen(Order(",\"note\":\"card " + Pan + "\",\"cardNumber\":" + Pan +
            ",\"tags\":[\"4929-8375-6102-9385\"]"), guard).Order!;
        Assert.Multiple(() =>
        {
            Assert.That(order.Attributes["note"].S, Is.EqualTo("card 492983******9385"));
            Assert.That(order.Attributes["cardNumber"].S, Is.EqualTo("492983******9385"), "a number becomes masked text");
            Assert.That(order.Attributes["cardNumber"].N, Is.Null);
            Assert.That(order.Attributes["tags"].L[0].S, Is.EqualTo("4929-83**-****-9385"));
            Assert.That(order.ContentHash,
                Is.EqualTo(CanonicalHash.Of(order.Attributes)), "the hash is of what is stored");
            Assert.That(order.ContentHash, Is.Not.EqualTo(clean.ContentHash));
        });
    }

    [Test]
    public void Mask_mode_still_refuses_a_card_number_as_the_order_id_or_a_unit_price()
    {
        var guard = new CardNumberGuard(CardNumberGuardMode.Mask);
        var json = $$"""{"orderId":"{{Pan}}","customerId":"c-1","currency":"EUR","items":[{"sku":"A-1","quantity":1,"unitPrice":{{Pan}}}],"note":"{{Pan}}"}""";
        Assert.That(Fields(Screen(json, guard)), Is.EquivalentTo(new[] { "orderId", "items[0].unitPrice" }));
    }

    [Test]
    public void Off_lets_a_card_number_through_untouched()
    {
        var order = Screen(Order(",\"note\":\"" + Pan + "\""), new CardNumberGuard(CardNumberGuardMode.Off)).Order!;
        Assert.That(order.Attributes["note"].S, Is.EqualTo(Pan));
    }

    [TestCase("items[].trackingNo")]
    [TestCase("meta.parcel.id")]
    [TestCase("parcels[][]")]
    [TestCase("note")]
    public void A_valid_exempt_path_is_accepted(string path) =>
        Assert.That(CardNumberGuard.ExemptPathProblem(path), Is.Null);

    [TestCase("")]
    [TestCase("items[0].trackingNo")]
    [TestCase("meta..parcel")]
    [TestCase(".meta")]
    [TestCase("[]")]
    [TestCase("meta parcel")]
    public void An_invalid_exempt_path_is_refused(string path) =>
        Assert.That(CardNumberGuard.ExemptPathProblem(path), Does.Contain("is not a field path"));

    [Test]
    public void The_settings_read_the_mode_and_the_exempt_paths_from_the_environment()
    {
        var settings = HttpIngestSettings.FromEnvironment(name => name switch
        {
            "ORDERS_TABLE_NAME" => "orders",
            "CARD_NUMBER_GUARD" => "mask",
            "CARD_NUMBER_EXEMPT_FIELDS" => " items[].trackingNo , meta.parcel ",
            _ => null,
        });
        Assert.Multiple(() =>
        {
            Assert.That(settings.CardNumbers.Mode, Is.EqualTo(CardNumberGuardMode.Mask));
            Assert.That(settings.CardNumbers.ExemptPaths, Is.EquivalentTo(new[] { "items[].trackingNo", "meta.parcel" }));
            Assert.That(HttpIngestSettings.FromEnvironment(n => n == "ORDERS_TABLE_NAME" ? "orders" : null).CardNumbers.Mode,
                Is.EqualTo(CardNumberGuardMode.Refuse), "refuse by default");
        });
    }

    [TestCase("CARD_NUMBER_GUARD", "block", "must be refuse, mask or off")]
    [TestCase("CARD_NUMBER_EXEMPT_FIELDS", "items[1].x", "is not a field path")]
    public void A_wrong_variable_fails_the_cold_start_naming_it(string name, string value, string message)
    {
        var error = Assert.Throws<ConfigurationException>(() => ProcessorSettings.FromEnvironment(n =>
            n == "BUCKET_NAME" ? "bucket" : n == name ? value : null));
        Assert.That(error!.Message, Does.Contain(name).And.Contain(message));
    }
}
