using OrdersPipeline.Functions.Ingest.Http;
using OrdersPipeline.Functions.Processor;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Ingest.Http;

/// <summary>The HTTP door at DynamoDB's limits: what DynamoDB would refuse is a 400 naming the field (never a 500,
/// which would feed the 5xx alarm), and what is just inside the limit is stored.</summary>
public sealed class HttpDoorLimitsTests
{
    private readonly InMemoryOrderStore _store = new();
    private readonly CapturedLog _log = new();

    private Task<HttpResult> SendAsync(string body) =>
        new HttpIngestService(_store, new FixedTime(), _log.Log).HandleAsync(HttpRequests.Post(body), Invocations.Create());

    private async Task AssertRefusedAsync(string body, string field, string reason)
    {
        var writesBefore = _store.Writes;
        var response = await SendAsync(body);
        var errors = HttpRequests.Body(response).GetProperty("errors").EnumerateArray()
            .Select(e => (Field: e.GetProperty("field").GetString(), Reason: e.GetProperty("reason").GetString()!)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(400), response.Body);
            Assert.That(HttpRequests.Body(response).GetProperty("type").GetString(), Is.EqualTo(ProblemTypes.InvalidOrder));
            Assert.That(errors, Has.Some.Matches<(string? Field, string Reason)>(e => e.Field == field && e.Reason.Contains(reason)),
                response.Body);
            Assert.That(_log.Lines.Select(l => l.GetProperty("level").GetString()), Has.None.EqualTo("ERROR"));
            Assert.That(_store.Writes, Is.EqualTo(writesBefore), "nothing is written");
        });
    }

    private async Task AssertStoredAsync(string body)
    {
        var response = await SendAsync(body);
        Assert.That(response.StatusCode, Is.EqualTo(201), response.Body);
    }

    private static string WithTop(string field, string value) =>
        OrderJson.Valid().Insert(OrderJson.Valid().Length - 1, $",\"{field}\":{value}");

    private static string WithItemField(string field, string value) =>
        OrderJson.Valid().Replace("\"unitPrice\":19.90", $"\"unitPrice\":19.90,\"{field}\":{value}");

    private static string Nested(int containers) =>
        string.Concat(Enumerable.Repeat("{\"a\":", containers)) + "1" + new string('}', containers);

    [Test]
    public Task An_unpaired_surrogate_in_the_order_id_is_a_400() =>
        AssertRefusedAsync(OrderJson.Valid("o-\\ud800"), "orderId", "unpaired surrogate");

    [Test]
    public Task An_unpaired_surrogate_in_a_value_is_a_400() =>
        AssertRefusedAsync(WithTop("note", "{\"text\":\"\\udc01\"}"), "note.text", "unpaired surrogate");

    [Test]
    public Task An_unpaired_surrogate_in_a_field_name_is_a_400() =>
        AssertRefusedAsync(WithItemField("\\ud800", "1"), "items[0]", "field name that is not text");

    [Test]
    public Task A_surrogate_pair_is_stored() => AssertStoredAsync(OrderJson.Valid("o-\\ud83d\\ude00"));

    [Test]
    public async Task A_number_at_the_ends_of_dynamodb_s_range_is_stored()
    {
        await AssertStoredAsync(WithTop("n", "9.9999999999999999999999999999999999999E+125"));
        await AssertStoredAsync(OrderJson.Valid("o-2").Insert(OrderJson.Valid("o-2").Length - 1, ",\"n\":1E-130"));
    }

    [TestCase("1E+126")]
    [TestCase("1E-131")]
    public Task A_number_past_dynamodb_s_range_is_a_400(string number) =>
        AssertRefusedAsync(WithItemField("weight", number), "items[0].weight", "out of DynamoDB's number range");

    [Test]
    public Task Nesting_inside_an_item_up_to_level_32_is_stored() =>
        AssertStoredAsync(WithItemField("deep", Nested(DynamoDbLimits.MaxNestingLevels - 2)));

    [Test]
    public Task Nesting_inside_an_item_to_level_33_is_a_400() =>
        AssertRefusedAsync(WithItemField("deep", Nested(DynamoDbLimits.MaxNestingLevels - 1)),
            "items[0].deep" + string.Concat(Enumerable.Repeat(".a", DynamoDbLimits.MaxNestingLevels - 2)), "deeper than 32 levels");

    [Test]
    public Task A_nested_duplicate_key_is_a_400() =>
        AssertRefusedAsync(WithTop("meta", """{"gift":true,"gift":false}"""), "meta.gift", "appears more than once");

    [Test]
    public async Task An_order_id_of_200_bytes_is_stored_and_201_bytes_is_a_400()
    {
        await AssertStoredAsync(OrderJson.Valid(string.Concat(Enumerable.Repeat("😀", 50))));
        await AssertRefusedAsync(OrderJson.Valid(string.Concat(Enumerable.Repeat("😀", 50)) + "a"), "orderId", "at most 200 bytes");
    }

    [Test]
    public async Task Invalid_utf8_in_a_string_is_a_client_error()
    {
        var body = System.Text.Encoding.UTF8.GetBytes(OrderJson.Valid("o-XX"));
        var at = Array.IndexOf(body, (byte)'X');
        body[at] = 0xC3; // a lead byte without its continuation
        body[at + 1] = (byte)'(';
        var request = HttpRequests.Post(null) with { Body = Convert.ToBase64String(body), IsBase64Encoded = true };
        var response = await new HttpIngestService(_store, new FixedTime(), _log.Log).HandleAsync(request, Invocations.Create());
        Assert.That(response.StatusCode, Is.EqualTo(400), response.Body);
    }
}
