using OrdersPipeline.Functions.Ingest.Http;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Ingest.Http;

public sealed class HttpIngestServiceTests
{
    private readonly InMemoryOrderStore _store = new();
    private readonly CapturedLog _log = new();

    private Task<HttpResult> SendAsync(HttpRequest? request) =>
        new HttpIngestService(_store, new FixedTime(), _log.Log).HandleAsync(request, Invocations.Create(requestId: "lambda-1"));

    private static void AssertProblem(HttpResult response, int status, string type, string requestId = "req-1")
    {
        var body = HttpRequests.Body(response);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(status), response.Body);
            Assert.That(response.Headers["Content-Type"], Is.EqualTo("application/problem+json"));
            Assert.That(body.GetProperty("status").GetInt32(), Is.EqualTo(status));
            Assert.That(body.GetProperty("type").GetString(), Is.EqualTo(type));
            Assert.That(body.GetProperty("title").GetString(), Is.Not.Empty);
            Assert.That(body.GetProperty("requestId").GetString(), Is.EqualTo(requestId));
            Assert.That(response.Body, Does.Not.Contain("   at "), "never a stack trace");
        });
    }

    [Test]
    public async Task A_new_order_is_created_at_version_1_with_timestamps()
    {
        var response = await SendAsync(HttpRequests.Post(OrderJson.Valid()));
        var body = HttpRequests.Body(response);
        var item = _store.Items["o-1001"];
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(201));
            Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("created"));
            Assert.That(body.GetProperty("version").GetInt64(), Is.EqualTo(1));
            Assert.That(response.Headers["ETag"], Is.EqualTo("\"1\""));
            Assert.That(response.Headers["X-Request-Id"], Is.EqualTo("req-1"));
            Assert.That(item["createdAt"].S, Is.EqualTo("2026-11-22T10:01:03.123Z"));
            Assert.That(item["updatedAt"].S, Is.EqualTo("2026-11-22T10:01:03.123Z"));
            Assert.That(item["version"].N, Is.EqualTo("1"));
            Assert.That(item["items"].L[0].M["unitPrice"].N, Is.EqualTo("19.90"));
        });
    }

    [Test]
    public async Task The_same_order_again_is_200_and_writes_nothing()
    {
        await SendAsync(HttpRequests.Post(OrderJson.Valid()));
        var retry = await SendAsync(HttpRequests.Post(OrderJson.Valid().Replace(",", ", ")));
        Assert.Multiple(() =>
        {
            Assert.That(retry.StatusCode, Is.EqualTo(200));
            Assert.That(HttpRequests.Body(retry).GetProperty("status").GetString(), Is.EqualTo("unchanged"));
            Assert.That(HttpRequests.Body(retry).GetProperty("version").GetInt64(), Is.EqualTo(1));
            Assert.That(_store.Writes, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_different_body_for_an_existing_order_is_409_naming_the_version_to_send()
    {
        await SendAsync(HttpRequests.Post(OrderJson.Valid()));
        var response = await SendAsync(HttpRequests.Post(OrderJson.With(o => o["customerId"] = "c-99")));
        AssertProblem(response, 409, ProblemTypes.Conflict);
        Assert.That(HttpRequests.Body(response).GetProperty("detail").GetString(), Does.Contain("If-Match: \"1\""));
        Assert.That(_store.Items["o-1001"]["customerId"].S, Is.EqualTo("c-42"));
    }

    [TestCase("\"1\"")]
    [TestCase("1")]
    public async Task If_match_with_the_stored_version_updates_the_order(string ifMatch)
    {
        await SendAsync(HttpRequests.Post(OrderJson.Valid()));
        var response = await SendAsync(HttpRequests.Post(OrderJson.With(o => o["customerId"] = "c-99"), ifMatch: ifMatch));
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(200), response.Body);
            Assert.That(HttpRequests.Body(response).GetProperty("status").GetString(), Is.EqualTo("updated"));
            Assert.That(response.Headers["ETag"], Is.EqualTo("\"2\""));
            Assert.That(_store.Items["o-1001"]["customerId"].S, Is.EqualTo("c-99"));
        });
    }

    [Test]
    public async Task If_match_with_a_stale_version_is_412()
    {
        await SendAsync(HttpRequests.Post(OrderJson.Valid()));
        await SendAsync(HttpRequests.Post(OrderJson.With(o => o["customerId"] = "c-2"), ifMatch: "1"));
        var stale = await SendAsync(HttpRequests.Post(OrderJson.With(o => o["customerId"] = "c-3"), ifMatch: "1"));
        AssertProblem(stale, 412, ProblemTypes.VersionMismatch);
        Assert.That(_store.Items["o-1001"]["customerId"].S, Is.EqualTo("c-2"));
    }

    [Test]
    public async Task A_retried_update_is_200_unchanged()
    {
        await SendAsync(HttpRequests.Post(OrderJson.Valid()));
        var update = OrderJson.With(o => o["customerId"] = "c-2");
        await SendAsync(HttpRequests.Post(update, ifMatch: "1"));
        var retry = await SendAsync(HttpRequests.Post(update, ifMatch: "1"));
        Assert.That(retry.StatusCode, Is.EqualTo(200));
        Assert.That(HttpRequests.Body(retry).GetProperty("status").GetString(), Is.EqualTo("unchanged"));
        Assert.That(_store.Writes, Is.EqualTo(2));
    }

    [TestCase("abc")]
    [TestCase("0")]
    [TestCase("W/\"1\"")]
    public async Task A_malformed_if_match_is_400(string ifMatch) =>
        AssertProblem(await SendAsync(HttpRequests.Post(OrderJson.Valid(), ifMatch: ifMatch)), 400, ProblemTypes.InvalidHeader);

    [Test]
    public async Task An_invalid_order_is_400_problem_details_naming_every_field()
    {
        var response = await SendAsync(HttpRequests.Post("""{"orderId":"o-1","currency":"eur","items":[{"sku":"A","quantity":0,"unitPrice":1.999}]}"""));
        AssertProblem(response, 400, ProblemTypes.InvalidOrder);
        var fields = HttpRequests.Body(response).GetProperty("errors").EnumerateArray()
            .Select(e => e.GetProperty("field").GetString()).ToArray();
        Assert.That(fields, Is.EquivalentTo(new[] { "customerId", "currency", "items[0].quantity", "items[0].unitPrice" }));
        Assert.That(_store.Writes, Is.Zero);
    }

    [Test]
    public async Task A_body_over_256_KB_is_413()
    {
        var big = OrderJson.With(o => o["notes"] = new string('x', 256 * 1024));
        AssertProblem(await SendAsync(HttpRequests.Post(big)), 413, ProblemTypes.TooLarge);
    }

    [Test]
    public async Task A_body_of_exactly_256_KB_is_not_413()
    {
        var order = OrderJson.Valid();
        var padded = order.Insert(order.Length - 1, ",\"notes\":\"" + new string('x', 256 * 1024 - order.Length - 11) + "\"");
        Assert.That(System.Text.Encoding.UTF8.GetByteCount(padded), Is.EqualTo(256 * 1024));
        Assert.That((await SendAsync(HttpRequests.Post(padded))).StatusCode, Is.EqualTo(201));
    }

    [TestCase("{\"orderId\":", "application/json")]
    [TestCase("orderId=o-1", "application/json")]
    [TestCase("", "application/json")]
    [TestCase(null, "application/json")]
    [TestCase("{}", "text/plain")]
    [TestCase("<order/>", "application/xml")]
    public async Task A_body_that_is_not_json_is_415(string? body, string contentType) =>
        AssertProblem(await SendAsync(HttpRequests.Post(body, contentType)), 415, ProblemTypes.NotJson);

    [TestCase("application/json; charset=utf-8")]
    [TestCase("application/merge+json")]
    [TestCase(null)]
    public async Task Json_media_types_and_no_content_type_are_accepted(string? contentType) =>
        Assert.That((await SendAsync(HttpRequests.Post(OrderJson.Valid(), contentType))).StatusCode, Is.EqualTo(201));

    [Test]
    public async Task A_base64_encoded_body_is_decoded() =>
        Assert.That((await SendAsync(HttpRequests.Post(OrderJson.Valid(), base64: true))).StatusCode, Is.EqualTo(201));

    [Test]
    public async Task A_store_failure_is_500_with_a_correlation_id_and_no_internals()
    {
        _store.Fail = new InvalidOperationException("secret table detail");
        var response = await SendAsync(HttpRequests.Post(OrderJson.Valid()));
        AssertProblem(response, 500, ProblemTypes.Internal);
        Assert.Multiple(() =>
        {
            Assert.That(HttpRequests.Body(response).GetProperty("correlationId").GetString(), Is.EqualTo("req-1"));
            Assert.That(response.Body, Does.Not.Contain("secret table detail"));
            Assert.That(response.Body, Does.Not.Contain("InvalidOperationException"));
            var logged = _log.WithMessage("order ingest failed").Single();
            Assert.That(logged.GetProperty("requestId").GetString(), Is.EqualTo("req-1"));
            Assert.That(logged.GetProperty("error").GetString(), Does.Contain("secret table detail"));
        });
    }

    [Test]
    public async Task Every_response_carries_the_request_id()
    {
        var responses = new[]
        {
            await SendAsync(HttpRequests.Post(OrderJson.Valid())),
            await SendAsync(HttpRequests.Post(OrderJson.Valid())),
            await SendAsync(HttpRequests.Post(OrderJson.With(o => o["customerId"] = "x"))),
            await SendAsync(HttpRequests.Post("{}")),
            await SendAsync(HttpRequests.Post("nope")),
        };
        Assert.That(responses.Select(HttpRequests.RequestIdHeader), Is.All.EqualTo("req-1"));
    }

    [Test]
    public async Task Without_a_gateway_request_id_the_lambda_request_id_is_used()
    {
        var request = HttpRequests.Post(OrderJson.Valid()) with { GatewayRequestId = null };
        Assert.That(HttpRequests.RequestIdHeader(await SendAsync(request)), Is.EqualTo("lambda-1"));
    }

    [Test]
    public async Task A_method_other_than_post_is_405()
    {
        var response = await SendAsync(HttpRequests.Post(OrderJson.Valid()) with { Method = "PUT" });
        Assert.That(response.StatusCode, Is.EqualTo(405));
        Assert.That(response.Headers["Allow"], Is.EqualTo("POST"));
    }

    [Test]
    public async Task No_request_at_all_is_415_under_the_invocations_request_id()
    {
        var response = await SendAsync(null);
        AssertProblem(response, 415, ProblemTypes.NotJson, requestId: "lambda-1");
        Assert.That(HttpRequests.Body(response).GetProperty("detail").GetString(), Is.EqualTo("The request has no body."));
    }

    [Test]
    public async Task A_header_only_in_the_multi_value_headers_is_read_without_regard_to_case()
    {
        var request = HttpRequests.Post(OrderJson.Valid(), contentType: null) with
        {
            MultiValueHeaders = new Dictionary<string, IList<string>> { ["CONTENT-TYPE"] = ["text/plain", "application/json"] },
        };
        AssertProblem(await SendAsync(request), 415, ProblemTypes.NotJson);
    }

    [Test]
    public async Task A_body_marked_base64_that_is_not_is_415() =>
        AssertProblem(await SendAsync(HttpRequests.Post("{}") with { IsBase64Encoded = true, Body = "not base64!" }), 415,
            ProblemTypes.NotJson);

    [Test]
    public async Task The_failure_is_logged_with_both_request_ids_and_the_request_line_says_500()
    {
        _store.Fail = new InvalidOperationException("down");
        await SendAsync(HttpRequests.Post(OrderJson.Valid()));
        Assert.Multiple(() =>
        {
            var failed = _log.WithMessage("order ingest failed").Single();
            Assert.That(failed.GetProperty("lambdaRequestId").GetString(), Is.EqualTo("lambda-1"));
            Assert.That(failed.GetProperty("stackTrace").GetString(), Is.Not.Empty);
            var line = _log.WithMessage("order request").Single();
            Assert.That(line.GetProperty("level").GetString(), Is.EqualTo("ERROR"));
            Assert.That(line.GetProperty("status").GetInt32(), Is.EqualTo(500));
        });
    }
}
