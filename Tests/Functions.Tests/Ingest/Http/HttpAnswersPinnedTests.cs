using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OrdersPipeline.Functions.Ingest.Http;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Ingest.Http;

/// <summary>
/// The HTTP door's answers (status, headers in order, body byte for byte) are exactly the committed goldens
/// (Fixtures/pinned/http/), for one request of each kind, sent in this order to one orders table.
/// </summary>
public sealed class HttpAnswersPinnedTests
{
    private static readonly JsonWriterOptions Indented = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Each case and its request; they run in this order against one store.</summary>
    private static readonly (string Name, Func<HttpRequest> Request)[] Requests =
    [
        ("create", () => HttpRequests.Post(OrderJson.Valid(), requestId: "req-create")),
        ("repeat", () => HttpRequests.Post(OrderJson.Valid().Replace(",", ", "), requestId: "req-repeat")),
        ("update", () => HttpRequests.Post(OrderJson.With(o => o["customerId"] = "c-2"), ifMatch: "\"1\"", requestId: "req-update")),
        ("conflict", () => HttpRequests.Post(OrderJson.With(o => o["customerId"] = "c-99"), requestId: "req-conflict")),
        ("stale-if-match", () => HttpRequests.Post(OrderJson.With(o => o["customerId"] = "c-3"), ifMatch: "1", requestId: "req-stale")),
        ("invalid-order", () => HttpRequests.Post(
            """{"orderId":"o-1","currency":"eur","items":[{"sku":"A","quantity":0,"unitPrice":1.999}]}""", requestId: "req-invalid")),
        ("invalid-if-match", () => HttpRequests.Post(OrderJson.Valid(), ifMatch: "W/\"1\"", requestId: "req-if-match")),
        ("too-large", () => HttpRequests.Post(OrderJson.With(o => o["notes"] = new string('x', 256 * 1024)), requestId: "req-large")),
        ("not-json", () => HttpRequests.Post("<order id=\"o-1\"/>", "application/xml", requestId: "req-xml")),
        ("method-not-allowed", () => HttpRequests.Post(OrderJson.Valid(), requestId: "req-put") with { Method = "PUT" }),
        ("internal-error", () => HttpRequests.Post(OrderJson.Valid("o-2002"), requestId: "req-fail")),
    ];

    [Test]
    public async Task Every_kind_of_answer_is_the_pinned_one()
    {
        var store = new InMemoryOrderStore();
        var service = new HttpIngestService(store, new FixedTime(), new CapturedLog().Log);
        foreach (var (name, request) in Requests)
        {
            store.Fail = name == "internal-error" ? new InvalidOperationException("table unavailable") : null;
            var answer = await service.HandleAsync(request(), Invocations.Create(requestId: "lambda-" + name));
            Pinned.Matches($"http/{name}.json", Write(answer));
        }
    }

    /// <summary>The answer as the golden holds it: status, headers in the order sent, body as exact text.</summary>
    private static string Write(HttpResult answer)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Indented))
        {
            writer.WriteStartObject();
            writer.WriteNumber("statusCode", answer.StatusCode);
            writer.WriteStartObject("headers");
            foreach (var (name, value) in answer.Headers)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
            writer.WriteString("body", answer.Body);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()).ReplaceLineEndings("\n") + "\n";
    }
}
