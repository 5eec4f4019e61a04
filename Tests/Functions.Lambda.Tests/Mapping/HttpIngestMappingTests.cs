using System.Text.Json;
using Amazon.Lambda.APIGatewayEvents;
using OrdersPipeline.Functions.Ingest.Http;
using OrdersPipeline.Functions.Tests.Ingest;
using OrdersPipeline.Functions.Tests.Ingest.Http;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Mapping;

/// <summary>API Gateway's proxy event through the Lambda serializer and <see cref="HttpIngestFunction"/> gets the
/// answer the core gives for the same request, written back as the proxy integration expects.</summary>
public sealed class HttpIngestMappingTests
{
    private static string ProxyEvent(string body, string? requestId = "gw-1", string method = "POST") =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["resource"] = "/orders",
            ["path"] = "/orders",
            ["httpMethod"] = method,
            ["headers"] = new Dictionary<string, string> { ["content-type"] = "application/json" },
            ["multiValueHeaders"] = new Dictionary<string, string[]>
            {
                ["content-type"] = ["application/json"],
                ["If-Match"] = ["\"1\""],
            },
            ["body"] = body,
            ["isBase64Encoded"] = false,
            ["requestContext"] = requestId is null
                ? null
                : new Dictionary<string, object?> { ["requestId"] = requestId, ["stage"] = "v1" },
        });

    private static HttpIngestFunction Function(InMemoryOrderStore store) =>
        new(new HttpIngestService(store, new FixedTime(), new CapturedLog().Log));

    [Test]
    public async Task The_package_request_gets_the_cores_answer_written_as_the_proxy_response()
    {
        var store = new InMemoryOrderStore();
        await Function(store).HandleAsync(Lambda.Event<APIGatewayProxyRequest>(ProxyEvent(OrderJson.Valid())), Lambda.Context());

        // Same request to a store in the same state: If-Match "1" from multiValueHeaders makes it an update.
        var update = OrderJson.With(o => o["customerId"] = "c-2");
        var coreStore = new InMemoryOrderStore();
        var core = new HttpIngestService(coreStore, new FixedTime(), new CapturedLog().Log);
        await core.HandleAsync(HttpRequests.Post(OrderJson.Valid(), requestId: "gw-1"), Support.Invocations.Create());
        var expected = await core.HandleAsync(
            HttpRequests.Post(update, requestId: "gw-1") with
            {
                MultiValueHeaders = new Dictionary<string, IList<string>> { ["If-Match"] = ["\"1\""] },
            },
            Support.Invocations.Create());

        var response = await Function(store).HandleAsync(Lambda.Event<APIGatewayProxyRequest>(ProxyEvent(update)),
            Lambda.Context());
        using var written = JsonDocument.Parse(Lambda.Response(response));
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(expected.StatusCode).And.EqualTo(200));
            Assert.That(response.Headers, Is.EqualTo(expected.Headers));
            Assert.That(response.Headers.Keys, Is.EqualTo(new[] { "Content-Type", "X-Request-Id", "ETag" }));
            Assert.That(response.Body, Is.EqualTo(expected.Body));
            Assert.That(written.RootElement.GetProperty("statusCode").GetInt32(), Is.EqualTo(200));
            Assert.That(written.RootElement.GetProperty("headers").GetProperty("ETag").GetString(), Is.EqualTo("\"2\""));
            Assert.That(written.RootElement.GetProperty("body").GetString(), Is.EqualTo(expected.Body));
        });
    }

    [Test]
    public async Task Without_a_request_context_the_lambda_request_id_is_the_correlation_id()
    {
        var response = await Function(new InMemoryOrderStore()).HandleAsync(
            Lambda.Event<APIGatewayProxyRequest>(ProxyEvent("{}", requestId: null, method: "PUT")),
            Lambda.Context(requestId: "lambda-7"));
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(405));
            Assert.That(response.Headers["X-Request-Id"], Is.EqualTo("lambda-7"));
            Assert.That(response.Headers["Allow"], Is.EqualTo("POST"));
        });
    }

    [Test]
    public async Task A_null_request_reaches_the_core_as_null() =>
        Assert.That((await Function(new InMemoryOrderStore()).HandleAsync(null!, Lambda.Context())).StatusCode, Is.EqualTo(415));
}
