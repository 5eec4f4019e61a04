using System.Text;
using System.Text.Json;
using OrdersPipeline.Functions.Ingest.Http;

namespace OrdersPipeline.Functions.Tests.Ingest.Http;

/// <summary>Requests as API Gateway's REST API sends them to the door (headers as the client spelled them), and the
/// parts of an answer the tests read.</summary>
internal static class HttpRequests
{
    public static HttpRequest Post(string? body, string? contentType = "application/json",
        string? ifMatch = null, string requestId = "req-1", bool base64 = false)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (contentType is not null)
        {
            headers["content-type"] = contentType;
        }

        if (ifMatch is not null)
        {
            headers["If-Match"] = ifMatch;
        }

        return new HttpRequest("POST", headers, MultiValueHeaders: null,
            base64 && body is not null ? Convert.ToBase64String(Encoding.UTF8.GetBytes(body)) : body, base64, requestId);
    }

    public static JsonElement Body(HttpResult result) => JsonDocument.Parse(result.Body).RootElement.Clone();

    public static string? Header(HttpResult result, string name) =>
        result.Headers.TryGetValue(name, out var value) ? value : null;

    public static string RequestIdHeader(HttpResult result) => Header(result, HttpHeaders.RequestId)!;
}
